import type pg from 'pg';
import type { NoticeRefusal, PatientNoticeStore, StaffNoticeStore } from '../../domain/care/outreach-ports.js';
import { newestPerPatient, toPatientNotice, toStaffNotice, type PatientNoticeRow, type StaffNoticeRow } from '../sqlite/outreach-store.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';
import type { PostgresMailOutbox } from './postgres-mail-outbox.js';

const clampLimit = (limit: number | undefined, fallback: number) => Math.min(Math.max(1, Math.trunc(limit ?? fallback)), 500);

/**
 * Patients' e-mail notices on PostgreSQL (migration 120), like the SQLite store. Every process runs
 * the minute job, so a claim first takes a transaction-scoped advisory lock on the patient: two
 * claims for one patient queue, and the second sees the first's notice (interval, claims) before it
 * decides. ISO times compare as text in the "C" collation, as elsewhere.
 */
export function createPostgresPatientNoticeStore(pool: pg.Pool, deps: { mail: PostgresMailOutbox }): PatientNoticeStore {
  const setting = async (db: pg.ClientBase | pg.Pool, patientId: string) => (await db.query<{ email_notices: number }>('SELECT email_notices FROM patient_notice_settings WHERE patient_id = $1', [patientId])).rows[0]?.email_notices;
  return {
    emailNotices: async (patientId) => (await setting(pool, patientId)) !== 0,
    setEmailNotices: (input) =>
      inTransaction(pool, async (db) => {
        await db.query(
          'INSERT INTO patient_notice_settings (patient_id, email_notices, updated_at) VALUES ($1, $2, $3) ON CONFLICT (patient_id) DO UPDATE SET email_notices = excluded.email_notices, updated_at = excluded.updated_at',
          [input.patientId, input.emailNotices ? 1 : 0, input.at],
        );
        await writeAuditEntryPg(db, input.audit);
      }),
    pendingMessageNotices: async (at) => {
      const { rows } = await pool.query<{ patient_id: string; enrollment_id: string; message_id: string; sent_at: string }>(
        `SELECT e.patient_id, m.enrollment_id, m.id AS message_id, m.sent_at
           FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
          WHERE m.sender = 'therapist' AND m.read_at IS NULL AND m.sent_at COLLATE "C" <= $1 COLLATE "C"
            AND e.accepted_at IS NOT NULL AND e.status IN ('active', 'paused')
            AND NOT EXISTS (SELECT 1 FROM patient_notice_settings s WHERE s.patient_id = e.patient_id AND s.email_notices = 0)
            AND m.sent_at COLLATE "C" > coalesce((SELECT max(n.sent_at COLLATE "C") FROM patient_notices n WHERE n.patient_id = e.patient_id AND n.kind = 'message'), '') COLLATE "C"
          ORDER BY m.sent_at COLLATE "C" DESC, m.id COLLATE "C" DESC`,
        [at],
      );
      return newestPerPatient(rows);
    },
    claimNotice: async (input) => {
      const { notice } = input;
      const result = await inTransaction(pool, async (db): Promise<{ ok: true } | { ok: false; reason: NoticeRefusal }> => {
        await db.query("SELECT pg_advisory_xact_lock(hashtextextended('careloom-patient-notice:' || $1, 0))", [notice.patientId]);
        if ((await setting(db, notice.patientId)) === 0) return { ok: false, reason: 'off' };
        if (input.notSince !== undefined) {
          const recent = await db.query('SELECT 1 FROM patient_notices WHERE patient_id = $1 AND kind = $2 AND sent_at COLLATE "C" > $3 COLLATE "C" LIMIT 1', [notice.patientId, notice.kind, input.notSince]);
          if ((recent.rowCount ?? 0) > 0) return { ok: false, reason: 'too_soon' };
        }
        if (notice.localDate !== undefined) {
          const today = await db.query('SELECT 1 FROM patient_notices WHERE patient_id = $1 AND local_date = $2', [notice.patientId, notice.localDate]);
          if ((today.rowCount ?? 0) > 0) return { ok: false, reason: 'too_soon' };
        }
        const keys = [...new Set(input.claims)];
        const taken = new Set((await db.query<{ dedupe_key: string }>('SELECT dedupe_key FROM patient_notice_claims WHERE dedupe_key = ANY($1)', [keys])).rows.map((row) => row.dedupe_key));
        const fresh = keys.filter((key) => !taken.has(key));
        if (input.claims.length > 0 && fresh.length === 0) return { ok: false, reason: 'claimed' };
        await db.query('INSERT INTO patient_notices (id, patient_id, enrollment_id, kind, sent_at, sent_by, local_date, mail_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          notice.id, notice.patientId, notice.enrollmentId, notice.kind, notice.sentAt, notice.sentBy, notice.localDate ?? null, input.mail.id,
        ]);
        for (const key of fresh) await db.query('INSERT INTO patient_notice_claims (dedupe_key, notice_id) VALUES ($1, $2)', [key, notice.id]);
        await deps.mail.stage(db, input.mail);
        if (input.audit) await writeAuditEntryPg(db, input.audit);
        return { ok: true };
      });
      if (result.ok) deps.mail.notify();
      return result;
    },
    listNotices: async (enrollmentId, limit) =>
      (await pool.query<PatientNoticeRow>(
        'SELECT n.id, n.patient_id, n.enrollment_id, n.kind, n.sent_at, n.sent_by, p.name AS sent_by_name FROM patient_notices n LEFT JOIN people p ON p.id = n.sent_by WHERE n.enrollment_id = $1 ORDER BY n.sent_at COLLATE "C" DESC, n.id COLLATE "C" DESC LIMIT $2',
        [enrollmentId, clampLimit(limit, 100)],
      )).rows.map(toPatientNotice),
  };
}

const COLUMNS = `n.id, n.organisation_id, n.title, n.body, n.emailed, n.posted_by, p.name AS posted_by_name, n.posted_at,
  (SELECT coalesce(json_agg(u.unit_id), '[]'::json)::text FROM staff_notice_units u WHERE u.notice_id = n.id) AS unit_ids`;

/** Staff notices on PostgreSQL: a post, its units, its e-mails and its audit row are one transaction. */
export function createPostgresStaffNoticeStore(pool: pg.Pool, deps: { mail: PostgresMailOutbox }): StaffNoticeStore {
  const one = async (db: pg.ClientBase | pg.Pool, id: string) => (await db.query<StaffNoticeRow>(`SELECT ${COLUMNS} FROM staff_notices n JOIN people p ON p.id = n.posted_by WHERE n.id = $1`, [id])).rows[0];
  return {
    recipients: async (unitIds) =>
      (await pool.query<{ person_id: string; email: string }>(
        `SELECT p.id AS person_id, p.email FROM people p
          WHERE p.disabled_at IS NULL AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.unit_id = ANY($1) AND m.role <> 'patient')
          ORDER BY p.id COLLATE "C"`,
        [[...unitIds]],
      )).rows.map((row) => ({ personId: row.person_id, email: row.email })),
    organisationName: async (organisationId) => (await pool.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [organisationId])).rows[0]?.name,
    post: async (input) => {
      const { notice } = input;
      const posted = await inTransaction(pool, async (db) => {
        await db.query('INSERT INTO staff_notices (id, organisation_id, title, body, emailed, posted_by, posted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          notice.id, notice.organisationId, notice.title, notice.body, notice.emailed ? 1 : 0, notice.postedBy, notice.postedAt,
        ]);
        for (const unitId of new Set(notice.unitIds)) await db.query('INSERT INTO staff_notice_units (notice_id, unit_id) VALUES ($1, $2)', [notice.id, unitId]);
        for (const mail of input.mails) await deps.mail.stage(db, mail);
        await writeAuditEntryPg(db, input.audit);
        return toStaffNotice((await one(db, notice.id))!);
      });
      if (input.mails.length > 0) deps.mail.notify();
      return posted;
    },
    listOfOrganisation: async (organisationId, limit) =>
      (await pool.query<StaffNoticeRow>(`SELECT ${COLUMNS} FROM staff_notices n JOIN people p ON p.id = n.posted_by WHERE n.organisation_id = $1 ORDER BY n.posted_at COLLATE "C" DESC, n.id COLLATE "C" DESC LIMIT $2`, [organisationId, clampLimit(limit, 100)])).rows.map(toStaffNotice),
    listForReader: async (personId, unitIds, limit) => {
      if (unitIds.length === 0) return [];
      const { rows } = await pool.query<StaffNoticeRow>(
        `SELECT ${COLUMNS}, r.read_at FROM staff_notices n JOIN people p ON p.id = n.posted_by
           LEFT JOIN staff_notice_reads r ON r.notice_id = n.id AND r.person_id = $1
          WHERE n.id IN (SELECT notice_id FROM staff_notice_units WHERE unit_id = ANY($2))
          ORDER BY n.posted_at COLLATE "C" DESC, n.id COLLATE "C" DESC LIMIT $3`,
        [personId, [...unitIds], clampLimit(limit, 100)],
      );
      return rows.map((row) => ({ ...toStaffNotice(row), readAt: row.read_at ?? null }));
    },
    get: async (id) => {
      const row = await one(pool, id);
      return row ? toStaffNotice(row) : undefined;
    },
    markRead: async (input) => void (await pool.query('INSERT INTO staff_notice_reads (notice_id, person_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [input.noticeId, input.personId, input.at])),
  };
}
