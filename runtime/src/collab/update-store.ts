import * as Y from 'yjs';

/**
 * The durable log of a live draft: every accepted Yjs update, in order, per document.
 *
 * Sequence numbers are positive and strictly increasing within a document (they may be shared
 * across documents, as SQLite's AUTOINCREMENT is). `compact` replaces the oldest rows by one merged
 * update atomically, so a reader sees either the old rows or the merged row, never neither.
 */
export interface DraftUpdateStore {
  /** Every stored update of `document`, oldest first, and the seq of the last one (0 when none). */
  loadUpdates(document: string): Promise<{ updates: Uint8Array[]; lastSeq: number }>;
  /**
   * Durably appends one update and returns its seq. The store keeps its own copy of the bytes.
   * @param author who sent the update (the collab principal's userId); stores may record it
   *   (the SQLite store keeps contributors per draft) or ignore it.
   */
  appendUpdate(document: string, update: Uint8Array, author?: string | null): Promise<number>;
  /**
   * Replaces every row with seq ≤ `upToSeq` by one row holding `merged` (which must contain all of
   * them), atomically; later rows stay, after it. `lastSeq` does not go down. A no-op when no row
   * has seq ≤ `upToSeq`.
   */
  compact(document: string, merged: Uint8Array, upToSeq: number): Promise<void>;
}

/**
 * A fresh Y.Doc holding every persisted update of `document` (whether or not anyone is connected).
 * Submission uses this, so it sees every edit any client has seen (the collab server stores an
 * update before it relays it). Throws if a stored update cannot be applied.
 * @example
 * const doc = await loadDraftDoc(store, 'panic-week-1');
 * const module = yDocToModule(doc);
 */
export async function loadDraftDoc(store: DraftUpdateStore, document: string): Promise<Y.Doc> {
  const { updates } = await store.loadUpdates(document);
  const doc = new Y.Doc();
  applyStoredUpdates(doc, updates);
  return doc;
}

/** Applies stored updates in one transaction (so observers fire once). */
export function applyStoredUpdates(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown = 'store'): void {
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  }, origin);
}
