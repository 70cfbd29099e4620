// For the program editor's browser tests: two sessions on two in-memory replicas of a program draft.
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Program } from '@careloom/format';
import { programToYDoc } from '@careloom/format/ydoc';
import { CollabSession } from '../collab/collab-session.js';

const REMOTE = Symbol('test-remote');

/** Two people's sessions on one program, synced both ways (docs and awareness) until `pause()`. */
export interface ProgramSessionPair {
  anna: CollabSession;
  ben: CollabSession;
  /** Takes both offline: edits stay local. */
  pause(): void;
  /** Exchanges what each missed, as y-websocket does on reconnecting, and syncs live again. */
  resume(): void;
}

export function programSessionPair(program: Program): ProgramSessionPair {
  const annaDoc = programToYDoc(structuredClone(program));
  const benDoc = new Y.Doc();
  Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(annaDoc));
  const annaAwareness = new Awareness(annaDoc);
  const benAwareness = new Awareness(benDoc);
  let live = true;
  const relayDoc = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (live && origin !== REMOTE) Y.applyUpdate(to, update, REMOTE);
    });
  relayDoc(annaDoc, benDoc);
  relayDoc(benDoc, annaDoc);
  const relayAwareness = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (!live || origin === REMOTE) return;
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), REMOTE);
    });
  relayAwareness(annaAwareness, benAwareness);
  relayAwareness(benAwareness, annaAwareness);
  const anna = new CollabSession({ doc: annaDoc, awareness: annaAwareness, root: 'program', user: { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' } });
  const ben = new CollabSession({ doc: benDoc, awareness: benAwareness, root: 'program', user: { id: 'ben', name: 'Ben Berg', color: '#a8321a' } });
  return {
    anna,
    ben,
    pause() {
      live = false;
      anna.setConnection('offline');
      ben.setConnection('offline');
    },
    resume() {
      live = true;
      Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(annaDoc, Y.encodeStateVector(benDoc)), REMOTE);
      Y.applyUpdate(annaDoc, Y.encodeStateAsUpdate(benDoc, Y.encodeStateVector(annaDoc)), REMOTE);
      anna.setConnection('connected');
      ben.setConnection('connected');
    },
  };
}
