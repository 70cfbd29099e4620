import type { Awareness } from 'y-protocols/awareness';
import type { CollabSession } from '../collab/collab-session.js';
import { peersOf, type Peer } from '../collab/presence.js';

/** Where in the program editor a person is: a section and, in a list, the entry's key or id. */
export interface ProgramFocus {
  /** `general`, `modules`, `measurements` or `registrations`. */
  section: string | null;
  /** Key (modules) or id (measurements, registrations) of the entry, null outside one. */
  entry: string | null;
}

/** Another editor of the program, with the section and entry they are on. */
export interface ProgramPeer extends Peer, ProgramFocus {}

/**
 * The other editors of a program draft, sorted by name, with their focus from the awareness
 * fields `section` and `entry` (see designer/src/collab/README.md).
 *
 * @example
 * awareness.on('change', () => { editor.peers = programPeersOf(awareness); });
 */
export function programPeersOf(awareness: Awareness): ProgramPeer[] {
  const states = awareness.getStates();
  return peersOf(awareness).map((peer) => {
    const state = (states.get(peer.clientId) ?? {}) as { section?: unknown; entry?: unknown };
    return { ...peer, section: typeof state.section === 'string' ? state.section : null, entry: typeof state.entry === 'string' ? state.entry : null };
  });
}

/** Tells the others which section and entry this person is on (nothing is sent when it is unchanged). */
export function publishProgramFocus(session: CollabSession, focus: ProgramFocus): void {
  const state = session.awareness.getLocalState() ?? {};
  if (state['section'] === focus.section && state['entry'] === focus.entry) return;
  session.awareness.setLocalState({ ...state, section: focus.section, entry: focus.entry });
}
