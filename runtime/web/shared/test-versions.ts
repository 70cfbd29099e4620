// For the web apps' browser tests on a real server (renderer/src/test-server.ts): a newer released
// version of a demo module, made as the designer and the publisher make one: the demo designer edits
// the draft over the live-draft endpoint (/collab/<id>, y-websocket, as the designer app does) and
// submits it, the demo publisher reviews, approves and releases it. Only tests use it.
import type * as Y from 'yjs';
import { editDraft } from '@careloom/renderer/test-live-draft';
import { getPagesArray } from '@careloom/format/ydoc';
import type { TestServer } from '@careloom/renderer/test-server';

const DESIGNER = 'arrange-designer';
const PUBLISHER = 'arrange-publisher';

/**
 * Appends `edit` to the English title of the module's first page (and makes `change` to the draft, in
 * the same edit, when given: removing a question, an answer choice…), submits the draft and releases
 * it as `releaseClass`; answers the new version's number.
 *
 * @example
 * const version = await releaseNewVersion(server, 'phq-9', { edit: ' (revised)', releaseClass: 'minor' }); // 2
 */
export async function releaseNewVersion(server: TestServer, moduleId: string, options: { edit: string; releaseClass: 'major' | 'minor'; releaseNotes?: string; change?: (doc: Y.Doc) => void }): Promise<number> {
  await server.signIn(DESIGNER, 'designer');
  await server.signIn(PUBLISHER, 'publisher');
  await editDraft(server, DESIGNER, moduleId, (doc) => {
    const title = ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en');
    if (!title) throw new Error(`The first page of ${moduleId} has no English title.`);
    title.insert(title.length, options.edit);
    options.change?.(doc);
  });
  const notes = options.releaseNotes ?? `Revised: ${options.edit.trim()}`;
  const { number } = await server.call<{ number: number }>(DESIGNER, 'POST', `/api/modules/${encodeURIComponent(moduleId)}/versions`, { changeNote: notes });
  for (const step of [{ action: 'start_review' }, { action: 'approve_for_test' }, { action: 'release', releaseNotes: notes, releaseClass: options.releaseClass }]) {
    await server.call(PUBLISHER, 'POST', `/api/modules/${encodeURIComponent(moduleId)}/versions/${number}/transitions`, step);
  }
  return number;
}
