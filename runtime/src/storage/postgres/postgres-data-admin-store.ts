import type pg from 'pg';
import { NAMED_AUDIT_SELECT, namedAuditRecord, type NamedAuditRow } from '../audit-rows.js';
import type { DataAdminStore, PatientRecord, ReadRecord } from '../../domain/data-admin/data-admin-store.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

type Db = pg.ClientBase | pg.Pool;



/** What a purge deletes, in order (children before parents); $1 is the patient's id, or their e-mail address where marked. */
const PURGE_DELETES: Array<string | { byEmail: string }> = [
  'DELETE FROM alerts WHERE patient_id = $1 OR enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM responses WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM messages WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM patient_plans WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM reminders_sent WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM invitations WHERE person_id = $1 OR enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM referrals WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)',
  'DELETE FROM patient_therapists WHERE patient_id = $1',
  'DELETE FROM enrollments WHERE patient_id = $1',
  { byEmail: 'DELETE FROM mail_outbox WHERE lower(to_address) = lower($1)' },
  // Webhook events about the patient (ids only), with their deliveries and delivery log.
  'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE e.patient_id = $1)',
  'DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM webhook_events WHERE patient_id = $1)',
  'DELETE FROM webhook_events WHERE patient_id = $1',
  'DELETE FROM sessions WHERE person_id = $1',
  'DELETE FROM password_resets WHERE person_id = $1',
  { byEmail: 'DELETE FROM member_invitations WHERE lower(email) = lower($1) AND accepted_at IS NULL' },
  'DELETE FROM memberships WHERE person_id = $1',
  'DELETE FROM people WHERE id = $1',
];
const PURGED_TABLES = ['alerts', 'responses', 'messages', 'patient_plans', 'reminders_sent', 'invitations', 'referrals', 'patient_therapists', 'enrollments', 'mail_outbox', 'sessions', 'password_resets', 'member_invitations', 'memberships', 'people'];

/**
 * The data administrator's store on PostgreSQL, with the behaviour of the SQLite store
 * (storage/sqlite/data-admin-store.ts). Searches read `audit_log` by care provider; the purge is
 * one transaction that the delete triggers of migrations/004-patient-purge.sql let through for
 * that patient alone, with its tombstone audit row.
 *
 * What the purge guarantees on PostgreSQL, and what not: after the commit no query sees the
 * patient's rows. A DELETE leaves them as dead tuples in the table and index pages until VACUUM
 * removes them, and SQLite's in-transaction `secure_delete` and WAL checkpoint have no PostgreSQL
 * equivalent, so the purge runs `VACUUM` on the tables it deleted from right after the commit
 * (VACUUM cannot run inside a transaction). That removes the dead tuples once no older open
 * transaction can still see them, and makes their space reusable; it does not promise that the
 * bytes are overwritten on disk at once, and it does nothing to copies outside the table files:
 * the write-ahead log (kept until recycled, and archived WAL if archiving is on), streaming
 * replicas' WAL, and backups. Those are erased by their retention, which is the operator's
 * business. If VACUUM is not possible (the database role does not own the tables) PostgreSQL skips
 * it with a warning and autovacuum removes the tuples later.
 *
 * @example
 * const data = createPostgresDataAdminStore(pool);
 * await data.purgePatient({ patientId, tombstone });
 */
export function createPostgresDataAdminStore(pool: pg.Pool): DataAdminStore {
  const first = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]) => (await db.query<T>(text, values)).rows[0];
  const all = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]) => (await db.query<T>(text, values)).rows;
  const count = async (db: Db, text: string, values: unknown[]) => (await first<{ n: number }>(db, text, values))!.n;
  const countOf = (db: Db, table: string, patientId: string) => count(db, `SELECT count(*) AS n FROM ${table} WHERE enrollment_id IN (SELECT id FROM enrollments WHERE patient_id = $1)`, [patientId]);

  return {
    async searchAudit(search) {
      const where = ['a.organisation_id = $1'];
      const values: unknown[] = [search.organisationId];
      const add = (condition: string, value: unknown) => {
        values.push(value);
        where.push(condition.replace('?', `$${values.length}`));
      };
      if (search.patientId !== undefined) add('a.patient_id = ?', search.patientId);
      if (search.actorId !== undefined) add('a.actor_id = ?', search.actorId);
      if (search.action !== undefined) add('a.action = ?', search.action);
      if (search.from !== undefined) add('a.at >= ?', search.from);
      if (search.until !== undefined) add('a.at < ?', search.until);
      if (search.before !== undefined) add('a.seq < ?', search.before);
      values.push(search.limit);
      const rows = await all<NamedAuditRow>(pool, `${NAMED_AUDIT_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT $${values.length}`, values);
      return rows.map(namedAuditRecord);
    },
    async readsBetween(organisationId, from, until, limit): Promise<ReadRecord[]> {
      const rows = await all<NamedAuditRow & { time_zone: string | null; on_caseload: boolean }>(
        pool,
        `SELECT a.*, p.name AS actor_name, u.name AS unit_name, u.time_zone,
                EXISTS (SELECT 1 FROM patient_therapists pt WHERE pt.unit_id = a.unit_id AND pt.patient_id = a.patient_id AND pt.therapist_id = a.actor_id) AS on_caseload
           FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id LEFT JOIN care_units u ON u.id = a.unit_id
          WHERE a.organisation_id = $1 AND a.action = 'patient.read' AND a.at >= $2 AND a.at < $3 AND a.actor_id IS NOT NULL AND a.patient_id IS NOT NULL
          ORDER BY a.seq LIMIT $4`,
        [organisationId, from, until, limit],
      );
      return rows.map((row) => ({
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id as string,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        unitId: row.unit_id,
        unitName: row.unit_name,
        timeZone: row.time_zone,
        patientId: row.patient_id as string,
        onCaseload: row.on_caseload === true,
      }));
    },
    async isPatientOf(organisationId, patientId) {
      return (await first(pool, 'SELECT 1 FROM enrollments e JOIN care_units u ON u.id = e.unit_id WHERE u.organisation_id = $1 AND e.patient_id = $2 LIMIT 1', [organisationId, patientId])) !== undefined;
    },
    async hasOtherTies(organisationId, patientId) {
      return (
        (await count(pool, 'SELECT count(*) AS n FROM enrollments e JOIN care_units u ON u.id = e.unit_id WHERE u.organisation_id <> $1 AND e.patient_id = $2', [organisationId, patientId])) > 0 ||
        (await count(pool, "SELECT count(*) AS n FROM memberships WHERE person_id = $1 AND (organisation_id <> $2 OR role <> 'patient')", [patientId, organisationId])) > 0
      );
    },
    async patientRecord(organisationId, patientId): Promise<PatientRecord | undefined> {
      const person = await first<{ id: string; name: string; email: string; created_at: string }>(pool, 'SELECT id, name, email, created_at FROM people WHERE id = $1', [patientId]);
      if (!person) return undefined;
      // Quoted aliases: PostgreSQL folds unquoted names to lower case.
      const enrollments = await all<Record<string, unknown>>(
        pool,
        `SELECT e.id, e.unit_id AS "unitId", u.name AS "unitName", e.deployment_id AS "deploymentId", d.title, d.document_id AS "documentId", d.version, e.status, e.started_on AS "startedOn", e.accepted_at AS "acceptedAt", e.created_at AS "createdAt"
           FROM enrollments e JOIN care_units u ON u.id = e.unit_id JOIN deployments d ON d.id = e.deployment_id WHERE u.organisation_id = $1 AND e.patient_id = $2 ORDER BY e.created_at, e.id`,
        [organisationId, patientId],
      );
      const ids = enrollments.map((enrollment) => enrollment['id'] as string);
      const json = (row: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, keys.includes(key) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value]));
      const responses = await all<Record<string, unknown>>(
        pool,
        `SELECT id, enrollment_id AS "enrollmentId", module_id AS "moduleId", module_version AS "moduleVersion", page_id AS "pageId", registration_id AS "registrationId", answers, completes, answered_at AS "answeredAt", received_at AS "receivedAt", scores, zones
           FROM responses WHERE enrollment_id = ANY($1) ORDER BY array_position($1, enrollment_id), seq`,
        [ids],
      );
      const alerts = await all<Record<string, unknown>>(
        pool,
        `SELECT a.id, a.enrollment_id AS "enrollmentId", a.kind, a.severity, a.message, a.module_id AS "moduleId", a.response_id AS "responseId", a.created_at AS "createdAt", a.acknowledged_at AS "acknowledgedAt", p.name AS "acknowledgedBy"
           FROM alerts a LEFT JOIN people p ON p.id = a.acknowledged_by WHERE a.enrollment_id = ANY($1) ORDER BY array_position($1, a.enrollment_id), a.created_at, a.id`,
        [ids],
      );
      const messages = await all<Record<string, unknown>>(
        pool,
        `SELECT m.id, m.enrollment_id AS "enrollmentId", m.sender, p.name AS author, m.body, m.sent_at AS "sentAt", m.read_at AS "readAt"
           FROM messages m JOIN people p ON p.id = m.author_id WHERE m.enrollment_id = ANY($1) ORDER BY array_position($1, m.enrollment_id), m.seq`,
        [ids],
      );
      const plans = await all<Record<string, unknown>>(
        pool,
        `SELECT enrollment_id AS "enrollmentId", module_id AS "moduleId", registration_id AS "registrationId", overrides, updated_at AS "updatedAt"
           FROM patient_plans WHERE enrollment_id = ANY($1) ORDER BY array_position($1, enrollment_id)`,
        [ids],
      );
      const notices = await all<Record<string, unknown>>(
        pool,
        `SELECT n.id, n.enrollment_id AS "enrollmentId", n.kind, n.sent_at AS "sentAt", p.name AS "sentBy", n.local_date AS "localDate"
           FROM patient_notices n LEFT JOIN people p ON p.id = n.sent_by WHERE n.enrollment_id = ANY($1) ORDER BY array_position($1, n.enrollment_id), n.sent_at, n.id`,
        [ids],
      );
      const settings = await first<{ email_notices: number; updated_at: string }>(pool, 'SELECT email_notices, updated_at FROM patient_notice_settings WHERE patient_id = $1', [patientId]);
      const reminders = await all<Record<string, unknown>>(
        pool,
        `SELECT enrollment_id AS "enrollmentId", kind, item_id AS "itemId", local_date AS "localDate", sent_at AS "sentAt"
           FROM reminders_sent WHERE enrollment_id = ANY($1) ORDER BY array_position($1, enrollment_id), sent_at, kind, item_id`,
        [ids],
      );
      const reads = await all<NamedAuditRow>(pool, `${NAMED_AUDIT_SELECT} WHERE a.patient_id = $1 AND a.organisation_id = $2 AND a.action = 'patient.read' ORDER BY a.seq`, [patientId, organisationId]);
      return {
        person: { id: person.id, name: person.name, email: person.email, createdAt: person.created_at },
        enrollments,
        responses: responses.map((row) => json({ ...row, completes: row['completes'] === 1 }, 'answers', 'scores', 'zones')),
        alerts,
        messages,
        plans: plans.map((row) => json(row, 'overrides')),
        notices,
        noticeSettings: settings ? { emailNotices: Number(settings.email_notices) === 1, updatedAt: settings.updated_at } : null,
        reminders,
        reads: reads.map(namedAuditRecord),
      };
    },
    async purgePatient({ patientId, tombstone }) {
      const counts = await inTransaction(pool, async (db) => {
        // The patient's enrollments are locked first: a response, message or alert arriving now
        // (which references its enrollment) waits for the purge, and then fails on the gone row.
        await db.query('SELECT 1 FROM enrollments WHERE patient_id = $1 FOR UPDATE', [patientId]);
        const email = (await first<{ email: string }>(db, 'SELECT email FROM people WHERE id = $1 FOR UPDATE', [patientId]))?.email ?? '';
        const erased = {
          enrollments: await count(db, 'SELECT count(*) AS n FROM enrollments WHERE patient_id = $1', [patientId]),
          responses: await countOf(db, 'responses', patientId),
          messages: await countOf(db, 'messages', patientId),
          alerts: await countOf(db, 'alerts', patientId),
        };
        await db.query('INSERT INTO patient_purges (patient_id) VALUES ($1)', [patientId]);
        for (const statement of PURGE_DELETES) await (typeof statement === 'string' ? db.query(statement, [patientId]) : db.query(statement.byEmail, [email]));
        await db.query('DELETE FROM patient_purges WHERE patient_id = $1', [patientId]);
        // Counts only (the details guard refuses a key named like answers, so they are named for what they count).
        await writeAuditEntryPg(db, { ...tombstone, details: { ...tombstone.details, enrollmentsErased: erased.enrollments, responseRowsErased: erased.responses, messagesErased: erased.messages, alertsErased: erased.alerts } });
        return erased;
      });
      // Outside the transaction, which is committed: a failure here leaves the purge done and the
      // dead tuples to autovacuum, so it does not turn the purge into an error.
      await pool.query(`VACUUM ${PURGED_TABLES.join(', ')}`).catch(() => undefined);
      return counts;
    },
    async readsOfPatient(patientId, limit) {
      const rows = await all<NamedAuditRow>(pool, `${NAMED_AUDIT_SELECT} WHERE a.patient_id = $1 AND a.action = 'patient.read' ORDER BY a.seq DESC LIMIT $2`, [patientId, limit]);
      return rows.map((row) => ({ at: row.at, name: row.actor_name, role: row.actor_role, unit: row.unit_name }));
    },
    async record(entry) {
      await writeAuditEntryPg(pool, entry);
    },
  };
}
