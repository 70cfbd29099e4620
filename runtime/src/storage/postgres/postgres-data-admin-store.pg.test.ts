import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresDataAdminStore } from './postgres-data-admin-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();
const at = '2026-03-01T08:00:00.000Z';

/** A care provider with one unit and one deployment; a therapist of the unit; no patients yet. */
const FIXTURE = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher', 'publisher', 'x'), ('care-1', 'care-1', 'Care', 'care_provider', 'x')",
  "INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ('person-therapist', 't@example.org', 'Therapist', 'h', 'x', 'x')",
  "INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_at) VALUES ('person-therapist', 'care-1', 'therapist', NULL, 'x'), ('person-therapist', 'care-1', 'therapist', 'u', 'x')",
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('phq-9', 'org-a', 'module', 'PHQ-9', 'person-therapist', 'x', 'x')",
  `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('phq-9', 1, '{}', '${'f'.repeat(64)}', '', 'person-therapist', '[]', 0, 'x')`,
  "INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'Unit', 1, 'UTC', '{}', 'x', 'x')",
  `INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'u', 'module', 'phq-9', 1, 'PHQ-9', '${'b'.repeat(64)}', '[]', 'active', 'x', 'person-therapist')`,
];

/** A patient enrolled by the therapist, with a response, a message, an alert, a plan, a session and an e-mail. */
async function addPatient(pool: pg.Pool, id: string) {
  const statements: Array<[string, unknown[]]> = [
    ["INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ($1, $2, $3, 'h', 'x', 'x')", [id, `${id}@Example.org`, `Name of ${id}`]],
    ["INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_at) VALUES ($1, 'care-1', 'patient', 'u', 'x')", [id]],
    ["INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ($1, 'u', 'd', $2, 'active', '2026-03-02', 'x', '[]', 'person-therapist', 'x', 'x')", [`e-${id}`, id]],
    [
      `INSERT INTO responses (id, enrollment_id, client_id, body_hash, module_id, module_version, answers, completes, answered_at, received_at, local_date, scores, zones)
       VALUES ($1, $2, 'c', '${'c'.repeat(64)}', 'phq-9', 1, '{"q1":3}', 1, 'x', 'x', '2026-03-02', '[]', '[]')`,
      [`r-${id}`, `e-${id}`],
    ],
    ["INSERT INTO messages (id, enrollment_id, sender, author_id, body, sent_at) VALUES ($1, $2, 'patient', $3, 'I feel low', 'x')", [`m-${id}`, `e-${id}`, id]],
    ["INSERT INTO alerts (id, enrollment_id, unit_id, patient_id, kind, severity, message, response_id, created_at) VALUES ($1, $2, 'u', $3, 'item', 'urgent', 'Item 9', $4, 'x')", [`a-${id}`, `e-${id}`, id, `r-${id}`]],
    ["INSERT INTO patient_plans (enrollment_id, module_id, registration_id, overrides, updated_at, updated_by) VALUES ($1, 'phq-9', 'reg', '{}', 'x', 'person-therapist')", [`e-${id}`]],
    ["INSERT INTO sessions (id, person_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, 'csrf', 'x', 'x', 'x')", [`s-${id}`, id]],
    ["INSERT INTO mail_outbox (id, to_address, subject, text, created_at) VALUES ($1, $2, 'Hello', 'Text', 'x')", [`mail-${id}`, `${id}@example.org`]],
  ];
  for (const [sql, values] of statements) await pool.query(sql, values);
}

const PATIENT_TABLES: Array<[string, string]> = [
  ['people', 'id'],
  ['memberships', 'person_id'],
  ['enrollments', 'patient_id'],
  ['alerts', 'patient_id'],
  ['patient_therapists', 'patient_id'],
  ['sessions', 'person_id'],
];
async function rowsOf(pool: pg.Pool, patientId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, column] of PATIENT_TABLES) counts[table] = (await pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [patientId])).rows[0]!.n;
  for (const table of ['responses', 'messages', 'patient_plans']) {
    counts[table] = (await pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE enrollment_id = $1`, [`e-${patientId}`])).rows[0]!.n;
  }
  counts['mail_outbox'] = (await pool.query<{ n: number }>('SELECT count(*) AS n FROM mail_outbox WHERE lower(to_address) = lower($1)', [`${patientId}@example.org`])).rows[0]!.n;
  return counts;
}

async function setUp() {
  const { pool } = await fresh.open();
  for (const sql of FIXTURE) await pool.query(sql);
  await addPatient(pool, 'person-ann');
  await addPatient(pool, 'person-bo');
  return pool;
}

const tombstone = { id: 'audit-purge', at, actorId: 'person-therapist', actorRole: 'data_admin', action: 'patient.purge', objectType: 'person', objectId: 'person-ann', organisationId: 'care-1', patientId: 'person-ann', details: {} };

describe('the data administrator\'s store on PostgreSQL', () => {
  it('makes the enrolling therapist responsible for the patient (migration 003\'s trigger)', async () => {
    const pool = await setUp();
    expect((await pool.query('SELECT patient_id, therapist_id FROM patient_therapists ORDER BY patient_id')).rows).toEqual([
      { patient_id: 'person-ann', therapist_id: 'person-therapist' },
      { patient_id: 'person-bo', therapist_id: 'person-therapist' },
    ]);
  });

  it('purges one patient in one transaction: their rows are gone, the other patient\'s untouched, a tombstone without personal data stays', async () => {
    const pool = await setUp();
    const store = createPostgresDataAdminStore(pool);
    const before = await rowsOf(pool, 'person-bo');
    expect(Object.values(before).every((n) => n === 1)).toBe(true);
    const record = await store.patientRecord('care-1', 'person-ann');
    expect(record?.responses).toEqual([expect.objectContaining({ id: 'r-person-ann', enrollmentId: 'e-person-ann', answers: { q1: 3 }, completes: true })]);
    expect(record?.enrollments).toEqual([expect.objectContaining({ id: 'e-person-ann', unitName: 'Unit', documentId: 'phq-9' })]);

    expect(await store.purgePatient({ patientId: 'person-ann', tombstone })).toEqual({ enrollments: 1, responses: 1, messages: 1, alerts: 1 });

    expect(Object.values(await rowsOf(pool, 'person-ann')).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(pool, 'person-bo')).toEqual(before);
    expect((await pool.query('SELECT count(*) AS n FROM patient_purges')).rows[0]).toEqual({ n: 0 });
    const audit = await pool.query<{ action: string; details: string }>('SELECT * FROM audit_log');
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'patient.purge', patient_id: 'person-ann', organisation_id: 'care-1' })]);
    const stored = JSON.stringify(audit.rows[0]);
    for (const personal of ['Name of person-ann', 'person-ann@', 'I feel low', 'q1']) expect(stored).not.toContain(personal);
    expect(JSON.parse(audit.rows[0]!.details)).toEqual({ enrollmentsErased: 1, responseRowsErased: 1, messagesErased: 1, alertsErased: 1 });
    expect(await store.patientRecord('care-1', 'person-ann')).toBeUndefined();
  });

  it('exports the notices sent about the patient\'s enrollments here, their notice choice and the reminders sent, as the SQLite store does', async () => {
    const pool = await setUp();
    const store = createPostgresDataAdminStore(pool);
    expect(await store.patientRecord('care-1', 'person-ann')).toMatchObject({ notices: [], noticeSettings: null, reminders: [] });
    await pool.query("INSERT INTO patient_notices (id, patient_id, enrollment_id, kind, sent_at, sent_by, local_date, mail_id) VALUES ('n-1', 'person-ann', 'e-person-ann', 'reminder', '2026-03-02T09:00:00.000Z', 'person-therapist', '2026-03-02', 'mail-n-1'), ('n-2', 'person-ann', 'e-person-ann', 'message', '2026-03-01T09:00:00.000Z', NULL, NULL, 'mail-n-2')");
    await pool.query("INSERT INTO patient_notice_settings (patient_id, email_notices, updated_at) VALUES ('person-ann', 0, '2026-03-03T10:00:00.000Z')");
    await pool.query("INSERT INTO reminders_sent (enrollment_id, kind, item_id, local_date, sent_at) VALUES ('e-person-ann', 'module', 'week-1', '2026-03-02', '2026-03-02T08:00:00.000Z')");
    const record = await store.patientRecord('care-1', 'person-ann');
    expect(record?.notices).toEqual([
      { id: 'n-2', enrollmentId: 'e-person-ann', kind: 'message', sentAt: '2026-03-01T09:00:00.000Z', sentBy: null, localDate: null },
      { id: 'n-1', enrollmentId: 'e-person-ann', kind: 'reminder', sentAt: '2026-03-02T09:00:00.000Z', sentBy: 'Therapist', localDate: '2026-03-02' },
    ]);
    expect(record?.noticeSettings).toEqual({ emailNotices: false, updatedAt: '2026-03-03T10:00:00.000Z' });
    expect(record?.reminders).toEqual([{ enrollmentId: 'e-person-ann', kind: 'module', itemId: 'week-1', localDate: '2026-03-02', sentAt: '2026-03-02T08:00:00.000Z' }]);
    // Another patient's rows stay out.
    expect(await store.patientRecord('care-1', 'person-bo')).toMatchObject({ notices: [], noticeSettings: null, reminders: [] });
  });

  it('refuses deleting responses, messages and alerts outside a purge, and only lets a purge delete its own patient\'s rows', async () => {
    const pool = await setUp();
    await expect(pool.query("DELETE FROM responses WHERE id = 'r-person-ann'")).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM messages WHERE id = 'm-person-ann'")).rejects.toThrow(/never deleted/);
    await expect(pool.query("DELETE FROM alerts WHERE id = 'a-person-ann'")).rejects.toThrow(/never deleted/);
    for (const table of ['responses', 'messages', 'alerts', 'audit_log']) await expect(pool.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only|never deleted|cannot be truncated/);

    // A purge of Ann under way (her marker row) does not open Bo's rows.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("INSERT INTO patient_purges (patient_id) VALUES ('person-ann')");
      await expect(client.query("DELETE FROM alerts WHERE id = 'a-person-bo'")).rejects.toThrow(/never deleted/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await expect(pool.query("UPDATE responses SET answers = '{}' WHERE id = 'r-person-bo'")).rejects.toThrow(/append-only/);
    expect(await rowsOf(pool, 'person-ann')).toEqual(await rowsOf(pool, 'person-bo'));
  });

  it('rolls the whole purge back when its tombstone cannot be written', async () => {
    const pool = await setUp();
    const store = createPostgresDataAdminStore(pool);
    await store.record({ ...tombstone, action: 'patient.export' });
    await expect(store.purgePatient({ patientId: 'person-ann', tombstone })).rejects.toMatchObject({ code: 'conflict' });
    expect(Object.values(await rowsOf(pool, 'person-ann')).every((n) => n === 1)).toBe(true);
  });
});
