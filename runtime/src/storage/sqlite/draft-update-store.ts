import type Database from 'better-sqlite3';
import type { DraftUpdates } from '../../domain/authoring/ports.js';

/**
 * The collaboration server's update log on SQLite (table draft_updates), shaped like the collab
 * `DraftUpdateStore` (loadUpdates / appendUpdate / compact) and also serving the authoring
 * service's `DraftUpdates` (who edited since the last submission).
 *
 * `appendUpdate` takes the sender's person id as an optional third argument: when the collab
 * server passes it, a version's contributors are known and the four-eyes rule covers co-editors.
 */
export interface SqliteDraftUpdateStore extends DraftUpdates {
  loadUpdates(document: string): Promise<{ updates: Uint8Array[]; lastSeq: number }>;
  appendUpdate(document: string, update: Uint8Array, personId?: string | null): Promise<number>;
  /** Replaces every update up to `upToSeq` by `merged` (which must contain them all); later updates stay. */
  compact(document: string, merged: Uint8Array, upToSeq: number): Promise<void>;
}

/**
 * @param now the clock (ISO 8601 UTC), injected so tests are deterministic
 * @example
 * const drafts = createSqliteDraftUpdateStore(db, () => new Date().toISOString());
 * const seq = await drafts.appendUpdate('panic-week-1', update, principal.personId);
 */
export function createSqliteDraftUpdateStore(db: Database.Database, now: () => string): SqliteDraftUpdateStore {
  const selectUpdates = db.prepare('SELECT seq, "update" AS data FROM draft_updates WHERE document = ? ORDER BY seq');
  const insertUpdate = db.prepare('INSERT INTO draft_updates (document, "update", person_id, at) VALUES (?, ?, ?, ?)');
  const upsertContributor = db.prepare(
    `INSERT INTO draft_contributors (document, person_id, last_seq, last_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (document, person_id) DO UPDATE SET last_seq = excluded.last_seq, last_at = excluded.last_at`,
  );

  const append = db.transaction((document: string, update: Uint8Array, personId: string | null): number => {
    const at = now();
    const seq = Number(insertUpdate.run(document, Buffer.from(update), personId, at).lastInsertRowid);
    if (personId) upsertContributor.run(document, personId, seq, at);
    return seq;
  });

  const compact = db.transaction((document: string, merged: Uint8Array, upToSeq: number): void => {
    const last = db.prepare('SELECT seq, at FROM draft_updates WHERE document = ? AND seq <= ? ORDER BY seq DESC LIMIT 1').get(document, upToSeq) as { seq: number; at: string } | undefined;
    if (!last) return;
    db.prepare('DELETE FROM draft_updates WHERE document = ? AND seq <= ?').run(document, upToSeq);
    // The merged update takes the place (and seq) of the last one it replaces, so order is kept.
    db.prepare('INSERT INTO draft_updates (seq, document, "update", person_id, at) VALUES (?, ?, ?, NULL, ?)').run(last.seq, document, Buffer.from(merged), last.at);
  });

  return {
    loadUpdates: async (document) => {
      const rows = selectUpdates.all(document) as Array<{ seq: number; data: Buffer }>;
      return { updates: rows.map((row) => new Uint8Array(row.data)), lastSeq: rows.length > 0 ? (rows[rows.length - 1] as { seq: number }).seq : 0 };
    },
    appendUpdate: async (document, update, personId = null) => append(document, update, personId),
    compact: async (document, merged, upToSeq) => compact(document, merged, upToSeq),
    contributorsSince: async (document, afterSeq) =>
      (db.prepare('SELECT person_id FROM draft_contributors WHERE document = ? AND last_seq > ? ORDER BY person_id').all(document, afterSeq) as Array<{ person_id: string }>).map((row) => row.person_id),
  };
}
