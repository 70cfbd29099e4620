import type { Awareness } from 'y-protocols/awareness';

/** What a collaborator publishes in awareness, besides the carets Tiptap adds (`cursor`). */
export interface PresenceState {
  user?: { id?: string; name?: string; color?: string };
  /** Id of the page the person has open. */
  page?: string | null;
  /** Id of the block the person is working in, null when none. */
  block?: string | null;
}

/** Another editor of the same draft, as the header and the canvas show them. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  pageId: string | null;
  blockId: string | null;
}

/**
 * The other people in the draft, from awareness: one entry per connected client that has said
 * who it is, sorted by name. The local client is left out.
 *
 * @example
 * awareness.on('change', () => { header.peers = peersOf(awareness); });
 */
export function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const state = raw as PresenceState;
    const name = state.user?.name;
    if (typeof name !== 'string' || name === '') continue;
    peers.push({
      clientId,
      name,
      color: typeof state.user?.color === 'string' ? state.user.color : '#4d5a6b',
      pageId: typeof state.page === 'string' ? state.page : null,
      blockId: typeof state.block === 'string' ? state.block : null,
    });
  }
  return peers.sort((left, right) => left.name.localeCompare(right.name) || left.clientId - right.clientId);
}
