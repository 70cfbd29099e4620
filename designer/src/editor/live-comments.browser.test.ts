import { expect, fixture, html } from '@open-wc/testing';
import { openCollabSession } from '../collab/open-collab-session.js';
import type { CollabSession } from '../collab/collab-session.js';
import { userColor } from '../collab/user-color.js';
import { deep, deepAll, signedInWorkspace, startTestServer, until, type TestServer } from '../testing/app-fixture.js';
import '../review/comment-thread.js';
import type { ClModuleEditor } from './module-editor.js';
import './define.js';

// A designer has a draft open on a real server (its live connection included); a publisher
// comments, answers and resolves through the API, as the review screen does. The editor shows each
// change without a reload.
const DOCUMENT = 'panic-week-1-live-comments';

let server: TestServer;
let session: CollabSession | undefined;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  session?.destroy();
  session = undefined;
  await server.stop();
});

/** The block's section in the editor's canvas. */
const block = (editor: Element, id: string) => deep(editor, `section.block[data-block-id="${id}"]`);
/** The texts of `selector` in the comment thread open beside a block. */
const texts = (editor: Element, selector: string) => {
  const thread = deep(editor, 'cl-comment-thread');
  return thread ? deepAll(thread, selector).map((element) => element.textContent) : [];
};
const badge = (editor: Element, id: string) => block(editor, id)?.querySelector<HTMLButtonElement>('button.badge') ?? null;

describe('review comments in an open editor', () => {
  it('appear, answer and resolve live, without a reload', async function () {
    // Signing three people in (scrypt) and opening a live draft on a busy machine takes a while.
    this.timeout(120_000);
    await server.signIn('arrange', 'designer');
    const workspace = await signedInWorkspace(server, 'designer', 'editor');
    await server.call('arrange', 'POST', '/api/modules', { organisationId: workspace.organisationId, id: DOCUMENT, example: 'panic-week-1' });
    const person = workspace.session.person;
    session = openCollabSession({ documentId: DOCUMENT, readOnly: false, wsOrigin: server.wsOrigin('editor'), user: { id: person.id, name: person.name, color: userColor(person.id) } });
    const live = session;
    const editor = await fixture<ClModuleEditor>(html`<cl-module-editor document-id=${DOCUMENT} .workspace=${workspace} .session=${live}></cl-module-editor>`);
    await until(() => live.synced && block(editor, 'mainFear'), 20_000);
    expect(badge(editor, 'mainFear')).to.equal(null);

    await server.signIn('reviewer', 'publisher');
    const thread = await server.call<{ id: string }>('reviewer', 'POST', `/api/modules/${DOCUMENT}/comments`, { body: 'Name the fear in plain words.', anchor: 'mainFear' });
    const shown = await until(() => badge(editor, 'mainFear'), 15_000);
    expect(shown.textContent).to.contain('Open comments: 1');

    shown.click();
    await until(() => texts(editor, '.body').includes('Name the fear in plain words.'), 15_000);
    await server.call('reviewer', 'POST', `/api/modules/${DOCUMENT}/comments`, { body: 'For example "fainting".', parentId: thread.id });
    await until(() => texts(editor, '.replies .body').includes('For example "fainting".'), 15_000);

    await server.call('reviewer', 'POST', `/api/modules/${DOCUMENT}/comments/${thread.id}/resolve`);
    await until(() => badge(editor, 'mainFear') === null, 15_000);
  });
});
