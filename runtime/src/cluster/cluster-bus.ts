/**
 * What the processes serving one database tell each other. Only ids and sequence numbers travel:
 * the data itself is always read from the database (a PostgreSQL NOTIFY payload is limited to
 * 8000 bytes, and a message may be lost while a listening connection reconnects, so the database
 * must stay the one truth that a process catches up from).
 */
export type ClusterEvent =
  /** A live draft got a stored update: processes holding the draft read on from their last seen seq. */
  | { kind: 'draft-updated'; document: string; seq: number }
  /** A person's sessions ended or roles changed: every process re-checks that person's live connections. */
  | { kind: 'access-changed'; personId: string }
  /**
   * Presence in a live draft changed on one process: `update` is a y-protocols awareness update
   * (base64) of that process's own editors, `userId` the person whose connection sent it (absent
   * when their connection closed). Presence is fleeting, so it travels whole rather than by reference.
   */
  | { kind: 'draft-presence'; document: string; update: string; userId?: string }
  /** A process opened a live draft: the others send the presence of their editors of it. */
  | { kind: 'draft-presence-query'; document: string }
  /**
   * A review comment on the document was added, answered, resolved or reopened: every process tells
   * its editors of that draft, who read the comments again through the API (which authorises them).
   */
  | { kind: 'draft-comments-changed'; document: string };

/**
 * The longest presence update (base64 characters) that travels: a 64 KiB awareness message (the
 * collaboration server's cap) with room to spare. On PostgreSQL an event larger than one NOTIFY
 * (8000 bytes) is sent in parts within one transaction and put together by the listeners.
 */
export const MAX_PRESENCE_CHARS = 96 * 1024;

/** One delivered event; `local` when this process published it (it already acted on it). */
export interface ClusterMessage {
  event: ClusterEvent;
  local: boolean;
}

export interface ClusterBus {
  /**
   * Whether other processes may share the database. False for the in-process bus (SQLite, one
   * process): then nothing needs to catch up from the store, and nothing is published.
   */
  readonly shared: boolean;
  /** Sends `event` to every process on the database, this one included (best effort; see above). */
  publish(event: ClusterEvent): Promise<void>;
  /** Hears every event; returns the unsubscribe function. */
  subscribe(listener: (message: ClusterMessage) => void): () => void;
  /**
   * Hears that the listening connection was lost and is back: events sent meanwhile were missed,
   * so every listener re-reads what it follows (from its last seen seq). Returns the unsubscribe function.
   */
  onResumed(listener: () => void): () => void;
  /** Stops listening and releases the connection. */
  close(): Promise<void>;
}

/** Checks and reads a ClusterEvent from its wire form (JSON); undefined for anything else. */
export function parseClusterEvent(value: unknown): ClusterEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Record<string, unknown>;
  if (event.kind === 'draft-updated' && typeof event.document === 'string' && Number.isSafeInteger(event.seq) && (event.seq as number) > 0) {
    return { kind: 'draft-updated', document: event.document, seq: event.seq as number };
  }
  if (event.kind === 'access-changed' && typeof event.personId === 'string') return { kind: 'access-changed', personId: event.personId };
  if (event.kind === 'draft-presence' && typeof event.document === 'string' && typeof event.update === 'string' && event.update.length <= MAX_PRESENCE_CHARS && /^[A-Za-z0-9+/]*={0,2}$/.test(event.update)) {
    if (event.userId !== undefined && typeof event.userId !== 'string') return undefined;
    return { kind: 'draft-presence', document: event.document, update: event.update, ...(typeof event.userId === 'string' ? { userId: event.userId } : {}) };
  }
  if (event.kind === 'draft-presence-query' && typeof event.document === 'string') return { kind: 'draft-presence-query', document: event.document };
  if (event.kind === 'draft-comments-changed' && typeof event.document === 'string') return { kind: 'draft-comments-changed', document: event.document };
  return undefined;
}
