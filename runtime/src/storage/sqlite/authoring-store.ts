import type Database from 'better-sqlite3';
import type {
  AuditEntry,
  AuthoringStore,
  CatalogEntry,
  CommentRecord,
  DocumentRecord,
  StateChange,
  TestEnrollmentRecord,
  VersionRecord,
  WriteResult,
} from '../../domain/authoring/ports.js';
import { toComment, toDocument, toSummary, toTransition, toVersion, type CommentRow, type DocumentRow, type EnrollmentRow, type SummaryRow, type TransitionRow, type VersionRow } from './authoring-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

/**
 * The authoring store on SQLite. Each write is one synchronous better-sqlite3 transaction that
 * includes its audit_log row, so a failed change leaves no audit trace and vice versa.
 *
 * @example
 * const store = createSqliteAuthoringStore(db);
 * await store.appendVersion({ version, audit: (number) => auditEntry(number) });
 */
export function createSqliteAuthoringStore(db: Database.Database): AuthoringStore {
  const audit = (entry: AuditEntry) => writeAuditEntry(db, entry);

  const selectDocument = db.prepare('SELECT * FROM modules WHERE id = ?');
  // The last editor comes from draft_contributors, not the update rows: compaction merges those
  // into one row without a person, which made the creator the last editor again.
  const summaryColumns = `m.*,
      (SELECT number FROM versions v WHERE v.module_id = m.id ORDER BY number DESC LIMIT 1) AS latest_number,
      (SELECT s.state FROM version_states s WHERE s.module_id = m.id ORDER BY number DESC LIMIT 1) AS latest_state,
      (SELECT c.person_id FROM draft_contributors c WHERE c.document = m.id ORDER BY c.last_seq DESC LIMIT 1) AS last_editor,
      (SELECT p.name FROM people p WHERE p.id = COALESCE((SELECT c.person_id FROM draft_contributors c WHERE c.document = m.id ORDER BY c.last_seq DESC LIMIT 1), m.created_by)) AS last_editor_name,
      (SELECT at FROM draft_updates d WHERE d.document = m.id ORDER BY seq DESC LIMIT 1) AS last_edit_at`;
  const selectVersion = db.prepare(
    `SELECT v.*, (SELECT p.name FROM people p WHERE p.id = v.authored_by) AS author_name, s.state, s.changed_at, s.changed_by, r.released_at, r.released_by, r.release_class, r.suggested_class, r.release_notes, r.pins
     FROM versions v JOIN version_states s USING (module_id, number) LEFT JOIN releases r USING (module_id, number)
     WHERE v.module_id = ? AND v.number = ?`,
  );
  const selectVersions = db.prepare(
    `SELECT v.*, (SELECT p.name FROM people p WHERE p.id = v.authored_by) AS author_name, s.state, s.changed_at, s.changed_by, r.released_at, r.released_by, r.release_class, r.suggested_class, r.release_notes, r.pins
     FROM versions v JOIN version_states s USING (module_id, number) LEFT JOIN releases r USING (module_id, number)
     WHERE v.module_id = ? ORDER BY v.number`,
  );
  const insertTransition = db.prepare(
    'INSERT INTO version_transitions (module_id, number, action, from_state, to_state, actor_id, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const updateState = db.prepare('UPDATE version_states SET state = ?, changed_at = ?, changed_by = ? WHERE module_id = ? AND number = ? AND state = ?');
  const commentColumns = 'c.*, (SELECT p.name FROM people p WHERE p.id = c.author_id) AS author_name';
  const selectComment = db.prepare(`SELECT ${commentColumns} FROM comments c WHERE c.id = ?`);

  const version = (documentId: string, number: number) => {
    const row = selectVersion.get(documentId, number) as VersionRow | undefined;
    return row ? toVersion(row) : undefined;
  };

  /** Compare-and-set of the state plus its history row; false when the version moved meanwhile. */
  const changeState = (change: StateChange): WriteResult<never> | undefined => {
    if (!selectDocument.get(change.documentId) || !version(change.documentId, change.number)) return { ok: false, reason: 'missing' };
    const result = updateState.run(change.to, change.at, change.actorId, change.documentId, change.number, change.expectedState);
    if (result.changes === 0) return { ok: false, reason: 'stale' };
    insertTransition.run(change.documentId, change.number, change.action, change.expectedState, change.to, change.actorId, change.at, change.note);
    return undefined;
  };

  const createDocument = db.transaction((input: Parameters<AuthoringStore['createDocument']>[0]): WriteResult<DocumentRecord> => {
    const { document } = input;
    if (selectDocument.get(document.id)) return { ok: false, reason: 'exists' };
    db.prepare(
      `INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at, released_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
    ).run(document.id, document.organisationId, document.kind, document.title, document.createdBy, document.createdAt, document.updatedAt);
    const seq = db.prepare('INSERT INTO draft_updates (document, "update", person_id, at) VALUES (?, ?, ?, ?)').run(document.id, Buffer.from(input.draftUpdate), document.createdBy, document.createdAt).lastInsertRowid;
    db.prepare('INSERT INTO draft_contributors (document, person_id, last_seq, last_at) VALUES (?, ?, ?, ?)').run(document.id, document.createdBy, Number(seq), document.createdAt);
    audit(input.audit);
    return { ok: true, value: toDocument(selectDocument.get(document.id) as DocumentRow) };
  });

  const appendVersion = db.transaction((input: Parameters<AuthoringStore['appendVersion']>[0]): VersionRecord => {
    const { version: fresh } = input;
    const { next } = db.prepare('SELECT ifnull(max(number), 0) + 1 AS next FROM versions WHERE module_id = ?').get(fresh.documentId) as { next: number };
    db.prepare(
      `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(fresh.documentId, next, fresh.canonical, fresh.contentHash, fresh.changeNote, fresh.authoredBy, JSON.stringify(fresh.contributors), fresh.draftSeq, fresh.at);
    db.prepare('INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)').run(fresh.documentId, next, 'submitted', fresh.at, fresh.authoredBy);
    insertTransition.run(fresh.documentId, next, 'submit', null, 'submitted', fresh.authoredBy, fresh.at, fresh.changeNote);
    db.prepare('UPDATE modules SET title = ?, updated_at = ? WHERE id = ?').run(fresh.title, fresh.at, fresh.documentId);
    audit(input.audit(next));
    return version(fresh.documentId, next) as VersionRecord;
  });

  const transitionVersion = db.transaction((input: Parameters<AuthoringStore['transitionVersion']>[0]): WriteResult<VersionRecord> => {
    const refused = changeState(input.change);
    if (refused) return refused;
    if (input.releasedVersion !== undefined) db.prepare('UPDATE modules SET released_version = ? WHERE id = ?').run(input.releasedVersion, input.change.documentId);
    db.prepare('UPDATE modules SET updated_at = ? WHERE id = ?').run(input.change.at, input.change.documentId);
    audit(input.audit);
    return { ok: true, value: version(input.change.documentId, input.change.number) as VersionRecord };
  });

  const releaseVersion = db.transaction((input: Parameters<AuthoringStore['releaseVersion']>[0]): WriteResult<VersionRecord> => {
    const { change, release } = input;
    const refused = changeState(change);
    if (refused) return refused;
    db.prepare(
      `INSERT INTO releases (module_id, number, released_at, released_by, release_class, suggested_class, release_notes, pins)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(change.documentId, change.number, release.releasedAt, release.releasedBy, release.releaseClass, release.suggestedClass, release.releaseNotes, JSON.stringify(release.pins));
    db.prepare('UPDATE modules SET released_version = ?, updated_at = ? WHERE id = ?').run(change.number, change.at, change.documentId);
    audit(input.audit);
    return { ok: true, value: version(change.documentId, change.number) as VersionRecord };
  });

  const addComment = db.transaction((input: Parameters<AuthoringStore['addComment']>[0]): CommentRecord => {
    const { comment } = input;
    db.prepare(
      `INSERT INTO comments (id, module_id, version_number, anchor, parent_id, author_id, body, created_at, resolved_at, resolved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
    ).run(comment.id, comment.documentId, comment.versionNumber, comment.anchor, comment.parentId, comment.authorId, comment.body, comment.createdAt);
    audit(input.audit);
    return toComment(selectComment.get(comment.id) as CommentRow);
  });

  const setCommentResolved = db.transaction((input: Parameters<AuthoringStore['setCommentResolved']>[0]): CommentRecord => {
    db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(input.resolved?.at ?? null, input.resolved?.by ?? null, input.id);
    audit(input.audit);
    return toComment(selectComment.get(input.id) as CommentRow);
  });

  const createTestEnrollment = db.transaction((input: Parameters<AuthoringStore['createTestEnrollment']>[0]): TestEnrollmentRecord => {
    const { enrollment } = input;
    db.prepare('INSERT INTO test_enrollments (id, module_id, version_number, organisation_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      enrollment.id, enrollment.documentId, enrollment.versionNumber, enrollment.organisationId, enrollment.createdBy, enrollment.createdAt,
    );
    audit(input.audit);
    return enrollment;
  });

  return {
    createDocument: async (input) => createDocument(input),
    getDocument: async (id) => {
      const row = selectDocument.get(id) as DocumentRow | undefined;
      return row ? toDocument(row) : undefined;
    },
    listDocuments: async (organisationIds) => {
      if (organisationIds.length === 0) return [];
      const rows = db.prepare(`SELECT ${summaryColumns} FROM modules m WHERE m.organisation_id IN (SELECT value FROM json_each(?)) ORDER BY m.id`).all(JSON.stringify(organisationIds)) as SummaryRow[];
      return rows.map(toSummary);
    },
    getDocumentSummary: async (id) => {
      const row = db.prepare(`SELECT ${summaryColumns} FROM modules m WHERE m.id = ?`).get(id) as SummaryRow | undefined;
      return row ? toSummary(row) : undefined;
    },
    appendVersion: async (input) => appendVersion(input),
    listVersions: async (documentId) => (selectVersions.all(documentId) as VersionRow[]).map(toVersion),
    getVersion: async (documentId, number) => version(documentId, number),
    listTransitions: async (documentId, number) =>
      (db.prepare('SELECT * FROM version_transitions WHERE module_id = ? AND number = ? ORDER BY id').all(documentId, number) as TransitionRow[]).map(toTransition),
    transitionVersion: async (input) => transitionVersion(input),
    releaseVersion: async (input) => releaseVersion(input),
    addComment: async (input) => addComment(input),
    getComment: async (id) => {
      const row = selectComment.get(id) as CommentRow | undefined;
      return row ? toComment(row) : undefined;
    },
    listComments: async (documentId) => (db.prepare(`SELECT ${commentColumns} FROM comments c WHERE c.module_id = ? ORDER BY c.created_at, c.rowid`).all(documentId) as CommentRow[]).map(toComment),
    setCommentResolved: async (input) => setCommentResolved(input),
    createTestEnrollment: async (input) => createTestEnrollment(input),
    getTestEnrollment: async (id) => {
      const row = db.prepare('SELECT * FROM test_enrollments WHERE id = ?').get(id) as EnrollmentRow | undefined;
      return row
        ? { id: row.id, documentId: row.module_id, versionNumber: row.version_number, organisationId: row.organisation_id, createdBy: row.created_by, createdAt: row.created_at }
        : undefined;
    },
    listCatalog: async (organisationIds) => {
      const filter = organisationIds === 'all' ? '' : 'AND m.organisation_id IN (SELECT value FROM json_each(?))';
      const parameters = organisationIds === 'all' ? [] : [JSON.stringify(organisationIds)];
      const documents = db.prepare(`SELECT m.* FROM modules m WHERE EXISTS (SELECT 1 FROM releases r WHERE r.module_id = m.id) ${filter} ORDER BY m.id`).all(...parameters) as DocumentRow[];
      return documents.map((row): CatalogEntry => ({
        document: toDocument(row),
        versions: (selectVersions.all(row.id) as VersionRow[]).map(toVersion).filter((entry) => entry.release !== null).reverse(),
      }));
    },
  };
}
