import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { localSession, type CollabSession } from './collab-session.js';
import { CollabSessionController } from './collab-session-controller.js';
import { peersOf } from './presence.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

/** Listeners on an awareness's change event (lib0's Observable keeps them in `_observers`; internal, but stable in lib0 0.2). */
function changeListeners(awareness: Awareness): number {
  return (awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('change')?.size ?? 0;
}

/** An editor reduced to its session: opens a local one per document, counting what happens. */
class SessionProbe extends LitElement {
  static override properties = { session: { attribute: false }, documentId: { attribute: false } };
  declare session: CollabSession | undefined;
  declare documentId: string;
  opened: CollabSession[] = [];
  destroyed: CollabSession[] = [];
  updates = 0;
  /** Delays opening (like the module editor's read of the document) until released. */
  gate: Promise<void> | undefined;
  readonly collab = new CollabSessionController(this, {
    documentId: () => this.documentId,
    open: async (readOnly) => {
      if (this.gate) await this.gate;
      const session = localSession(new Y.Doc(), anna, { readOnly });
      const destroy = session.destroy.bind(session);
      session.destroy = () => {
        this.destroyed.push(session);
        destroy();
      };
      this.opened.push(session);
      return session;
    },
    peersOf,
    attached: (session) => {
      const onUpdate = () => (this.updates += 1);
      session.doc.on('update', onUpdate);
      return [() => session.doc.off('update', onUpdate)];
    },
  });

  constructor() {
    super();
    this.documentId = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.collab.follow();
    if (changed.has('documentId')) void this.collab.open();
  }

  protected override render() {
    return html`${this.collab.peers.map((peer) => peer.name).join(', ')}`;
  }
}
customElements.define('collab-session-probe', SessionProbe);

async function settled(element: SessionProbe): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

describe('CollabSessionController', () => {
  it('opens the draft once, follows the other editors, and lets everything go on removal', async () => {
    const element = await fixture<SessionProbe>(html`<collab-session-probe .documentId=${'phq-9'}></collab-session-probe>`);
    await settled(element);
    element.requestUpdate();
    await settled(element);
    expect(element.opened).to.have.length(1);
    const session = element.opened[0]!;
    expect(element.session === session).to.equal(true);
    expect(element.collab.owned).to.equal(true);

    // Another editor appears in the awareness: the element shows them.
    const other = new Awareness(new Y.Doc());
    other.setLocalStateField('user', { id: 'ben', name: 'Ben Berg', color: '#b3261e' });
    session.awareness.setLocalStateField('user', anna);
    session.awareness.states.set(other.clientID, other.getLocalState()!);
    session.awareness.emit('change', [{ added: [other.clientID], updated: [], removed: [] }, 'remote']);
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).to.contain('Ben Berg');
    session.doc.getMap('module').set('id', 'phq-9');
    expect(element.updates).to.equal(1);

    element.remove();
    expect(element.destroyed.length === 1 && element.destroyed[0] === session).to.equal(true);
    expect(element.session).to.equal(undefined);
    expect(element.collab.attached).to.equal(undefined);
    expect(changeListeners(session.awareness)).to.equal(0);
    session.doc.getMap('module').set('id', 'other');
    expect(element.updates).to.equal(1);
  });

  it('opens a fresh session when put back in the page', async () => {
    const element = await fixture<SessionProbe>(html`<collab-session-probe .documentId=${'phq-9'}></collab-session-probe>`);
    await settled(element);
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await settled(element);
    expect(element.opened).to.have.length(2);
    expect(element.session === element.opened[1]).to.equal(true);
    expect(element.destroyed).to.have.length(1);
  });

  it('follows a session handed in without opening or destroying one', async () => {
    const handed = localSession(new Y.Doc(), anna);
    const element = await fixture<SessionProbe>(html`<collab-session-probe .session=${handed} .documentId=${'phq-9'}></collab-session-probe>`);
    await settled(element);
    expect(element.opened).to.have.length(0);
    expect(element.collab.attached === handed).to.equal(true);
    expect(element.collab.reload()).to.equal(false);
    const listening = changeListeners(handed.awareness);
    element.remove();
    expect(element.session === handed).to.equal(true);
    expect(changeListeners(handed.awareness)).to.equal(listening - 1);
    expect(element.destroyed).to.have.length(0);
  });

  it('destroys a session that finished opening after the element left the page', async () => {
    const element = document.createElement('collab-session-probe') as SessionProbe;
    let release!: () => void;
    element.gate = new Promise((resolve) => (release = resolve));
    element.documentId = 'phq-9';
    document.body.append(element);
    await element.updateComplete;
    element.remove();
    release();
    await settled(element);
    expect(element.opened).to.have.length(1);
    expect(element.destroyed).to.have.length(1);
    expect(element.session).to.equal(undefined);
  });

  it('reopens read-only after the server said the person may only read', async () => {
    const element = await fixture<SessionProbe>(html`<collab-session-probe .documentId=${'phq-9'}></collab-session-probe>`);
    await settled(element);
    const first = element.opened[0]!;
    first.stop('read-only');
    expect(element.collab.reload()).to.equal(true);
    await settled(element);
    expect(element.destroyed[0] === first).to.equal(true);
    expect(element.opened).to.have.length(2);
    expect(element.opened[1]!.readOnly).to.equal(true);
    expect(element.session === element.opened[1]).to.equal(true);
  });
});
