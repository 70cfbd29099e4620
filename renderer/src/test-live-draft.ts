// For browser tests on a real server (the designer's and the web apps'): changing a draft the way the
// editor does, over the live-draft endpoint (/collab/<id>, y-websocket), as someone signed in on a
// cookie jar.
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { TestServer } from './test-server.js';

/**
 * Connects to the draft of `documentId` as the person signed in on `jar`, applies `edit` once the
 * server's state has arrived, and waits until `GET /draft` shows the change: until `stored` says so,
 * or by default until the server's draft differs from what the server held before the edit (not from
 * the client's own JSON, whose key order differs: that would go on before the edit is stored).
 *
 * @example
 * await editDraft(server, 'designer', 'phq-9', (doc) => doc.getMap('module').set('id', 'x'));
 */
export async function editDraft(
  server: TestServer,
  jar: string,
  documentId: string,
  edit: (doc: Y.Doc) => void,
  stored?: (draft: { content: Record<string, unknown> }) => boolean,
): Promise<void> {
  const draftPath = `/api/modules/${encodeURIComponent(documentId)}/draft`;
  const before = stored ? '' : JSON.stringify((await server.call<{ content: unknown }>(jar, 'GET', draftPath)).content);
  const done = stored ?? ((draft: { content: unknown }) => JSON.stringify(draft.content) !== before);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.wsOrigin(jar)}/collab`, documentId, doc, { disableBc: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The draft of ${documentId} did not sync.`)), 20_000);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      });
    });
    doc.transact(() => edit(doc));
    const start = Date.now();
    for (;;) {
      const draft = await server.call<{ content: Record<string, unknown> }>(jar, 'GET', draftPath);
      if (done(draft)) return;
      if (Date.now() - start > 20_000) throw new Error(`The server did not store the edit of ${documentId}.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
