import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createTestClusterNetwork } from '../cluster/test-cluster-network.js';
import { closed, opened, refusedStatus, startHarness, waitFor, webSocketWithOrigin, type Harness } from './collab-test-harness.js';
import { MemoryDraftUpdateStore } from './memory-update-store.js';
import { MESSAGE_COMMENTS_CHANGED } from './protocol.js';

const PATIENCE_MS = 20_000;

// The review screen listens on a draft's connection for comment notices only (`?only=notices`):
// it must hear every notice, on any process, and nothing of the draft itself.
describe('a notices-only connection', () => {
  const harnesses: Harness[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    for (const harness of harnesses.splice(0)) await harness.stop();
  });
  const start = async (options: Parameters<typeof startHarness>[0] = {}) => {
    const harness = await startHarness(options);
    harnesses.push(harness);
    return harness;
  };
  const listener = (harness: Harness, document: string, user: string, query = 'notices=comments&only=notices') => {
    const ws = new (webSocketWithOrigin())(`${harness.url}/${document}?${query}&user=${encodeURIComponent(user)}`);
    ws.on('error', () => undefined);
    sockets.push(ws);
    const frames: number[][] = [];
    ws.on('message', (data: Buffer) => frames.push([...new Uint8Array(data)]));
    return { ws, frames };
  };

  it('hears the comment notices of its draft from every process and nothing of the draft, its edits or presence', { timeout: 90_000 }, async () => {
    const store = new MemoryDraftUpdateStore();
    const network = createTestClusterNetwork();
    const one = await start({ store, bus: network.bus() });
    const two = await start({ store, bus: network.bus() });
    const reviewer = listener(two, 'doc', 'reader');
    // A designer with write access listening this way is still only a listener.
    const designer = listener(one, 'doc', 'alice');
    await Promise.all([opened(reviewer.ws, PATIENCE_MS), opened(designer.ws, PATIENCE_MS)]);
    const editor = one.connect('doc', 'bob');
    await waitFor(() => editor.provider.synced, 'bob synced', PATIENCE_MS);
    editor.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    editor.doc.getText('body').insert(0, 'a draft the reviewer must not receive');
    const other = one.connect('doc', 'carol');
    await waitFor(() => other.text() === 'a draft the reviewer must not receive', 'the edit relayed to an editor', PATIENCE_MS);

    one.collab.commentsChanged('doc');
    await waitFor(() => reviewer.frames.length === 1 && designer.frames.length === 1, 'both heard the notice', PATIENCE_MS);
    two.collab.commentsChanged('doc');
    await waitFor(() => reviewer.frames.length === 2 && designer.frames.length === 2, 'both heard the second', PATIENCE_MS);
    one.collab.commentsChanged('other');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reviewer.frames).toEqual([[MESSAGE_COMMENTS_CHANGED], [MESSAGE_COMMENTS_CHANGED]]);
    expect(designer.frames).toEqual([[MESSAGE_COMMENTS_CHANGED], [MESSAGE_COMMENTS_CHANGED]]);
  });

  it('is closed as malformed when it sends anything, and refused like any connection to someone without access', async () => {
    const harness = await start();
    const { ws } = listener(harness, 'doc', 'reader');
    await opened(ws, PATIENCE_MS);
    const closing = closed(ws, PATIENCE_MS);
    ws.send(new Uint8Array([0, 0, 1, 0]));
    expect((await closing).code).toBe(4400);

    const stranger = listener(harness, 'doc', 'mallory');
    expect((await refusedStatus(stranger.ws, PATIENCE_MS)).status).toBe(403);
    const nobody = new (webSocketWithOrigin())(`${harness.url}/doc?notices=comments&only=notices`);
    nobody.on('error', () => undefined);
    sockets.push(nobody);
    expect((await refusedStatus(nobody, PATIENCE_MS)).status).toBe(401);
  });
});
