import type * as Y from 'yjs';
import { applyUpdatesSafely } from './apply-updates.js';

/**
 * The durable log of a live draft: every accepted Yjs update, in order, per document.
 *
 * Sequence numbers are positive and strictly increasing within a document (they may be shared
 * across documents, as SQLite's AUTOINCREMENT is). `compact` replaces the oldest rows by one merged
 * update atomically, so a reader sees either the old rows or the merged row, never neither.
 */
export interface DraftUpdateStore {
  /** Every stored update of `document`, oldest first, their seqs, and the seq of the last one (0 when none). */
  loadUpdates(document: string): Promise<{ updates: Uint8Array[]; seqs: number[]; lastSeq: number }>;
  /**
   * The stored updates of `document` with seq > `afterSeq`, oldest first, and their seqs: what
   * another process appended since this one last looked (a compacted row, which keeps the seq of the
   * last row it replaced, comes back whole when that seq is newer; applying it again is harmless).
   */
  loadUpdatesAfter(document: string, afterSeq: number): Promise<{ updates: Uint8Array[]; seqs: number[] }>;
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
  /**
   * Moves the stored update `seq` of `document` out of the draft into quarantine, with the reason
   * it does not apply (atomically; a no-op when there is no such row). `lastSeq` does not go down.
   */
  setAsideStored(document: string, seq: number, reason: string): Promise<void>;
  /** Keeps an update the server refused before storing it, for inspection (bounded per document). */
  setAsideRefused(document: string, update: Uint8Array, author: string | null, reason: string): Promise<void>;
  /** What was set aside for `document`, oldest first. */
  listSetAside(document: string): Promise<SetAsideUpdate[]>;
}

/** An update kept out of a draft because it does not apply. */
export interface SetAsideUpdate {
  /** The draft row it was moved from, or null when it was refused before being stored. */
  seq: number | null;
  update: Uint8Array;
  author: string | null;
  reason: string;
}

/** Refused updates kept per document; older ones are dropped, so a hostile client cannot fill the disk. */
export const MAX_REFUSED_KEPT = 50;

/**
 * A fresh Y.Doc holding every persisted update of `document` (whether or not anyone is connected).
 * Submission uses this, so it sees every edit any client has seen (the collab server stores an
 * update before it relays it). A stored update that does not apply is skipped (the collab server
 * sets such rows aside when it loads the draft).
 * @example
 * const doc = await loadDraftDoc(store, 'panic-week-1');
 * const module = yDocToModule(doc);
 */
export async function loadDraftDoc(store: Pick<DraftUpdateStore, 'loadUpdates'>, document: string): Promise<Y.Doc> {
  const { updates } = await store.loadUpdates(document);
  return applyUpdatesSafely(updates).doc;
}
