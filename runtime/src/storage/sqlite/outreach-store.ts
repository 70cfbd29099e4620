import type Database from 'better-sqlite3';
import type { NoticeRefusal, PatientNoticeRecord, PatientNoticeStore, PendingMessageNotice, StaffNoticeRecord, StaffNoticeStore, StaffRecipient } from '../../domain/care/outreach-ports.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import type { SqliteMailOutbox } from './sqlite-mail-outbox.js';

/** Rows of migration 160's tables, shared with the PostgreSQL stores. */
export interface PatientNoticeRow {
  id: string;
  patient_id: string;
  enrollment_id: string;
  kind: PatientNoticeRecord['kind'];
  sent_at: string;
  sent_by: string | null;
  sent_by_name: string | null;
}

export interface StaffNoticeRow {
  id: string;
  organisation_id: string;
  title: string;
  body: string;
  emailed: number | boolean;
  posted_by: string;
  posted_by_name: string;
  posted_at: string;
  unit_ids: string;
  read_at?: string | null;
}

export const toPatientNotice = (row: PatientNoticeRow): PatientNoticeRecord => ({
  id: row.id, patientId: row.patient_id, enrollmentId: row.enrollment_id, kind: row.kind, sentAt: row.sent_at, sentBy: row.sent_by, sentByName: row.sent_by_name,
});

export const toStaffNotice = (row: StaffNoticeRow): StaffNoticeRecord => ({
  id: row.id, organisationId: row.organisation_id, title: row.title, body: row.body, emailed: Boolean(row.emailed), postedBy: row.posted_by, postedByName: row.posted_by_name, postedAt: row.posted_at,
  unitIds: (JSON.parse(row.unit_ids) as string[]).sort(),
});

/** The newest pending message per patient, from rows ordered newest first. */
export function newestPerPatient(rows: ReadonlyArray<{ patient_id: string; enrollment_id: string; message_id: string; sent_at: string }>): PendingMessageNotice[] {
  const seen = new Map<string, PendingMessageNotice>();
  for (const row of rows) if (!seen.has(row.patient_id)) seen.set(row.patient_id, { patientId: row.patient_id, enrollmentId: row.enrollment_id, messageId: row.message_id, sentAt: row.sent_at });
  return [...seen.values()];
}

const clampLimit = (limit: number | undefined, fallback: number) => Math.min(Math.max(1, Math.trunc(limit ?? fallback)), 500);

/**
 * Patients' e-mail notices on SQLite. A claim is one transaction (better-sqlite3 runs it alone):
 * the patient's choice, the interval, the claims, the notice row, its mail and its audit row.
 */
export function createSqlitePatientNoticeStore(db: Database.Database, deps: { mail: SqliteMailOutbox }): PatientNoticeStore {
  const setting = db.prepare<[string], { email_notices: number }>('SELECT email_notices FROM patient_notice_settings WHERE patient_id = ?');
  const upsertSetting = db.prepare('INSERT INTO patient_notice_settings (patient_id, email_notices, updated_at) VALUES (?, ?, ?) ON CONFLICT (patient_id) DO UPDATE SET email_notices = excluded.email_notices, updated_at = excluded.updated_at');
  const pending = db.prepare<[string], { patient_id: string; enrollment_id: string; message_id: string; sent_at: string }>(
    `SELECT e.patient_id, m.enrollment_id, m.id AS message_id, m.sent_at
       FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
      WHERE m.sender = 'therapist' AND m.read_at IS NULL AND m.sent_at <= ?
        AND e.accepted_at IS NOT NULL AND e.status IN ('active', 'paused')
        AND NOT EXISTS (SELECT 1 FROM patient_notice_settings s WHERE s.patient_id = e.patient_id AND s.email_notices = 0)
        AND m.sent_at > coalesce((SELECT max(n.sent_at) FROM patient_notices n WHERE n.patient_id = e.patient_id AND n.kind = 'message'), '')
      ORDER BY m.sent_at DESC, m.id DESC`,
  );
  const sentSince = db.prepare<[string, string, string], { ok: number }>('SELECT 1 AS ok FROM patient_notices WHERE patient_id = ? AND kind = ? AND sent_at > ? LIMIT 1');
  const reminderOn = db.prepare<[string, string], { ok: number }>('SELECT 1 AS ok FROM patient_notices WHERE patient_id = ? AND local_date = ?');
  const claimed = db.prepare<[string], { ok: number }>('SELECT 1 AS ok FROM patient_notice_claims WHERE dedupe_key = ?');
  const insertNotice = db.prepare('INSERT INTO patient_notices (id, patient_id, enrollment_id, kind, sent_at, sent_by, local_date, mail_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertClaim = db.prepare('INSERT INTO patient_notice_claims (dedupe_key, notice_id) VALUES (?, ?)');
  const list = db.prepare<[string, number], PatientNoticeRow>(
    'SELECT n.id, n.patient_id, n.enrollment_id, n.kind, n.sent_at, n.sent_by, p.name AS sent_by_name FROM patient_notices n LEFT JOIN people p ON p.id = n.sent_by WHERE n.enrollment_id = ? ORDER BY n.sent_at DESC, n.id DESC LIMIT ?',
  );

  const setEmailNotices = db.transaction((input: Parameters<PatientNoticeStore['setEmailNotices']>[0]) => {
    upsertSetting.run(input.patientId, input.emailNotices ? 1 : 0, input.at);
    writeAuditEntry(db, input.audit);
  });

  const claim = db.transaction((input: Parameters<PatientNoticeStore['claimNotice']>[0]): { ok: true } | { ok: false; reason: NoticeRefusal } => {
    const { notice } = input;
    if (setting.get(notice.patientId)?.email_notices === 0) return { ok: false, reason: 'off' };
    if (input.notSince !== undefined && sentSince.get(notice.patientId, notice.kind, input.notSince)) return { ok: false, reason: 'too_soon' };
    if (notice.localDate !== undefined && reminderOn.get(notice.patientId, notice.localDate)) return { ok: false, reason: 'too_soon' };
    const fresh = [...new Set(input.claims)].filter((key) => !claimed.get(key));
    if (input.claims.length > 0 && fresh.length === 0) return { ok: false, reason: 'claimed' };
    insertNotice.run(notice.id, notice.patientId, notice.enrollmentId, notice.kind, notice.sentAt, notice.sentBy, notice.localDate ?? null, input.mail.id);
    for (const key of fresh) insertClaim.run(key, notice.id);
    deps.mail.stage(input.mail);
    if (input.audit) writeAuditEntry(db, input.audit);
    return { ok: true };
  });

  return {
    emailNotices: async (patientId) => setting.get(patientId)?.email_notices !== 0,
    setEmailNotices: async (input) => setEmailNotices(input),
    pendingMessageNotices: async (at) => newestPerPatient(pending.all(at)),
    claimNotice: async (input) => {
      const result = claim(input);
      // After the commit: the dispatcher may send it.
      if (result.ok) deps.mail.notify();
      return result;
    },
    listNotices: async (enrollmentId, limit) => list.all(enrollmentId, clampLimit(limit, 100)).map(toPatientNotice),
  };
}

/** Staff notices on SQLite: a post, its units, its e-mails and its audit row are one transaction. */
export function createSqliteStaffNoticeStore(db: Database.Database, deps: { mail: SqliteMailOutbox }): StaffNoticeStore {
  const columns = `n.id, n.organisation_id, n.title, n.body, n.emailed, n.posted_by, p.name AS posted_by_name, n.posted_at,
    (SELECT json_group_array(u.unit_id) FROM staff_notice_units u WHERE u.notice_id = n.id) AS unit_ids`;
  const recipients = db.prepare<[string], { person_id: string; email: string }>(
    `SELECT p.id AS person_id, p.email FROM people p
      WHERE p.disabled_at IS NULL AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.unit_id IN (SELECT value FROM json_each(?)) AND m.role <> 'patient')
      ORDER BY p.id`,
  );
  const organisationName = db.prepare<[string], { name: string }>('SELECT name FROM organisations WHERE id = ?');
  const insert = db.prepare('INSERT INTO staff_notices (id, organisation_id, title, body, emailed, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertUnit = db.prepare('INSERT INTO staff_notice_units (notice_id, unit_id) VALUES (?, ?)');
  const one = db.prepare<[string], StaffNoticeRow>(`SELECT ${columns} FROM staff_notices n JOIN people p ON p.id = n.posted_by WHERE n.id = ?`);
  const ofOrganisation = db.prepare<[string, number], StaffNoticeRow>(`SELECT ${columns} FROM staff_notices n JOIN people p ON p.id = n.posted_by WHERE n.organisation_id = ? ORDER BY n.posted_at DESC, n.id DESC LIMIT ?`);
  const forReader = db.prepare<[string, string, number], StaffNoticeRow>(
    `SELECT ${columns}, r.read_at FROM staff_notices n JOIN people p ON p.id = n.posted_by
       LEFT JOIN staff_notice_reads r ON r.notice_id = n.id AND r.person_id = ?
      WHERE n.id IN (SELECT notice_id FROM staff_notice_units WHERE unit_id IN (SELECT value FROM json_each(?)))
      ORDER BY n.posted_at DESC, n.id DESC LIMIT ?`,
  );
  const markRead = db.prepare('INSERT INTO staff_notice_reads (notice_id, person_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');

  const post = db.transaction((input: Parameters<StaffNoticeStore['post']>[0]) => {
    const { notice } = input;
    insert.run(notice.id, notice.organisationId, notice.title, notice.body, notice.emailed ? 1 : 0, notice.postedBy, notice.postedAt);
    for (const unitId of new Set(notice.unitIds)) insertUnit.run(notice.id, unitId);
    for (const mail of input.mails) deps.mail.stage(mail);
    writeAuditEntry(db, input.audit);
    return toStaffNotice(one.get(notice.id)!);
  });

  return {
    recipients: async (unitIds): Promise<StaffRecipient[]> => recipients.all(JSON.stringify(unitIds)).map((row) => ({ personId: row.person_id, email: row.email })),
    organisationName: async (organisationId) => organisationName.get(organisationId)?.name,
    post: async (input) => {
      const posted = post(input);
      if (input.mails.length > 0) deps.mail.notify();
      return posted;
    },
    listOfOrganisation: async (organisationId, limit) => ofOrganisation.all(organisationId, clampLimit(limit, 100)).map(toStaffNotice),
    listForReader: async (personId, unitIds, limit) =>
      unitIds.length === 0 ? [] : forReader.all(personId, JSON.stringify(unitIds), clampLimit(limit, 100)).map((row) => ({ ...toStaffNotice(row), readAt: row.read_at ?? null })),
    get: async (id) => {
      const row = one.get(id);
      return row ? toStaffNotice(row) : undefined;
    },
    markRead: async (input) => void markRead.run(input.noticeId, input.personId, input.at),
  };
}
