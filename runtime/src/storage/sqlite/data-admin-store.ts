import type Database from 'better-sqlite3';
import { NAMED_AUDIT_SELECT, namedAuditRecord, type NamedAuditRow } from '../audit-rows.js';
import type { DataAdminStore, PatientRecord, ReadRecord } from '../../domain/data-admin/data-admin-store.js';
import { writeAuditEntry } from './sqlite-audit-log.js';



/**
 * The data administrator's store on SQLite. Searches read `audit_log` by care provider (index
 * audit_log_organisation / _action / _patient); the purge is one transaction that the delete
 * triggers of migrations/021-patient-purge.sql let through for that patient alone, followed by a
 * WAL checkpoint that truncates the log. The connection deletes with `secure_delete` on, so freed
 * pages are overwritten rather than left holding the erased rows.
 *
 * @example
 * const data = createSqliteDataAdminStore(db);
 * await data.purgePatient({ patientId, tombstone });
 */
export function createSqliteDataAdminStore(db: Database.Database): DataAdminStore {
  const statements = {
    isPatientOf: db.prepare<[string, string], { ok: number }>('SELECT 1 AS ok FROM enrollments e JOIN care_units u ON u.id = e.unit_id WHERE u.organisation_id = ? AND e.patient_id = ? LIMIT 1'),
    otherEnrollments: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM enrollments e JOIN care_units u ON u.id = e.unit_id WHERE u.organisation_id <> ? AND e.patient_id = ?'),
    otherRoles: db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM memberships WHERE person_id = ? AND (organisation_id <> ? OR role <> 'patient')"),
    person: db.prepare<[string], { id: string; name: string; email: string; created_at: string }>('SELECT id, name, email, created_at FROM people WHERE id = ?'),
    enrollments: db.prepare<[string, string], Record<string, unknown>>(
      `SELECT e.id, e.unit_id AS unitId, u.name AS unitName, e.deployment_id AS deploymentId, d.title, d.document_id AS documentId, d.version, e.status, e.started_on AS startedOn, e.accepted_at AS acceptedAt, e.created_at AS createdAt
         FROM enrollments e JOIN care_units u ON u.id = e.unit_id JOIN deployments d ON d.id = e.deployment_id WHERE u.organisation_id = ? AND e.patient_id = ? ORDER BY e.created_at, e.id`,
    ),
    responses: db.prepare<[string], Record<string, unknown>>(
      'SELECT id, enrollment_id AS enrollmentId, module_id AS moduleId, module_version AS moduleVersion, page_id AS pageId, registration_id AS registrationId, answers, completes, answered_at AS answeredAt, received_at AS receivedAt, scores, zones FROM responses WHERE enrollment_id = ? ORDER BY seq',
    ),
    alerts: db.prepare<[string], Record<string, unknown>>(
      'SELECT a.id, a.enrollment_id AS enrollmentId, a.kind, a.severity, a.message, a.module_id AS moduleId, a.response_id AS responseId, a.created_at AS createdAt, a.acknowledged_at AS acknowledgedAt, p.name AS acknowledgedBy FROM alerts a LEFT JOIN people p ON p.id = a.acknowledged_by WHERE a.enrollment_id = ? ORDER BY a.created_at, a.id',
    ),
    messages: db.prepare<[string], Record<string, unknown>>('SELECT m.id, m.enrollment_id AS enrollmentId, m.sender, p.name AS author, m.body, m.sent_at AS sentAt, m.read_at AS readAt FROM messages m JOIN people p ON p.id = m.author_id WHERE m.enrollment_id = ? ORDER BY m.seq'),
    plans: db.prepare<[string], Record<string, unknown>>('SELECT enrollment_id AS enrollmentId, module_id AS moduleId, registration_id AS registrationId, overrides, updated_at AS updatedAt FROM patient_plans WHERE enrollment_id = ?'),
    notices: db.prepare<[string], Record<string, unknown>>(
      'SELECT n.id, n.enrollment_id AS enrollmentId, n.kind, n.sent_at AS sentAt, p.name AS sentBy, n.local_date AS localDate FROM patient_notices n LEFT JOIN people p ON p.id = n.sent_by WHERE n.enrollment_id = ? ORDER BY n.sent_at, n.id',
    ),
    noticeSettings: db.prepare<[string], { email_notices: number; updated_at: string }>('SELECT email_notices, updated_at FROM patient_notice_settings WHERE patient_id = ?'),
    reminders: db.prepare<[string], Record<string, unknown>>(
      'SELECT enrollment_id AS enrollmentId, kind, item_id AS itemId, local_date AS localDate, sent_at AS sentAt FROM reminders_sent WHERE enrollment_id = ? ORDER BY sent_at, kind, item_id',
    ),
    reads: db.prepare<[string, string], NamedAuditRow>(`${NAMED_AUDIT_SELECT} WHERE a.patient_id = ? AND a.organisation_id = ? AND a.action = 'patient.read' ORDER BY a.seq`),
    readsOfPatient: db.prepare<[string, number], NamedAuditRow>(`${NAMED_AUDIT_SELECT} WHERE a.patient_id = ? AND a.action = 'patient.read' ORDER BY a.seq DESC LIMIT ?`),
    readsBetween: db.prepare<[string, string, string, number], NamedAuditRow & { time_zone: string | null; on_caseload: number }>(
      `SELECT a.*, p.name AS actor_name, u.name AS unit_name, u.time_zone,
              EXISTS (SELECT 1 FROM patient_therapists pt WHERE pt.unit_id = a.unit_id AND pt.patient_id = a.patient_id AND pt.therapist_id = a.actor_id) AS on_caseload
         FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id LEFT JOIN care_units u ON u.id = a.unit_id
        WHERE a.organisation_id = ? AND a.action = 'patient.read' AND a.at >= ? AND a.at < ? AND a.actor_id IS NOT NULL AND a.patient_id IS NOT NULL
        ORDER BY a.seq LIMIT ?`,
    ),
    enrollmentIds: db.prepare<[string], { id: string }>('SELECT id FROM enrollments WHERE patient_id = ?'),
    email: db.prepare<[string], { email: string }>('SELECT email FROM people WHERE id = ?'),
    markPurge: db.prepare('INSERT INTO patient_purges (patient_id) VALUES (?)'),
    unmarkPurge: db.prepare('DELETE FROM patient_purges WHERE patient_id = ?'),
    count: (table: string) => db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = ?)`),
  };
  const deletes = [
    'DELETE FROM alerts WHERE patient_id = @patientId OR enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM responses WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM messages WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM patient_plans WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM reminders_sent WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM invitations WHERE person_id = @patientId OR enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM referrals WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = @patientId)',
    'DELETE FROM patient_therapists WHERE patient_id = @patientId',
    'DELETE FROM enrollments WHERE patient_id = @patientId',
    'DELETE FROM mail_outbox WHERE to_address = @email COLLATE NOCASE',
    // Webhook events about the patient (ids only), with their deliveries and delivery log.
    'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE e.patient_id = @patientId)',
    'DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM webhook_events WHERE patient_id = @patientId)',
    'DELETE FROM webhook_events WHERE patient_id = @patientId',
    'DELETE FROM sessions WHERE person_id = @patientId',
    'DELETE FROM password_resets WHERE person_id = @patientId',
    'DELETE FROM member_invitations WHERE email = @email COLLATE NOCASE AND accepted_at IS NULL',
    'DELETE FROM memberships WHERE person_id = @patientId',
    'DELETE FROM people WHERE id = @patientId',
  ].map((sql) => db.prepare(sql));
  const counters = { responses: statements.count('responses'), messages: statements.count('messages'), alerts: statements.count('alerts') };

  const purge = db.transaction((patientId: string, tombstone: Parameters<DataAdminStore['purgePatient']>[0]['tombstone']) => {
    const email = statements.email.get(patientId)?.email ?? '';
    const counts = {
      enrollments: statements.enrollmentIds.all(patientId).length,
      responses: counters.responses.get(patientId)!.n,
      messages: counters.messages.get(patientId)!.n,
      alerts: counters.alerts.get(patientId)!.n,
    };
    statements.markPurge.run(patientId);
    for (const statement of deletes) statement.run({ patientId, email });
    statements.unmarkPurge.run(patientId);
    // Counts only (the details guard refuses a key named like answers, so they are named for what they count).
    writeAuditEntry(db, { ...tombstone, details: { ...tombstone.details, enrollmentsErased: counts.enrollments, responseRowsErased: counts.responses, messagesErased: counts.messages, alertsErased: counts.alerts } });
    return counts;
  });

  return {
    async searchAudit(search) {
      const where = ['a.organisation_id = @organisationId'];
      if (search.patientId !== undefined) where.push('a.patient_id = @patientId');
      if (search.actorId !== undefined) where.push('a.actor_id = @actorId');
      if (search.action !== undefined) where.push('a.action = @action');
      if (search.from !== undefined) where.push('a.at >= @from');
      if (search.until !== undefined) where.push('a.at < @until');
      if (search.before !== undefined) where.push('a.seq < @before');
      const rows = db.prepare<Record<string, unknown>, NamedAuditRow>(`${NAMED_AUDIT_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT @limit`).all({ ...search });
      return rows.map(namedAuditRecord);
    },
    async readsBetween(organisationId, from, until, limit): Promise<ReadRecord[]> {
      return statements.readsBetween.all(organisationId, from, until, limit).map((row) => ({
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id as string,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        unitId: row.unit_id,
        unitName: row.unit_name,
        timeZone: row.time_zone,
        patientId: row.patient_id as string,
        onCaseload: row.on_caseload === 1,
      }));
    },
    async isPatientOf(organisationId, patientId) {
      return statements.isPatientOf.get(organisationId, patientId) !== undefined;
    },
    async hasOtherTies(organisationId, patientId) {
      return statements.otherEnrollments.get(organisationId, patientId)!.n > 0 || statements.otherRoles.get(patientId, organisationId)!.n > 0;
    },
    async patientRecord(organisationId, patientId): Promise<PatientRecord | undefined> {
      const person = statements.person.get(patientId);
      if (!person) return undefined;
      const enrollments = statements.enrollments.all(organisationId, patientId);
      const ids = enrollments.map((enrollment) => enrollment['id'] as string);
      const settings = statements.noticeSettings.get(patientId);
      const json = (row: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, keys.includes(key) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value]));
      return {
        person: { id: person.id, name: person.name, email: person.email, createdAt: person.created_at },
        enrollments,
        responses: ids.flatMap((id) => statements.responses.all(id).map((row) => json({ ...row, completes: row['completes'] === 1 }, 'answers', 'scores', 'zones'))),
        alerts: ids.flatMap((id) => statements.alerts.all(id)),
        messages: ids.flatMap((id) => statements.messages.all(id)),
        plans: ids.flatMap((id) => statements.plans.all(id).map((row) => json(row, 'overrides'))),
        notices: ids.flatMap((id) => statements.notices.all(id)),
        noticeSettings: settings ? { emailNotices: settings.email_notices === 1, updatedAt: settings.updated_at } : null,
        reminders: ids.flatMap((id) => statements.reminders.all(id)),
        reads: statements.reads.all(patientId, organisationId).map(namedAuditRecord),
      };
    },
    async purgePatient({ patientId, tombstone }) {
      // Erased rows are overwritten, not only unlinked; then the WAL, which holds copies of every
      // page written since the last checkpoint, is copied back and truncated to nothing.
      db.pragma('secure_delete = ON');
      const counts = purge(patientId, tombstone);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
    async readsOfPatient(patientId, limit) {
      return statements.readsOfPatient.all(patientId, limit).map((row) => ({ at: row.at, name: row.actor_name, role: row.actor_role, unit: row.unit_name }));
    },
    async record(entry) {
      writeAuditEntry(db, entry);
    },
  };
}
