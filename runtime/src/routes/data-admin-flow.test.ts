import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, phq9Answers, responseBody } from '../testing/care-scenario.js';
import { createStaffTestApp, seedStaffDatabase, type StaffTestApp } from '../testing/staff-test-app.js';

let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
let dir: string;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
  dir = mkdtempSync(join(tmpdir(), 'careloom-purge-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Entry = { id: string; at: string; action: string; actor: { id: string; name: string; role: string } | null; patientId: string | null; unit: { name: string } | null };

const count = (t: StaffTestApp, where: string, ...params: unknown[]) => (t.care.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE ${where}`).get(...params) as { n: number }).n;

describe('the data administrator reads the audit log', () => {
  it('finds a therapist\'s reads of a patient, pages through them, and every search is itself audited', async () => {
    const t = await createStaffTestApp(seeded);
    const therapist = await t.login('therapist');
    expectStatus(await t.call(therapist, 'GET', '/api/care/units/unit-1/patients'), 200);
    expectStatus(await t.call(therapist, 'GET', `/api/care/enrollments/${t.scenario.panicEnrollmentId}`), 200);
    const admin = await t.login('data-admin');
    const first = expectStatus(await t.call(admin, 'GET', '/api/data/providers/care-1/audit?patientId=person-patient&action=patient.read&limit=2'), 200) as { entries: Entry[]; nextCursor: number | null };
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0]).toMatchObject({ action: 'patient.read', actor: { id: 'person-therapist', name: 'therapist', role: 'therapist' }, patientId: 'person-patient', unit: { name: 'Unit one' } });
    expect(first.nextCursor).not.toBeNull();
    const second = expectStatus(await t.call(admin, 'GET', `/api/data/providers/care-1/audit?patientId=person-patient&action=patient.read&limit=2&cursor=${first.nextCursor}`), 200) as { entries: Entry[] };
    expect(second.entries.map((entry) => entry.id)).not.toContain(first.entries[0]!.id);
    expect(second.entries[0]!.at <= first.entries[1]!.at).toBe(true);
    // By person and by time.
    const byActor = expectStatus(await t.call(admin, 'GET', '/api/data/providers/care-1/audit?actorId=person-care-admin'), 200) as { entries: Entry[] };
    expect(new Set(byActor.entries.map((entry) => entry.actor?.id))).toEqual(new Set(['person-care-admin']));
    const none = expectStatus(await t.call(admin, 'GET', '/api/data/providers/care-1/audit?from=9999-01-01'), 200) as { entries: Entry[] };
    expect(none.entries).toEqual([]);
    // Another provider's rows never show: care-2 has none of care-1's.
    const other = await t.login('other-data-admin');
    const theirs = expectStatus(await t.call(other, 'GET', '/api/data/providers/care-2/audit?patientId=person-patient'), 200) as { entries: Entry[] };
    expect(theirs.entries).toEqual([]);
    expect(count(t, "action = 'audit.read' AND actor_id = 'person-data-admin'")).toBe(4);
  });

  it('refuses malformed filters with the parameter named', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('data-admin');
    for (const [query, path] of [['from=yesterday', '/from'], ['from=0000-01-01', '/from'], ['until=2026-13-45T99:00:00Z', '/until'], ['limit=0', '/limit'], ['limit=100000', '/limit'], ['cursor=-1', '/cursor'], ['patientId=a%20b', '/patientId'], ['from=2026-03-02&until=2026-03-01', '/until']] as const) {
      const response = await t.call(admin, 'GET', `/api/data/providers/care-1/audit?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.body['issues'], query).toEqual([expect.objectContaining({ path })]);
    }
    expect((await t.call(admin, 'GET', '/api/data/providers/care-1/audit/review')).status).toBe(422);
    expect((await t.call(admin, 'GET', '/api/data/providers/care-1/patients/person-patient/export?format=xml')).status).toBe(422);
  });

  it('exports the search as CSV that a spreadsheet cannot run', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('data-admin');
    const response = await t.call(admin, 'GET', '/api/data/providers/care-1/audit/export?patientId=person-patient');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = response.body['text'] as string;
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('at,action,actorId,actorName,actorRole,objectType,objectId,unitId,unitName,patientId,ip,requestId,details');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1).every((line) => line.includes('person-patient'))).toBe(true);
    expect(count(t, "action = 'audit.export'")).toBe(1);
  });

  it('reviews reads: off the reader\'s caseload, outside opening hours, and too many patients in a day', async () => {
    const t = await createStaffTestApp(seeded);
    const permissions = await t.login('perm-admin');
    expectStatus(await t.call(permissions, 'PUT', '/api/care/units/unit-1/therapists/person-new-therapist'), 204);
    const newTherapist = await t.login('new-therapist');
    // 2026-03-02 is a Monday; 08:00Z is 09:00 in Stockholm. Then 21:30 local.
    expectStatus(await t.call(newTherapist, 'GET', '/api/care/units/unit-1/patients'), 200);
    t.care.clock.advance(11.5 * 3600_000);
    const therapist = await t.login('therapist');
    expectStatus(await t.call(therapist, 'GET', `/api/care/enrollments/${t.scenario.panicEnrollmentId}`), 200);
    const admin = await t.login('data-admin');
    const report = expectStatus(await t.call(admin, 'GET', '/api/data/providers/care-1/audit/review?from=2026-03-02&until=2026-03-03&dailyPatients=1'), 200) as {
      offCaseload: Array<{ actorId: string; patientId: string }>;
      outsideHours: Array<{ actorId: string; at: string }>;
      manyPatients: Array<{ actorId: string; day: string; patients: number }>;
    };
    expect(new Set(report.offCaseload.map((read) => read.actorId))).toEqual(new Set(['person-new-therapist']));
    expect(report.outsideHours.map((read) => read.actorId)).toEqual(['person-therapist']);
    expect(report.manyPatients).toContainEqual({ actorId: 'person-new-therapist', actorName: 'new-therapist', day: '2026-03-02', patients: 2 });
    expect(count(t, "action = 'audit.review'")).toBe(1);
  });

  it('the patient sees who read their data: name, role, unit and when', async () => {
    const t = await createStaffTestApp(seeded);
    const therapist = await t.login('therapist');
    expectStatus(await t.call(therapist, 'GET', `/api/care/enrollments/${t.scenario.panicEnrollmentId}`), 200);
    const patient = await t.login('patient');
    const reads = expectStatus(await t.call(patient, 'GET', '/api/me/reads'), 200) as { reads: Array<{ at: string; name: string; role: string; unit: string }> };
    expect(reads.reads[0]).toEqual({ at: '2026-03-02T08:00:00.000Z', name: 'therapist', role: 'therapist', unit: 'Unit one' });
    const other = await t.login('other-patient');
    const theirs = expectStatus(await t.call(other, 'GET', '/api/me/reads'), 200) as { reads: Array<{ name: string }> };
    // Only reads of their own data (the patient list named them too).
    expect(theirs.reads.length).toBeLessThan(reads.reads.length);
  });
});

describe('export and purge of one patient', () => {
  const PLANTED = { name: 'Zebulon Quartzfeather', email: 'zq-planted-7731@example.org', message: 'PLANTED-MESSAGE-9f3k2 my chest hurts at night', reply: 'PLANTED-REPLY-x8q1 call us tomorrow' };

  const rawFiles = (file: string) => Buffer.concat([file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)));

  it('exports every answer, message and read; the purge erases the patient from the database file and its WAL, leaving one tombstone', async () => {
    const file = join(dir, 'careloom.sqlite');
    const t = await createStaffTestApp(seeded, { file });
    const therapist = await t.login('therapist');
    // A record system subscribed to the patient's events: they go with the patient.
    t.care.db.prepare("INSERT INTO webhook_subscriptions (id, organisation_id, url, description, event_types, status, secret_sealed, created_by, created_at, updated_at) VALUES ('hook-1', 'care-1', 'https://records.example.org/hook', '', '[\"response.recorded\",\"enrollment.started\"]', 'enabled', 'v1.x.y.z', 'person-therapist', 'x', 'x')").run();
    const enrolled = expectStatus(await t.call(therapist, 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: t.scenario.panicDeploymentId, patient: { name: PLANTED.name, email: PLANTED.email } }), 201) as { enrollment: { id: string }; invitation: { code: string } };
    expectStatus(await t.call(undefined, 'POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'zebulon long password' }), 200);
    const patient = await t.login('zq-planted-7731', 'zebulon long password');
    const enrollmentId = enrolled.enrollment.id;
    expectStatus(await t.call(patient, 'POST', `/api/me/enrollments/${enrollmentId}/responses`, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true })), 201);
    expectStatus(await t.call(patient, 'POST', `/api/me/enrollments/${enrollmentId}/messages`, { body: PLANTED.message }), 201);
    expectStatus(await t.call(therapist, 'POST', `/api/care/enrollments/${enrollmentId}/messages`, { body: PLANTED.reply }), 201);
    expectStatus(await t.call(therapist, 'GET', `/api/care/enrollments/${enrollmentId}/responses`), 200);
    const patientId = (t.care.db.prepare('SELECT id FROM people WHERE email = ?').get(PLANTED.email) as { id: string }).id;

    const admin = await t.login('data-admin');
    const exported = expectStatus(await t.call(admin, 'GET', `/api/data/providers/care-1/patients/${patientId}/export`), 200) as {
      person: { name: string };
      enrollments: unknown[];
      responses: Array<{ answers: Record<string, string>; scores: unknown[] }>;
      alerts: unknown[];
      messages: Array<{ body: string }>;
      reads: Entry[];
    };
    expect(exported.person.name).toBe(PLANTED.name);
    expect(exported.enrollments).toHaveLength(1);
    expect(exported.responses[0]!.answers['phq9_9']).toBe('nearlyEveryDay');
    expect(exported.responses[0]!.scores.length).toBeGreaterThan(0);
    expect(exported.alerts.length).toBeGreaterThan(0);
    expect(exported.messages.map((message) => message.body)).toEqual([PLANTED.message, PLANTED.reply]);
    expect(exported.reads.some((read) => read.actor?.id === 'person-therapist')).toBe(true);
    const csv = (await t.call(admin, 'GET', `/api/data/providers/care-1/patients/${patientId}/export?format=csv`)).body['text'] as string;
    expect(csv.split('\n')[0]).toBe('record,id,enrollment,at,data');
    expect(csv).toContain('response,');
    expect(csv).toContain('read,');

    // The planted text is on disk before the purge (so the search below can fail).
    t.care.db.pragma('wal_checkpoint(PASSIVE)');
    for (const text of Object.values(PLANTED)) expect(rawFiles(file).includes(text), text).toBe(true);

    // The append-only rules hold outside a purge, even for raw SQL.
    expect(() => t.care.db.prepare('DELETE FROM responses WHERE enrollment_id = ?').run(enrollmentId)).toThrow(/append-only/);
    expect(() => t.care.db.prepare('DELETE FROM messages WHERE enrollment_id = ?').run(enrollmentId)).toThrow(/never deleted/);
    expect(() => t.care.db.prepare("DELETE FROM audit_log WHERE patient_id = ?").run(patientId)).toThrow(/append-only/);

    const webhookRows = () => t.care.db.prepare('SELECT (SELECT count(*) FROM webhook_events WHERE patient_id = ?) AS events, (SELECT count(*) FROM webhook_deliveries) AS deliveries').get(patientId);
    expect(webhookRows()).toEqual({ events: 2, deliveries: 2 });
    const wrong = await t.call(admin, 'POST', `/api/data/providers/care-1/patients/${patientId}/purge`, { reason: 'request', confirm: 'someone-else' });
    expect(wrong.status).toBe(422);
    const purged = expectStatus(await t.call(admin, 'POST', `/api/data/providers/care-1/patients/${patientId}/purge`, { reason: 'request', confirm: patientId }), 200);
    expect(purged).toMatchObject({ enrollments: 1, responses: 1, messages: 2 });

    for (const text of Object.values(PLANTED)) expect(rawFiles(file).includes(text), text).toBe(false);
    expect(t.care.db.prepare('SELECT count(*) AS n FROM people WHERE id = ?').get(patientId)).toEqual({ n: 0 });
    expect(webhookRows()).toEqual({ events: 0, deliveries: 0 });
    const tombstone = t.care.db.prepare("SELECT actor_id, details FROM audit_log WHERE action = 'patient.purge'").all() as Array<{ actor_id: string; details: string }>;
    expect(tombstone).toHaveLength(1);
    expect(tombstone[0]!.actor_id).toBe('person-data-admin');
    expect(JSON.parse(tombstone[0]!.details)).toEqual({ reason: 'request', enrollmentsErased: 1, responseRowsErased: 1, messagesErased: 2, alertsErased: 1 });
    // Who read the patient stays on record (ids only), and the rest of the unit is untouched.
    expect(count(t, "action = 'patient.read' AND patient_id = ?", patientId)).toBeGreaterThan(0);
    expectStatus(await t.call(therapist, 'GET', '/api/care/units/unit-1/patients'), 200);
    await expect(t.login('zq-planted-7731', 'zebulon long password')).rejects.toThrow(/401/);
    expect((await t.call(admin, 'POST', `/api/data/providers/care-1/patients/${patientId}/purge`, { reason: 'request', confirm: patientId })).status).toBe(404);
    // After the purge the triggers refuse again.
    expect(() => t.care.db.prepare('DELETE FROM responses').run()).toThrow(/append-only/);
    t.care.db.close();
  });

  it('exports the notices sent to the patient, their notice choice and the reminders sent, in JSON and CSV', async () => {
    const t = await createStaffTestApp(seeded);
    const therapist = await t.login('therapist');
    const enrolled = expectStatus(await t.call(therapist, 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: t.scenario.panicDeploymentId, patient: { name: 'Notice Patient', email: 'notice-patient@example.org' } }), 201) as { enrollment: { id: string }; invitation: { code: string } };
    expectStatus(await t.call(undefined, 'POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'notice long password' }), 200);
    const patient = await t.login('notice-patient', 'notice long password');
    const enrollmentId = enrolled.enrollment.id;
    // A reminder from the patient page, then the patient turns notice e-mails off.
    expectStatus(await t.call(therapist, 'POST', `/api/care/enrollments/${enrollmentId}/reminders`), 201);
    expectStatus(await t.call(patient, 'PUT', '/api/me/notice-settings', { emailNotices: false }), 200);
    // A program reminder as the minute job records it.
    t.care.db.prepare("INSERT INTO reminders_sent (enrollment_id, kind, item_id, local_date, sent_at) VALUES (?, 'module', 'week-1', '2026-03-02', '2026-03-02T08:00:00.000Z')").run(enrollmentId);
    const patientId = (t.care.db.prepare('SELECT id FROM people WHERE email = ?').get('notice-patient@example.org') as { id: string }).id;

    const admin = await t.login('data-admin');
    const exported = expectStatus(await t.call(admin, 'GET', `/api/data/providers/care-1/patients/${patientId}/export`), 200);
    expect(exported['notices']).toEqual([{ id: expect.any(String) as unknown, enrollmentId, kind: 'reminder', sentAt: expect.any(String) as unknown, sentBy: 'therapist', localDate: expect.any(String) as unknown }]);
    expect(exported['noticeSettings']).toEqual({ emailNotices: false, updatedAt: expect.any(String) as unknown });
    expect(exported['reminders']).toEqual([{ enrollmentId, kind: 'module', itemId: 'week-1', localDate: '2026-03-02', sentAt: '2026-03-02T08:00:00.000Z' }]);
    const csv = (await t.call(admin, 'GET', `/api/data/providers/care-1/patients/${patientId}/export?format=csv`)).body['text'] as string;
    const kinds = csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect(kinds).toEqual(expect.arrayContaining(['notice', 'notice_setting', 'reminder']));
    expect(csv).toContain(`reminder,module:week-1:2026-03-02,${enrollmentId},2026-03-02T08:00:00.000Z,`);
  });

  it('refuses to purge a patient who is also staff or a patient elsewhere', async () => {
    const t = await createStaffTestApp(seeded);
    t.care.db.prepare("INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ('person-other-patient', 'org-a', 'tester', NULL, NULL, '2026-01-01T00:00:00.000Z')").run();
    const admin = await t.login('data-admin');
    expect((await t.call(admin, 'POST', '/api/data/providers/care-1/patients/person-other-patient/purge', { reason: 'retention', confirm: 'person-other-patient' })).status).toBe(409);
    expect((await t.call(admin, 'POST', '/api/data/providers/care-1/patients/person-therapist/purge', { reason: 'retention', confirm: 'person-therapist' })).status).toBe(404);
  });
});
