import type pg from 'pg';
import type { AuditEntry, AuthoringStore, CatalogEntry, StateChange, VersionRecord, WriteResult } from '../../domain/authoring/ports.js';
import { toComment, toDocument, toSummary, toTransition, toVersion, type CommentRow, type DocumentRow, type EnrollmentRow, type SummaryRow, type TransitionRow, type VersionRow } from '../sqlite/authoring-rows.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

type Db = pg.ClientBase | pg.Pool;

const SUMMARY_COLUMNS = `m.*,
  (SELECT number FROM versions v WHERE v.module_id = m.id ORDER BY number DESC LIMIT 1) AS latest_number,
  (SELECT s.state FROM version_states s WHERE s.module_id = m.id ORDER BY number DESC LIMIT 1) AS latest_state,
  (SELECT c.person_id FROM draft_contributors c WHERE c.document = m.id ORDER BY c.last_seq DESC LIMIT 1) AS last_editor,
  (SELECT p.name FROM people p WHERE p.id = COALESCE((SELECT c.person_id FROM draft_contributors c WHERE c.document = m.id ORDER BY c.last_seq DESC LIMIT 1), m.created_by)) AS last_editor_name,
  (SELECT at FROM draft_updates d WHERE d.document = m.id ORDER BY seq DESC LIMIT 1) AS last_edit_at`;
const VERSION_SELECT = `SELECT v.*, (SELECT p.name FROM people p WHERE p.id = v.authored_by) AS author_name, s.state, s.changed_at, s.changed_by,
    r.released_at, r.released_by, r.release_class, r.suggested_class, r.release_notes, r.pins
  FROM versions v JOIN version_states s USING (module_id, number) LEFT JOIN releases r USING (module_id, number)`;
const COMMENT_SELECT = 'SELECT c.*, (SELECT p.name FROM people p WHERE p.id = c.author_id) AS author_name FROM comments c';

/**
 * The authoring store on PostgreSQL, with the behaviour of the SQLite store (the authoring contract
 * suite runs against both). Each write is one transaction that includes its audit_log row.
 *
 * Submitting locks the module's row, so two processes submitting the same draft at once number
 * their versions one after the other instead of one failing on the numbering trigger.
 */
export function createPostgresAuthoringStore(pool: pg.Pool): AuthoringStore {
  const audit = (db: Db, entry: AuditEntry) => writeAuditEntryPg(db, entry);
  const first = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]) => (await db.query<T>(text, values)).rows[0];
  const version = async (db: Db, documentId: string, number: number) => {
    const row = await first<VersionRow>(db, `${VERSION_SELECT} WHERE v.module_id = $1 AND v.number = $2`, [documentId, number]);
    return row ? toVersion(row) : undefined;
  };
  const versionsOf = async (db: Db, documentId: string) => (await db.query<VersionRow>(`${VERSION_SELECT} WHERE v.module_id = $1 ORDER BY v.number`, [documentId])).rows.map(toVersion);

  /** Compare-and-set of the state plus its history row; a refusal when the version moved meanwhile. */
  const changeState = async (db: Db, change: StateChange): Promise<WriteResult<never> | undefined> => {
    if (!(await first(db, 'SELECT 1 FROM modules WHERE id = $1 FOR UPDATE', [change.documentId])) || !(await version(db, change.documentId, change.number))) return { ok: false, reason: 'missing' };
    const result = await db.query('UPDATE version_states SET state = $1, changed_at = $2, changed_by = $3 WHERE module_id = $4 AND number = $5 AND state = $6', [change.to, change.at, change.actorId, change.documentId, change.number, change.expectedState]);
    if ((result.rowCount ?? 0) === 0) return { ok: false, reason: 'stale' };
    await db.query('INSERT INTO version_transitions (module_id, number, action, from_state, to_state, actor_id, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      change.documentId, change.number, change.action, change.expectedState, change.to, change.actorId, change.at, change.note,
    ]);
    return undefined;
  };

  return {
    createDocument: (input) =>
      inTransaction(pool, async (db) => {
        const { document } = input;
        const inserted = await db.query(
          `INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at, released_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, NULL) ON CONFLICT (id) DO NOTHING`,
          [document.id, document.organisationId, document.kind, document.title, document.createdBy, document.createdAt, document.updatedAt],
        );
        if ((inserted.rowCount ?? 0) === 0) return { ok: false, reason: 'exists' } as const;
        const seq = await first<{ seq: number }>(db, 'INSERT INTO draft_updates (document, "update", person_id, at) VALUES ($1, $2, $3, $4) RETURNING seq', [document.id, Buffer.from(input.draftUpdate), document.createdBy, document.createdAt]);
        await db.query('INSERT INTO draft_contributors (document, person_id, last_seq, last_at) VALUES ($1, $2, $3, $4)', [document.id, document.createdBy, seq!.seq, document.createdAt]);
        await audit(db, input.audit);
        return { ok: true, value: toDocument((await first<DocumentRow>(db, 'SELECT * FROM modules WHERE id = $1', [document.id]))!) } as const;
      }),
    getDocument: async (id) => {
      const row = await first<DocumentRow>(pool, 'SELECT * FROM modules WHERE id = $1', [id]);
      return row ? toDocument(row) : undefined;
    },
    listDocuments: async (organisationIds) => {
      if (organisationIds.length === 0) return [];
      return (await pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM modules m WHERE m.organisation_id = ANY($1) ORDER BY m.id`, [[...organisationIds]])).rows.map(toSummary);
    },
    getDocumentSummary: async (id) => {
      const row = await first<SummaryRow>(pool, `SELECT ${SUMMARY_COLUMNS} FROM modules m WHERE m.id = $1`, [id]);
      return row ? toSummary(row) : undefined;
    },
    appendVersion: (input) =>
      inTransaction(pool, async (db): Promise<VersionRecord> => {
        const { version: fresh } = input;
        await db.query('SELECT 1 FROM modules WHERE id = $1 FOR UPDATE', [fresh.documentId]);
        const { next } = (await first<{ next: number }>(db, 'SELECT coalesce(max(number), 0) + 1 AS next FROM versions WHERE module_id = $1', [fresh.documentId]))!;
        await db.query(
          `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [fresh.documentId, next, fresh.canonical, fresh.contentHash, fresh.changeNote, fresh.authoredBy, JSON.stringify(fresh.contributors), fresh.draftSeq, fresh.at],
        );
        await db.query('INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5)', [fresh.documentId, next, 'submitted', fresh.at, fresh.authoredBy]);
        await db.query('INSERT INTO version_transitions (module_id, number, action, from_state, to_state, actor_id, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          fresh.documentId, next, 'submit', null, 'submitted', fresh.authoredBy, fresh.at, fresh.changeNote,
        ]);
        await db.query('UPDATE modules SET title = $1, updated_at = $2 WHERE id = $3', [fresh.title, fresh.at, fresh.documentId]);
        await audit(db, input.audit(next));
        return (await version(db, fresh.documentId, next))!;
      }),
    listVersions: (documentId) => versionsOf(pool, documentId),
    getVersion: (documentId, number) => version(pool, documentId, number),
    listTransitions: async (documentId, number) =>
      (await pool.query<TransitionRow>('SELECT * FROM version_transitions WHERE module_id = $1 AND number = $2 ORDER BY id', [documentId, number])).rows.map(toTransition),
    transitionVersion: (input) =>
      inTransaction(pool, async (db): Promise<WriteResult<VersionRecord>> => {
        const refused = await changeState(db, input.change);
        if (refused) return refused;
        if (input.releasedVersion !== undefined) await db.query('UPDATE modules SET released_version = $1 WHERE id = $2', [input.releasedVersion, input.change.documentId]);
        await db.query('UPDATE modules SET updated_at = $1 WHERE id = $2', [input.change.at, input.change.documentId]);
        await audit(db, input.audit);
        return { ok: true, value: (await version(db, input.change.documentId, input.change.number))! };
      }),
    releaseVersion: (input) =>
      inTransaction(pool, async (db): Promise<WriteResult<VersionRecord>> => {
        const { change, release } = input;
        const refused = await changeState(db, change);
        if (refused) return refused;
        await db.query(
          `INSERT INTO releases (module_id, number, released_at, released_by, release_class, suggested_class, release_notes, pins) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [change.documentId, change.number, release.releasedAt, release.releasedBy, release.releaseClass, release.suggestedClass, release.releaseNotes, JSON.stringify(release.pins)],
        );
        await db.query('UPDATE modules SET released_version = $1, updated_at = $2 WHERE id = $3', [change.number, change.at, change.documentId]);
        await audit(db, input.audit);
        return { ok: true, value: (await version(db, change.documentId, change.number))! };
      }),
    addComment: (input) =>
      inTransaction(pool, async (db) => {
        const { comment } = input;
        await db.query(
          `INSERT INTO comments (id, module_id, version_number, anchor, parent_id, author_id, body, created_at, resolved_at, resolved_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)`,
          [comment.id, comment.documentId, comment.versionNumber, comment.anchor, comment.parentId, comment.authorId, comment.body, comment.createdAt],
        );
        await audit(db, input.audit);
        return toComment((await first<CommentRow>(db, `${COMMENT_SELECT} WHERE c.id = $1`, [comment.id]))!);
      }),
    getComment: async (id) => {
      const row = await first<CommentRow>(pool, `${COMMENT_SELECT} WHERE c.id = $1`, [id]);
      return row ? toComment(row) : undefined;
    },
    // Comments made in the same instant come in id order (SQLite uses insertion order).
    listComments: async (documentId) => (await pool.query<CommentRow>(`${COMMENT_SELECT} WHERE c.module_id = $1 ORDER BY c.created_at, c.id`, [documentId])).rows.map(toComment),
    setCommentResolved: (input) =>
      inTransaction(pool, async (db) => {
        await db.query('UPDATE comments SET resolved_at = $1, resolved_by = $2 WHERE id = $3', [input.resolved?.at ?? null, input.resolved?.by ?? null, input.id]);
        await audit(db, input.audit);
        return toComment((await first<CommentRow>(db, `${COMMENT_SELECT} WHERE c.id = $1`, [input.id]))!);
      }),
    createTestEnrollment: (input) =>
      inTransaction(pool, async (db) => {
        const { enrollment } = input;
        await db.query('INSERT INTO test_enrollments (id, module_id, version_number, organisation_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          enrollment.id, enrollment.documentId, enrollment.versionNumber, enrollment.organisationId, enrollment.createdBy, enrollment.createdAt,
        ]);
        await audit(db, input.audit);
        return enrollment;
      }),
    getTestEnrollment: async (id) => {
      const row = await first<EnrollmentRow>(pool, 'SELECT * FROM test_enrollments WHERE id = $1', [id]);
      return row
        ? { id: row.id, documentId: row.module_id, versionNumber: row.version_number, organisationId: row.organisation_id, createdBy: row.created_by, createdAt: row.created_at }
        : undefined;
    },
    listCatalog: async (organisationIds) => {
      const documents = organisationIds === 'all'
        ? (await pool.query<DocumentRow>('SELECT m.* FROM modules m WHERE EXISTS (SELECT 1 FROM releases r WHERE r.module_id = m.id) ORDER BY m.id')).rows
        : (await pool.query<DocumentRow>('SELECT m.* FROM modules m WHERE EXISTS (SELECT 1 FROM releases r WHERE r.module_id = m.id) AND m.organisation_id = ANY($1) ORDER BY m.id', [[...organisationIds]])).rows;
      const entries: CatalogEntry[] = [];
      for (const row of documents) {
        entries.push({ document: toDocument(row), versions: (await versionsOf(pool, row.id)).filter((entry) => entry.release !== null).reverse() });
      }
      return entries;
    },
  };
}
