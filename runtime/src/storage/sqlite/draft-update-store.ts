import type Database from 'better-sqlite3';
import type { DraftUpdates } from '../../domain/authoring/ports.js';
import { MAX_REFUSED_KEPT, type DraftUpdateStore } from '../../collab/update-store.js';

/**
 * The collaboration server's update log on SQLite (table draft_updates), shaped like the collab
 * `DraftUpdateStore` (loadUpdates / appendUpdate / compact) and also serving the authoring
 * service's `DraftUpdates` (who edited since the last submission).
 *
 * `appendUpdate` takes the sender's person id as an optional third argument: when the collab
 * server passes it, a version's contributors are known and the four-eyes rule covers co-editors.
 */
export interface SqliteDraftUpdateStore extends DraftUpdates, DraftUpdateStore {
  loadUpdates(document: string): Promise<{ updates: Uint8Array[]; seqs: number[]; lastSeq: number }>;
  appendUpdate(document: string, update: Uint8Array, personId?: string | null): Promise<number>;
}

/**
 * @param now the clock (ISO 8601 UTC), injected so tests are deterministic
 * @example
 * const drafts = createSqliteDraftUpdateStore(db, () => new Date().toISOString());
 * const seq = await drafts.appendUpdate('panic-week-1', update, principal.personId);
 */
export function createSqliteDraftUpdateStore(db: Database.Database, now: () => string): SqliteDraftUpdateStore {
  const selectUpdates = db.prepare('SELECT seq, "update" AS data FROM draft_updates WHERE document = ? ORDER BY seq');
  const selectUpdatesAfter = db.prepare('SELECT seq, "update" AS data FROM draft_updates WHERE document = ? AND seq > ? ORDER BY seq');
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

  // Updates that do not apply (table draft_update_quarantine): a stored row moves there whole, in one
  // transaction; a refused one is added and only the newest MAX_REFUSED_KEPT refused ones are kept.
  const selectRow = db.prepare('SELECT "update" AS data, person_id FROM draft_updates WHERE document = ? AND seq = ?');
  const deleteRow = db.prepare('DELETE FROM draft_updates WHERE document = ? AND seq = ?');
  const insertSetAside = db.prepare('INSERT INTO draft_update_quarantine (document, seq, "update", person_id, reason, at) VALUES (?, ?, ?, ?, ?, ?)');
  const trimRefused = db.prepare(
    `DELETE FROM draft_update_quarantine WHERE document = ? AND seq IS NULL AND id NOT IN
       (SELECT id FROM draft_update_quarantine WHERE document = ? AND seq IS NULL ORDER BY id DESC LIMIT ?)`,
  );
  // Setting the last row aside must not lower lastSeq (versions remember the seq they were taken at).
  const selectLastSeq = db.prepare(
    `SELECT max(seq) AS seq FROM (SELECT max(seq) AS seq FROM draft_updates WHERE document = ?
       UNION ALL SELECT max(seq) FROM draft_update_quarantine WHERE document = ? AND seq IS NOT NULL)`,
  );
  const setAsideStored = db.transaction((document: string, seq: number, reason: string): void => {
    const row = selectRow.get(document, seq) as { data: Buffer; person_id: string | null } | undefined;
    if (!row) return;
    deleteRow.run(document, seq);
    insertSetAside.run(document, seq, row.data, row.person_id, reason, now());
  });
  const setAsideRefused = db.transaction((document: string, update: Uint8Array, author: string | null, reason: string): void => {
    insertSetAside.run(document, null, Buffer.from(update), author, reason, now());
    trimRefused.run(document, document, MAX_REFUSED_KEPT);
  });

  return {
    loadUpdates: async (document) => {
      const rows = selectUpdates.all(document) as Array<{ seq: number; data: Buffer }>;
      const last = selectLastSeq.get(document, document) as { seq: number | null };
      return { updates: rows.map((row) => new Uint8Array(row.data)), seqs: rows.map((row) => row.seq), lastSeq: last.seq ?? 0 };
    },
    loadUpdatesAfter: async (document, afterSeq) => {
      const rows = selectUpdatesAfter.all(document, afterSeq) as Array<{ seq: number; data: Buffer }>;
      return { updates: rows.map((row) => new Uint8Array(row.data)), seqs: rows.map((row) => row.seq) };
    },
    setAsideStored: async (document, seq, reason) => setAsideStored(document, seq, reason),
    setAsideRefused: async (document, update, author, reason) => setAsideRefused(document, update, author, reason),
    listSetAside: async (document) =>
      (db.prepare('SELECT seq, "update" AS data, person_id, reason FROM draft_update_quarantine WHERE document = ? ORDER BY id').all(document) as Array<{ seq: number | null; data: Buffer; person_id: string | null; reason: string }>).map(
        (row) => ({ seq: row.seq, update: new Uint8Array(row.data), author: row.person_id, reason: row.reason }),
      ),
    appendUpdate: async (document, update, personId = null) => append(document, update, personId),
    compact: async (document, merged, upToSeq) => compact(document, merged, upToSeq),
    contributorsSince: async (document, afterSeq) =>
      (db.prepare('SELECT person_id FROM draft_contributors WHERE document = ? AND last_seq > ? ORDER BY person_id').all(document, afterSeq) as Array<{ person_id: string }>).map((row) => row.person_id),
  };
}
