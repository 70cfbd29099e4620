import type Database from 'better-sqlite3';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import type { MediaRecord, MediaStore } from '../../domain/media/media-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { MEDIA_INSERT_COLUMNS, MEDIA_URL_MARK, draftsUnchanged, mediaAuditDetails, mediaParams, toDraftState, toMedia, toMediaUse, type DraftStateRow, type MediaRow, type MediaUseRow } from './media-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

/** Submitted versions of the organisation's modules whose content holds the hash. */
const USES = `SELECT v.module_id, v.number, s.state FROM versions v JOIN modules m ON m.id = v.module_id
  LEFT JOIN version_states s ON s.module_id = v.module_id AND s.number = v.number
  WHERE m.organisation_id = ? AND instr(v.content, ?) > 0 ORDER BY v.module_id, v.number`;

/** Versions of the organisation's modules that hold any library URL: one scan for the whole list. */
const VERSIONS_NAMING_MEDIA = `SELECT v.module_id, v.number, s.state, v.content FROM versions v JOIN modules m ON m.id = v.module_id
  LEFT JOIN version_states s ON s.module_id = v.module_id AND s.number = v.number
  WHERE m.organisation_id = ? AND instr(v.content, '${MEDIA_URL_MARK}') > 0 ORDER BY v.module_id, v.number`;

/** A draft's collaboration document is its module's id (migrations/003-authoring.sql). */
const DRAFT_STATES = `SELECT m.id AS document, m.kind, (SELECT max(d.seq) FROM draft_updates d WHERE d.document = m.id) AS last_seq
  FROM modules m WHERE m.organisation_id = ? ORDER BY m.id`;

/**
 * The media libraries on SQLite (migrations/120-media-library.sql): each write one synchronous
 * transaction with its audit row.
 */
export function createSqliteMediaStore(db: Database.Database, options: { ids?: IdGenerator } = {}): MediaStore {
  const ids = options.ids ?? uuidGenerator;
  const statements = {
    insert: db.prepare(`INSERT INTO media_files (${MEDIA_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id, sha256) DO NOTHING`),
    get: db.prepare<[string, string], MediaRow>('SELECT * FROM media_files WHERE organisation_id = ? AND sha256 = ?'),
    list: db.prepare<[string], MediaRow>('SELECT * FROM media_files WHERE organisation_id = ? ORDER BY uploaded_at DESC, sha256'),
    uses: db.prepare<[string, string], MediaUseRow>(USES),
    versionsNaming: db.prepare<[string], MediaUseRow & { content: string }>(VERSIONS_NAMING_MEDIA),
    draftStates: db.prepare<[string], DraftStateRow>(DRAFT_STATES),
    remove: db.prepare<[string, string]>('DELETE FROM media_files WHERE organisation_id = ? AND sha256 = ?'),
    held: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM media_files WHERE sha256 = ? LIMIT 1'),
  };
  const audit = (context: AuditContext, action: string, media: MediaRecord, extra: Record<string, unknown> = {}) =>
    writeAuditEntry(db, { id: ids.newId(), ...context, action, objectType: 'media', objectId: media.sha256, organisationId: media.organisationId, details: mediaAuditDetails(media, extra) });

  const add = db.transaction((media: MediaRecord, context: AuditContext) => {
    const created = statements.insert.run(...mediaParams(media)).changes === 1;
    const stored = created ? media : toMedia(statements.get.get(media.organisationId, media.sha256)!);
    audit(context, 'media.upload', stored, { created });
    return { media: stored, created };
  });
  const remove = db.transaction((input: Parameters<MediaStore['deleteMedia']>[0]) => {
    const row = statements.get.get(input.organisationId, input.sha256);
    if (!row) return { deleted: false as const, reason: 'missing' as const };
    const uses = statements.uses.all(input.organisationId, input.sha256).map(toMediaUse);
    if (uses.length > 0) return { deleted: false as const, reason: 'in_use' as const, uses };
    if (input.draftsAsOf && !draftsUnchanged(input.draftsAsOf, statements.draftStates.all(input.organisationId).map(toDraftState))) return { deleted: false as const, reason: 'drafts_changed' as const };
    statements.remove.run(input.organisationId, input.sha256);
    audit(input.audit, 'media.delete', toMedia(row));
    return { deleted: true as const, remainingElsewhere: statements.held.get(input.sha256) !== undefined };
  });

  return {
    async addMedia({ media, audit: context }) {
      return add(media, context);
    },
    async getMedia(organisationId, sha256) {
      const row = statements.get.get(organisationId, sha256);
      return row ? toMedia(row) : undefined;
    },
    async listMedia(organisationId) {
      return statements.list.all(organisationId).map(toMedia);
    },
    async usesOf(organisationId, sha256) {
      return statements.uses.all(organisationId, sha256).map(toMediaUse);
    },
    async listVersionsNamingMedia(organisationId) {
      return statements.versionsNaming.all(organisationId).map((row) => ({ ...toMediaUse(row), content: row.content }));
    },
    async listDraftStates(organisationId) {
      return statements.draftStates.all(organisationId).map(toDraftState);
    },
    async deleteMedia(input) {
      return remove(input);
    },
  };
}
