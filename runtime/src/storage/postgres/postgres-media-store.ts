import type pg from 'pg';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import type { MediaRecord, MediaStore } from '../../domain/media/media-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { MEDIA_INSERT_COLUMNS, MEDIA_URL_MARK, draftsUnchanged, mediaAuditDetails, mediaParams, toDraftState, toMedia, toMediaUse, type DraftStateRow, type MediaRow, type MediaUseRow } from '../sqlite/media-rows.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

type Db = pg.ClientBase | pg.Pool;

const USES = `SELECT v.module_id, v.number, s.state FROM versions v JOIN modules m ON m.id = v.module_id
  LEFT JOIN version_states s ON s.module_id = v.module_id AND s.number = v.number
  WHERE m.organisation_id = $1 AND strpos(v.content, $2) > 0 ORDER BY v.module_id, v.number`;

const VERSIONS_NAMING_MEDIA = `SELECT v.module_id, v.number, s.state, v.content FROM versions v JOIN modules m ON m.id = v.module_id
  LEFT JOIN version_states s ON s.module_id = v.module_id AND s.number = v.number
  WHERE m.organisation_id = $1 AND strpos(v.content, '${MEDIA_URL_MARK}') > 0 ORDER BY v.module_id, v.number`;

const DRAFT_STATES = `SELECT m.id AS document, m.kind, (SELECT max(d.seq) FROM draft_updates d WHERE d.document = m.id) AS last_seq
  FROM modules m WHERE m.organisation_id = $1 ORDER BY m.id`;

/**
 * The media libraries on PostgreSQL, with the behaviour of the SQLite store (the contract suite
 * runs against both). A deletion locks the library row, so an upload of the same file into the
 * same library waits for it and then inserts afresh.
 */
export function createPostgresMediaStore(pool: pg.Pool, options: { ids?: IdGenerator } = {}): MediaStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (db: Db, context: AuditContext, action: string, media: MediaRecord, extra: Record<string, unknown> = {}) =>
    writeAuditEntryPg(db, { id: ids.newId(), ...context, action, objectType: 'media', objectId: media.sha256, organisationId: media.organisationId, details: mediaAuditDetails(media, extra) });
  const uses = async (db: Db, organisationId: string, sha256: string) => (await db.query<MediaUseRow>(USES, [organisationId, sha256])).rows.map(toMediaUse);
  const draftStates = async (db: Db, organisationId: string) => (await db.query<DraftStateRow>(DRAFT_STATES, [organisationId])).rows.map(toDraftState);

  return {
    async addMedia({ media, audit: context }) {
      return inTransaction(pool, async (db) => {
        const created = ((await db.query(`INSERT INTO media_files (${MEDIA_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (organisation_id, sha256) DO NOTHING`, [...mediaParams(media)])).rowCount ?? 0) === 1;
        const stored = created ? media : toMedia((await db.query<MediaRow>('SELECT * FROM media_files WHERE organisation_id = $1 AND sha256 = $2', [media.organisationId, media.sha256])).rows[0]!);
        await audit(db, context, 'media.upload', stored, { created });
        return { media: stored, created };
      });
    },
    async getMedia(organisationId, sha256) {
      const row = (await pool.query<MediaRow>('SELECT * FROM media_files WHERE organisation_id = $1 AND sha256 = $2', [organisationId, sha256])).rows[0];
      return row ? toMedia(row) : undefined;
    },
    async listMedia(organisationId) {
      return (await pool.query<MediaRow>('SELECT * FROM media_files WHERE organisation_id = $1 ORDER BY uploaded_at DESC, sha256', [organisationId])).rows.map(toMedia);
    },
    async usesOf(organisationId, sha256) {
      return uses(pool, organisationId, sha256);
    },
    async listVersionsNamingMedia(organisationId) {
      return (await pool.query<MediaUseRow & { content: string }>(VERSIONS_NAMING_MEDIA, [organisationId])).rows.map((row) => ({ ...toMediaUse(row), content: row.content }));
    },
    async listDraftStates(organisationId) {
      return draftStates(pool, organisationId);
    },
    async deleteMedia(input) {
      return inTransaction(pool, async (db) => {
        const row = (await db.query<MediaRow>('SELECT * FROM media_files WHERE organisation_id = $1 AND sha256 = $2 FOR UPDATE', [input.organisationId, input.sha256])).rows[0];
        if (!row) return { deleted: false as const, reason: 'missing' as const };
        const found = await uses(db, input.organisationId, input.sha256);
        if (found.length > 0) return { deleted: false as const, reason: 'in_use' as const, uses: found };
        if (input.draftsAsOf && !draftsUnchanged(input.draftsAsOf, await draftStates(db, input.organisationId))) return { deleted: false as const, reason: 'drafts_changed' as const };
        await db.query('DELETE FROM media_files WHERE organisation_id = $1 AND sha256 = $2', [input.organisationId, input.sha256]);
        await audit(db, input.audit, 'media.delete', toMedia(row));
        const remainingElsewhere = (await db.query('SELECT 1 FROM media_files WHERE sha256 = $1 LIMIT 1', [input.sha256])).rowCount !== 0;
        return { deleted: true as const, remainingElsewhere };
      });
    },
  };
}
