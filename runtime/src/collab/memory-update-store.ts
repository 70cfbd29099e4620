import type { DraftUpdateStore } from './update-store.js';

interface Row {
  seq: number;
  update: Uint8Array;
  author: string | null;
}

/**
 * An in-memory `DraftUpdateStore` for tests and local experiments. Seqs are global across
 * documents, as in SQLite. `clone()` snapshots the store (a "disk image" for restart tests).
 */
export class MemoryDraftUpdateStore implements DraftUpdateStore {
  private readonly rows = new Map<string, Row[]>();
  private nextSeq = 1;

  async loadUpdates(document: string): Promise<{ updates: Uint8Array[]; lastSeq: number }> {
    const rows = this.rows.get(document) ?? [];
    return { updates: rows.map((row) => row.update.slice()), lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  async appendUpdate(document: string, update: Uint8Array, author: string | null = null): Promise<number> {
    const seq = this.nextSeq++;
    const rows = this.rows.get(document) ?? [];
    rows.push({ seq, update: update.slice(), author });
    this.rows.set(document, rows);
    return seq;
  }

  async compact(document: string, merged: Uint8Array, upToSeq: number): Promise<void> {
    const rows = this.rows.get(document) ?? [];
    const replaced = rows.filter((row) => row.seq <= upToSeq);
    const last = replaced.at(-1);
    if (!last) return;
    // The merged row takes the seq of the last row it replaces, so order and lastSeq are kept.
    this.rows.set(document, [{ seq: last.seq, update: merged.slice(), author: null }, ...rows.filter((row) => row.seq > upToSeq)]);
  }

  /** Number of stored rows of `document` (for tests and metrics). */
  rowCount(document: string): number {
    return this.rows.get(document)?.length ?? 0;
  }

  /** Authors recorded with the rows of `document`, oldest first (null for merged rows). */
  authors(document: string): Array<string | null> {
    return (this.rows.get(document) ?? []).map((row) => row.author);
  }

  /** An independent copy of everything stored so far. */
  clone(): MemoryDraftUpdateStore {
    const copy = new MemoryDraftUpdateStore();
    copy.nextSeq = this.nextSeq;
    for (const [document, rows] of this.rows) copy.rows.set(document, rows.map((row) => ({ ...row, update: row.update.slice() })));
    return copy;
  }
}
