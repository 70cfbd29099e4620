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
  | { kind: 'access-changed'; personId: string };

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
  return undefined;
}
