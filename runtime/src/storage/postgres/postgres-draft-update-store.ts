import type pg from 'pg';
import { MAX_REFUSED_KEPT, type DraftUpdateStore } from '../../collab/update-store.js';
import type { DraftUpdates } from '../../domain/authoring/ports.js';
import { inTransaction } from './open-postgres.js';

/** The collaboration server's update log on PostgreSQL, with contributors for the authoring service. */
export type PostgresDraftUpdateStore = DraftUpdates & DraftUpdateStore;

/**
 * The live drafts' Yjs update log on PostgreSQL (tables draft_updates, draft_contributors,
 * draft_update_quarantine), with the same behaviour as the SQLite store (the DraftUpdateStore
 * contract suite runs against both). Sequence numbers come from one identity column, so they
 * increase across every process writing to the database, and within a document
 * they commit in order (appends to one document take turns), so reading on from a seq misses nothing.
 *
 * @param now the clock (ISO 8601 UTC), injected so tests are deterministic
 */
export function createPostgresDraftUpdateStore(pool: pg.Pool, now: () => string): PostgresDraftUpdateStore {
  return {
    async loadUpdates(document) {
      const { rows } = await pool.query<{ seq: number; data: Buffer }>({ name: 'draft-load', text: 'SELECT seq, "update" AS data FROM draft_updates WHERE document = $1 ORDER BY seq', values: [document] });
      // Setting the last row aside must not lower lastSeq (versions remember the seq they were taken at).
      const last = await pool.query<{ seq: number | null }>({
        name: 'draft-last-seq',
        text: `SELECT greatest((SELECT max(seq) FROM draft_updates WHERE document = $1),
                               (SELECT max(seq) FROM draft_update_quarantine WHERE document = $1 AND seq IS NOT NULL)) AS seq`,
        values: [document],
      });
      return { updates: rows.map((row) => new Uint8Array(row.data)), seqs: rows.map((row) => row.seq), lastSeq: last.rows[0]?.seq ?? 0 };
    },

    async loadUpdatesAfter(document, afterSeq) {
      const { rows } = await pool.query<{ seq: number; data: Buffer }>({ name: 'draft-load-after', text: 'SELECT seq, "update" AS data FROM draft_updates WHERE document = $1 AND seq > $2 ORDER BY seq', values: [document, afterSeq] });
      return { updates: rows.map((row) => new Uint8Array(row.data)), seqs: rows.map((row) => row.seq) };
    },

    async appendUpdate(document, update, personId = null) {
      return inTransaction(pool, async (client) => {
        // Appends to one document take turns (the lock compaction takes too): seqs come from one
        // identity column shared by every process, and without the turn a row with a lower seq could
        // commit after one with a higher seq, so a process catching up from its last seen seq
        // (collab-server.ts, cluster bus) would skip it for good.
        await client.query({ name: 'draft-append-lock', text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`draft:${document}`] });
        const at = now();
        const { rows } = await client.query<{ seq: number }>({ name: 'draft-append', text: 'INSERT INTO draft_updates (document, "update", person_id, at) VALUES ($1, $2, $3, $4) RETURNING seq', values: [document, Buffer.from(update), personId, at] });
        const seq = rows[0]!.seq;
        if (personId) {
          await client.query({
            name: 'draft-contributor',
            text: `INSERT INTO draft_contributors (document, person_id, last_seq, last_at) VALUES ($1, $2, $3, $4)
                   ON CONFLICT (document, person_id) DO UPDATE SET last_seq = greatest(draft_contributors.last_seq, excluded.last_seq), last_at = excluded.last_at`,
            values: [document, personId, seq, at],
          });
        }
        return seq;
      });
    },

    async compact(document, merged, upToSeq) {
      await inTransaction(pool, async (client) => {
        // One compaction per document at a time, whichever process runs it.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`draft:${document}`]);
        const last = await client.query<{ seq: number; at: string }>('SELECT seq, at FROM draft_updates WHERE document = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1', [document, upToSeq]);
        const row = last.rows[0];
        if (!row) return;
        await client.query('DELETE FROM draft_updates WHERE document = $1 AND seq <= $2', [document, upToSeq]);
        // The merged update takes the place (and seq) of the last one it replaces, so order is kept.
        await client.query('INSERT INTO draft_updates (seq, document, "update", person_id, at) VALUES ($1, $2, $3, NULL, $4)', [row.seq, document, Buffer.from(merged), row.at]);
      });
    },

    async setAsideStored(document, seq, reason) {
      await inTransaction(pool, async (client) => {
        const moved = await client.query<{ data: Buffer; person_id: string | null }>('DELETE FROM draft_updates WHERE document = $1 AND seq = $2 RETURNING "update" AS data, person_id', [document, seq]);
        const row = moved.rows[0];
        if (!row) return;
        await client.query('INSERT INTO draft_update_quarantine (document, seq, "update", person_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6)', [document, seq, row.data, row.person_id, reason, now()]);
      });
    },

    async setAsideRefused(document, update, author, reason) {
      await inTransaction(pool, async (client) => {
        await client.query('INSERT INTO draft_update_quarantine (document, seq, "update", person_id, reason, at) VALUES ($1, NULL, $2, $3, $4, $5)', [document, Buffer.from(update), author, reason, now()]);
        await client.query(
          `DELETE FROM draft_update_quarantine WHERE document = $1 AND seq IS NULL AND id NOT IN
             (SELECT id FROM draft_update_quarantine WHERE document = $1 AND seq IS NULL ORDER BY id DESC LIMIT $2)`,
          [document, MAX_REFUSED_KEPT],
        );
      });
    },

    async listSetAside(document) {
      const { rows } = await pool.query<{ seq: number | null; data: Buffer; person_id: string | null; reason: string }>('SELECT seq, "update" AS data, person_id, reason FROM draft_update_quarantine WHERE document = $1 ORDER BY id', [document]);
      return rows.map((row) => ({ seq: row.seq, update: new Uint8Array(row.data), author: row.person_id, reason: row.reason }));
    },

    async contributorsSince(document, afterSeq) {
      const { rows } = await pool.query<{ person_id: string }>('SELECT person_id FROM draft_contributors WHERE document = $1 AND last_seq > $2 ORDER BY person_id', [document, afterSeq]);
      return rows.map((row) => row.person_id);
    },
  };
}
