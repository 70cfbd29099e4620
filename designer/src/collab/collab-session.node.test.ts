import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabSession, localSession } from './collab-session.js';
import type { CollabTransport } from './collab-session.js';
import { peersOf } from './presence.js';
import { initials, userColor } from './user-color.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

function fakeTransport() {
  const listeners = new Map<string, Set<(value: never) => void>>();
  const transport: CollabTransport & { emit(event: string, value: unknown): void; destroyed: boolean; disconnected: boolean } = {
    destroyed: false,
    disconnected: false,
    disconnect() {
      transport.disconnected = true;
    },
    on(event: string, listener: (value: never) => void) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
    },
    off(event: string, listener: (value: never) => void) {
      listeners.get(event)?.delete(listener);
    },
    destroy() {
      transport.destroyed = true;
    },
    emit(event: string, value: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(value as never);
    },
  } as never;
  return transport;
}

describe('CollabSession', () => {
  it.each([
    [4423, 'read-only'],
    [4413, 'too-large'],
    [4400, 'refused'],
    [4429, 'too-many-refusals'],
    [4403, 'no-access'],
  ] as const)('a close with %i stops the session (%s): read-only, no reconnecting, no more edits', (code, reason) => {
    const doc = new Y.Doc();
    const transport = fakeTransport();
    const session = new CollabSession({ doc, awareness: new Awareness(doc), user: anna, transport });
    transport.emit('status', { status: 'connected' });
    let notified = 0;
    session.subscribe(() => notified++);
    expect(session.readOnly).toBe(false);
    transport.emit('connection-close', { code });
    expect(session.stopped).toBe(reason);
    expect(session.readOnly).toBe(true);
    expect(session.connection).toBe('offline');
    expect(transport.disconnected).toBe(true);
    expect(notified).toBe(1);
    session.transact(() => doc.getMap('module').set('title', 'lost'));
    expect(doc.getMap('module').has('title')).toBe(false);
    // y-websocket reporting its own state afterwards changes nothing.
    transport.emit('status', { status: 'connecting' });
    expect(session.connection).toBe('offline');
  });

  it('a close the client recovers from by reconnecting (1006, 1011, 4500) does not stop it', () => {
    const doc = new Y.Doc();
    const transport = fakeTransport();
    const session = new CollabSession({ doc, awareness: new Awareness(doc), user: anna, transport });
    for (const code of [1006, 1011, 4500]) transport.emit('connection-close', { code });
    transport.emit('connection-close', null);
    expect(session.stopped).toBeUndefined();
    expect(session.readOnly).toBe(false);
    expect(transport.disconnected).toBe(false);
  });

  it('undoes edits of the root it was opened on (a program draft)', () => {
    const doc = new Y.Doc();
    const session = localSession(doc, anna, { root: 'program' });
    const program = doc.getMap('program');
    session.transact(() => program.set('durationWeeks', 12));
    session.transact(() => doc.getMap('module').set('durationWeeks', 3));
    session.undoManager.undo();
    expect(program.get('durationWeeks')).toBeUndefined();
    expect(doc.getMap('module').get('durationWeeks')).toBe(3);
  });

  it('undoes only its own edits, not edits that arrive from others', () => {
    const doc = new Y.Doc();
    const session = localSession(doc, anna);
    const root = doc.getMap('module');
    session.transact(() => root.set('title', 'mine'));
    session.undoManager.stopCapturing();
    doc.transact(() => root.set('summary', 'theirs'), 'remote');
    session.undoManager.undo();
    expect(root.get('title')).toBeUndefined();
    expect(root.get('summary')).toBe('theirs');
  });

  it('follows the transport: connecting, connected, then offline after a lost connection, and synced', () => {
    const doc = new Y.Doc();
    const transport = fakeTransport();
    const session = new CollabSession({ doc, awareness: new Awareness(doc), user: anna, transport });
    const seen: string[] = [];
    session.subscribe(() => seen.push(`${session.connection}/${session.synced}`));
    expect(session.connection).toBe('connecting');
    transport.emit('status', { status: 'connected' });
    transport.emit('sync', true);
    transport.emit('status', { status: 'disconnected' });
    transport.emit('status', { status: 'connecting' });
    expect(session.connection).toBe('offline');
    transport.emit('status', { status: 'connected' });
    expect(seen).toEqual(['connected/false', 'connected/true', 'offline/true', 'connected/true']);
    session.destroy();
    expect(transport.destroyed).toBe(true);
  });

  it('ignores edits of a read-only session', () => {
    const doc = new Y.Doc();
    const session = localSession(doc, anna, { readOnly: true });
    session.transact(() => doc.getMap('module').set('title', 'x'));
    expect(doc.getMap('module').size).toBe(0);
  });

  it('publishes who is where in awareness, and lists the others by name', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const session = localSession(doc, anna, { awareness });
    session.setLocation('welcome', 'mainFear');
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { name: 'Ben Berg', color: '#a8321a' }, page: 'welcome', block: null });
    awareness.states.set(other.clientID, other.getLocalState()!);
    expect(peersOf(awareness)).toEqual([{ clientId: other.clientID, name: 'Ben Berg', color: '#a8321a', pageId: 'welcome', blockId: null }]);
    expect(awareness.getLocalState()).toMatchObject({ user: anna, page: 'welcome', block: 'mainFear' });
  });
});

describe('user colours and initials', () => {
  it('gives a person the same colour every time and two initials', () => {
    expect(userColor('person-7')).toBe(userColor('person-7'));
    expect(userColor('person-7')).toMatch(/^#[0-9a-f]{6}$/);
    expect(initials('Anna Maria Lind')).toBe('AL');
    expect(initials('  ')).toBe('?');
  });
});
