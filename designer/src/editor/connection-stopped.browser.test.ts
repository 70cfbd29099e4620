import { expect } from '@open-wc/testing';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { moduleToYDoc } from '@careloom/format/ydoc';
import { CollabSession, type CollabTransport } from '../collab/collab-session.js';
import { openCollabSession } from '../collab/open-collab-session.js';
import { i18n } from '../i18n/i18n.js';
import { deep, deepAll, mountEditor, panicWeek1, settle } from './test-helpers.js';

/** A transport the test drives: the server's close codes arrive as y-websocket reports them. */
function serverTransport() {
  const listeners = new Map<string, Set<(value: never) => void>>();
  const transport = {
    disconnected: false,
    on(event: string, listener: (value: never) => void) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
    },
    off(event: string, listener: (value: never) => void) {
      listeners.get(event)?.delete(listener);
    },
    disconnect() {
      transport.disconnected = true;
    },
    destroy() {},
    emit(event: string, value: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(value as never);
    },
  };
  return transport;
}

async function connectedEditor() {
  const doc = moduleToYDoc(panicWeek1);
  const transport = serverTransport();
  const session = new CollabSession({ doc, awareness: new Awareness(doc), user: { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' }, transport: transport as unknown as CollabTransport });
  transport.emit('status', { status: 'connected' });
  transport.emit('sync', true);
  const editor = await mountEditor(session);
  return { editor, session, transport };
}

async function closeWith(setup: Awaited<ReturnType<typeof connectedEditor>>, code: number): Promise<HTMLElement> {
  setup.transport.emit('connection-close', { code });
  await settle(setup.editor);
  return deep(deep(setup.editor, 'cl-editor-header'), '[role="alert"]');
}

/** The page's fields that take typing (the patient preview beside them is not the draft). */
function editableFields(editor: Element): HTMLInputElement[] {
  return deepAll<HTMLInputElement>(deep(editor, 'cl-page-canvas'), 'input, textarea').filter((input) => !input.readOnly && !input.disabled);
}

describe('the editor when the server stops the connection', () => {
  afterEach(() => i18n.setLocale('en'));

  it('4423: the editor becomes read-only and says so, and offers to reload', async () => {
    const setup = await connectedEditor();
    const header = deep(setup.editor, 'cl-editor-header');
    expect(deepAll(header, '[data-action="undo"]')).to.have.length(1);
    expect(editableFields(setup.editor).length).to.be.greaterThan(0);
    const alert = await closeWith(setup, 4423);
    expect(alert.textContent).to.contain('You can now only read this draft');
    expect(deep(header, '[role="status"]').textContent).to.equal('Not connected');
    expect(deepAll(header, '[data-action="undo"]')).to.have.length(0);
    expect(editableFields(setup.editor)).to.have.length(0);
    expect(setup.transport.disconnected).to.equal(true);
    let reloads = 0;
    setup.editor.addEventListener('draft-reload', () => reloads++);
    deep<HTMLButtonElement>(alert, '[data-action="reload-draft"]').click();
    expect(reloads).to.equal(1);
  });

  it('4413: says the last change could not be saved because it is too large, and offers to reload', async () => {
    const setup = await connectedEditor();
    const alert = await closeWith(setup, 4413);
    expect(alert.textContent).to.contain('Your last change could not be saved: it is larger than the server accepts.');
    expect(deepAll(alert, '[data-action="reload-draft"]')).to.have.length(1);
    expect(editableFields(setup.editor)).to.have.length(0);
  });

  it('4400: says the last change could not be saved, in Swedish and Norwegian too', async () => {
    const setup = await connectedEditor();
    const alert = await closeWith(setup, 4400);
    expect(alert.textContent).to.contain('the server did not accept it');
    i18n.setLocale('sv');
    await settle(setup.editor);
    expect(deep(deep(setup.editor, 'cl-editor-header'), '[role="alert"]').textContent).to.contain('Din senaste ändring kunde inte sparas');
    i18n.setLocale('nb');
    await settle(setup.editor);
    expect(deep(deep(setup.editor, 'cl-editor-header'), '[role="alert"]').textContent).to.contain('Den siste endringen din kunne ikke lagres');
  });

  it('a rich-text field stops taking typing once the session is stopped', async () => {
    const setup = await connectedEditor();
    const rich = deepAll<HTMLElement & { editor?: { isEditable: boolean } }>(setup.editor, 'cl-rich-text')[0]!;
    expect(rich.editor!.isEditable).to.equal(true);
    await closeWith(setup, 4413);
    expect(rich.editor!.isEditable).to.equal(false);
  });

  it('a close it recovers from (1006) keeps it editable and shows "offline"', async () => {
    const setup = await connectedEditor();
    setup.transport.emit('connection-close', { code: 1006 });
    setup.transport.emit('status', { status: 'disconnected' });
    await settle(setup.editor);
    const header = deep(setup.editor, 'cl-editor-header');
    expect(deepAll(header, '[role="alert"]')).to.have.length(0);
    expect(deep(header, '[role="status"]').textContent).to.contain('Offline');
    expect(editableFields(setup.editor).length).to.be.greaterThan(0);
  });

  it('refused at the door (403, which a browser cannot see): the editor asks the API and says access is gone', async () => {
    let asked = 0;
    // Nothing listens on port 9: the socket fails to open, as a refused upgrade does in a browser.
    const session = openCollabSession({ documentId: 'gone', readOnly: false, wsOrigin: 'ws://127.0.0.1:9', user: { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' }, checkAccess: async () => (asked++, false) });
    try {
      const start = Date.now();
      while (!session.stopped && Date.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(session.stopped).to.equal('no-access');
      expect(asked).to.equal(1);
      expect(session.readOnly).to.equal(true);
      Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(moduleToYDoc(panicWeek1)));
      const editor = await mountEditor(session);
      expect(editableFields(editor)).to.have.length(0);
      const alert = deep(deep(editor, 'cl-editor-header'), '[role="alert"]');
      expect(alert.textContent).to.contain('You no longer have access to this draft.');
      expect(deepAll(alert, '[data-action="reload-draft"]')).to.have.length(0);
    } finally {
      session.destroy();
    }
  });
});
