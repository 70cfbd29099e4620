import { MAX_REFUSED_KEPT, type DraftUpdateStore, type SetAsideUpdate } from './update-store.js';

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
  /** Kept apart from the rows: setting the last row aside must not lower lastSeq. */
  private readonly lastSeqs = new Map<string, number>();
  private readonly setAside = new Map<string, SetAsideUpdate[]>();
  private nextSeq = 1;

  async loadUpdates(document: string): Promise<{ updates: Uint8Array[]; seqs: number[]; lastSeq: number }> {
    const rows = this.rows.get(document) ?? [];
    return { updates: rows.map((row) => row.update.slice()), seqs: rows.map((row) => row.seq), lastSeq: this.lastSeqs.get(document) ?? 0 };
  }

  async loadUpdatesAfter(document: string, afterSeq: number): Promise<{ updates: Uint8Array[]; seqs: number[] }> {
    const rows = (this.rows.get(document) ?? []).filter((row) => row.seq > afterSeq);
    return { updates: rows.map((row) => row.update.slice()), seqs: rows.map((row) => row.seq) };
  }

  async appendUpdate(document: string, update: Uint8Array, author: string | null = null): Promise<number> {
    const seq = this.nextSeq++;
    const rows = this.rows.get(document) ?? [];
    rows.push({ seq, update: update.slice(), author });
    this.rows.set(document, rows);
    this.lastSeqs.set(document, seq);
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

  async setAsideStored(document: string, seq: number, reason: string): Promise<void> {
    const rows = this.rows.get(document) ?? [];
    const row = rows.find((candidate) => candidate.seq === seq);
    if (!row) return;
    this.rows.set(document, rows.filter((candidate) => candidate !== row));
    this.keep(document, { seq, update: row.update, author: row.author, reason });
  }

  async setAsideRefused(document: string, update: Uint8Array, author: string | null, reason: string): Promise<void> {
    this.keep(document, { seq: null, update: update.slice(), author, reason });
    const list = this.setAside.get(document) ?? [];
    const refused = list.filter((entry) => entry.seq === null);
    if (refused.length > MAX_REFUSED_KEPT) {
      const drop = new Set(refused.slice(0, refused.length - MAX_REFUSED_KEPT));
      this.setAside.set(document, list.filter((entry) => !drop.has(entry)));
    }
  }

  async listSetAside(document: string): Promise<SetAsideUpdate[]> {
    return (this.setAside.get(document) ?? []).map((entry) => ({ ...entry, update: entry.update.slice() }));
  }

  private keep(document: string, entry: SetAsideUpdate): void {
    this.setAside.set(document, [...(this.setAside.get(document) ?? []), entry]);
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
    for (const [document, seq] of this.lastSeqs) copy.lastSeqs.set(document, seq);
    for (const [document, list] of this.setAside) copy.setAside.set(document, list.map((entry) => ({ ...entry, update: entry.update.slice() })));
    for (const [document, rows] of this.rows) copy.rows.set(document, rows.map((row) => ({ ...row, update: row.update.slice() })));
    return copy;
  }
}
