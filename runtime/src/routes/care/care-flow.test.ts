import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const fresh = () => createCareTestApp({ from: seeded });

function auditRows(t: CareTestApp, action: string): Array<{ actor_id: string | null; patient_id: string | null; details: string; unit_id: string | null }> {
  return t.db.prepare('SELECT actor_id, patient_id, details, unit_id FROM audit_log WHERE action = ? ORDER BY seq').all(action) as never;
}

const COPD_GREEN = { breathlessness: 'usual', cough: 'usual', sputumColour: 'clear', temperature: 36.8, extraReliever: false };

describe('the end-to-end care path', () => {
  it('deploys, enrolls, records a PHQ-9 with item 9 above 0, alerts the therapist, who acknowledges and messages; the patient sees it on Today', async () => {
    const t = await fresh();
    const today = expectStatus(await t.call('patient', 'GET', '/api/me/today'), 200) as { due: Array<{ kind: string; moduleId: string }>; new: Array<{ moduleId: string }> };
    expect(today.due.map((item) => `${item.kind}:${item.moduleId}`)).toEqual(expect.arrayContaining(['module:panic-week-1', 'measurement:phq-9', 'measurement:gad-7']));
    expect(today.new.map((item) => item.moduleId)).toContain('panic-week-1');

    const program = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/program`), 200) as { week: number; modules: Array<{ key: string; state: string }> };
    expect(program.week).toBe(1);
    expect(program.modules.slice(0, 2)).toMatchObject([{ key: 'week1', state: 'unlocked' }, { key: 'week2', state: 'locked' }]);

    const week1 = { hadAttackLastWeek: true, quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes', treatmentGoal: 'Take the bus again', diaryWhen: '2026-03-01T10:00', diaryWhere: 'Bus', diaryPeak: 7 };
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('panic-week-1', week1, { completes: true })), 201);
    const phq9 = expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('severalDays'), { completes: true })), 201) as { scores: Array<{ total: number; band: string }> };
    expect(phq9.scores[0]).toMatchObject({ instrumentId: 'phq9', total: 13, band: 'moderate' });
    expect(phq9).not.toHaveProperty('alerts');

    const charts = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/charts`), 200) as { instruments: Array<{ instrumentId: string; points: unknown[]; max: number }> };
    expect(charts.instruments.find((chart) => chart.instrumentId === 'phq9')).toMatchObject({ max: 27, points: [{ total: 13, band: 'moderate' }] });

    const alerts = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: Array<{ id: string; kind: string; severity: string; patient: { name: string } }> };
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts[0]).toMatchObject({ kind: 'item', severity: 'urgent', patient: { name: 'Pat Patient' } });

    const patients = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: Array<{ enrollmentId: string; openAlerts: number }> };
    expect(patients.patients[0]).toMatchObject({ enrollmentId: ids.panicEnrollmentId, openAlerts: 1 });

    const acknowledged = expectStatus(await t.call('therapist', 'POST', `/api/care/alerts/${alerts.alerts[0]!.id}/acknowledge`, { action: { kind: 'contacted', note: 'Called her; safe, seeing her tomorrow' } }), 200);
    // Who acknowledged, by name, as the clinic shows it ("Acknowledged by …"); the audit row keeps the person id.
    expect(acknowledged).toMatchObject({ acknowledgedBy: 'therapist', patient: { name: 'Pat Patient' } });
    expect(auditRows(t, 'alert.acknowledge')).toMatchObject([{ actor_id: 'person-therapist', patient_id: 'person-patient', unit_id: 'unit-1' }]);
    expect((expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: unknown[] }).alerts).toEqual([]);
    expect((expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts?status=acknowledged'), 200) as { alerts: unknown[] }).alerts).toMatchObject([{ acknowledgedBy: 'therapist' }]);
    expect((expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}`), 200) as { alerts: unknown[] }).alerts).toMatchObject([{ acknowledgedBy: 'therapist' }]);

    expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/messages`, { body: 'I saw your answers. Can we talk today?' }), 201);
    const after = expectStatus(await t.call('patient', 'GET', '/api/me/today'), 200) as { messages: { unread: number; latest: Array<{ body: string; from: string }> } };
    expect(after.messages.unread).toBe(1);
    expect(after.messages.latest[0]).toMatchObject({ from: 'therapist', body: 'I saw your answers. Can we talk today?' });
  });
});

describe('recording responses', () => {
  it('is idempotent by clientId: the same body returns the first result, another body is a conflict, one row either way', async () => {
    const t = await fresh();
    const body = responseBody('phq-9', phq9Answers('notAtAll'), { completes: true });
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    const first = expectStatus(await t.call('patient', 'POST', path, body), 201);
    t.clock.advance(60_000);
    const again = expectStatus(await t.call('patient', 'POST', path, body), 200);
    expect(again).toEqual(first);
    const other = await t.call('patient', 'POST', path, { ...body, answers: phq9Answers('nearlyEveryDay') });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ issues: [{ path: '/clientId' }] });
    const results = await Promise.all(Array.from({ length: 5 }, () => t.call('patient', 'POST', path, { ...body, clientId: '0e6a3f4e-7b7a-4c1e-9d2f-1a2b3c4d5e6f' })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(t.db.prepare('SELECT count(*) AS n FROM responses WHERE enrollment_id = ?').get(ids.panicEnrollmentId)).toEqual({ n: 2 });
    expect(t.db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 0 });
  });

  it('refuses a bad answer with 422 naming the item, and stores nothing', async () => {
    const t = await fresh();
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    const answers = { ...phq9Answers('severalDays'), phq9_3: 'sometimes', phq9_99: 'notAtAll' };
    const refused = await t.call('patient', 'POST', path, responseBody('phq-9', answers, { completes: true }));
    expect(refused.status).toBe(422);
    const paths = (refused.body['issues'] as Array<{ path: string }>).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['/answers/phq9_3', '/answers/phq9_99']));
    const missing = await t.call('patient', 'POST', path, responseBody('phq-9', { phq9_1: 'notAtAll' }, { completes: true }));
    expect(missing.status).toBe(422);
    expect((missing.body['issues'] as Array<{ path: string }>).map((issue) => issue.path)).toContain('/answers/phq9_2');
    const wrongVersion = await t.call('patient', 'POST', path, responseBody('phq-9', phq9Answers('notAtAll'), { moduleVersion: 2 }));
    expect(wrongVersion.status).toBe(422);
    expect(wrongVersion.body).toMatchObject({ issues: [{ path: '/moduleVersion' }] });
    expect(t.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 0 });
  });

  it('scores each completed attempt on its own answers, not on an earlier week\'s', async () => {
    const t = await fresh();
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    expectStatus(await t.call('patient', 'POST', path, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true })), 201);
    const partial = await t.call('patient', 'POST', path, responseBody('phq-9', { phq9_1: 'notAtAll' }, { completes: true }));
    expect(partial.status).toBe(422);
    expect((partial.body['issues'] as Array<{ path: string }>).map((issue) => issue.path)).toContain('/answers/phq9_9');
  });

  it('saves page by page and resumes where the patient left off', async () => {
    const t = await fresh();
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    expectStatus(await t.call('patient', 'POST', path, responseBody('panic-week-1', { hadAttackLastWeek: true, mainFear: 'heart' }, { pageId: 'welcome' })), 201);
    const progress = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/modules/panic-week-1/progress`), 200);
    expect(progress).toEqual({ answers: { hadAttackLastWeek: true, mainFear: 'heart' }, pageId: 'welcome', completed: false });
    const program = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/program`), 200) as { modules: Array<{ key: string; state: string; progress: { answered: number } }> };
    expect(program.modules[0]).toMatchObject({ key: 'week1', state: 'in_progress', progress: { answered: 2 } });
  });

  it('lists the COPD daily report as a registration due today, never as a module left to finish', async () => {
    const t = await fresh();
    const dueOf = async () => ((expectStatus(await t.call('patient', 'GET', '/api/me/today'), 200) as { due: Array<{ kind: string; moduleId: string; enrollmentId: string }> }).due)
      .filter((item) => item.enrollmentId === ids.copdEnrollmentId).map((item) => `${item.kind}:${item.moduleId}`);
    expect(await dueOf()).toEqual(['registration:copd-daily-report']);
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.copdEnrollmentId}/responses`, responseBody('copd-daily-report', COPD_GREEN, { registrationId: 'copdDaily' })), 201);
    expect(await dueOf()).toEqual([]);
    const detail = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.copdEnrollmentId}`), 200) as { due: unknown[] };
    expect(detail.due).toEqual([]);
  });

  it('scores a red COPD entry into a zone alert, and a patient plan changes the zone', async () => {
    const t = await fresh();
    const path = `/api/me/enrollments/${ids.copdEnrollmentId}/responses`;
    const red = expectStatus(await t.call('patient', 'POST', path, responseBody('copd-daily-report', { ...COPD_GREEN, spo2: 86 }, { registrationId: 'copdDaily' })), 201) as { zones: Array<{ fieldId: string; zone: string }> };
    expect(red.zones.find((zone) => zone.fieldId === 'spo2')).toMatchObject({ zone: 'red' });
    const alerts = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: Array<{ kind: string; severity: string }> };
    expect(alerts.alerts).toMatchObject([{ kind: 'zone', severity: 'urgent' }]);

    // This patient's usual saturation is low: red only below 84, yellow below 86.
    const plan = await t.call('therapist', 'PUT', `/api/care/enrollments/${ids.copdEnrollmentId}/plans/copd-daily-report/copdDaily`, {
      zones: [{ id: 'spo2VeryLow', when: { op: 'lt', item: 'spo2', value: 84 } }, { id: 'spo2Low', when: { op: 'lt', item: 'spo2', value: 86 } }],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const same = expectStatus(await t.call('patient', 'POST', path, responseBody('copd-daily-report', { ...COPD_GREEN, spo2: 86 }, { registrationId: 'copdDaily' })), 201) as { zones: Array<{ fieldId: string; zone: string }> };
    expect(same.zones.find((zone) => zone.fieldId === 'spo2')).toMatchObject({ zone: 'green' });
    const mine = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.copdEnrollmentId}/plan`), 200) as { plans: Array<{ zones: Array<{ zone: string; rules: Array<{ id: string; personal: boolean }> }> }> };
    expect(mine.plans[0]!.zones.find((zone) => zone.zone === 'red')!.rules.find((rule) => rule.id === 'spo2VeryLow')).toMatchObject({ personal: true });

    const bad = await t.call('therapist', 'PUT', `/api/care/enrollments/${ids.copdEnrollmentId}/plans/copd-daily-report/copdDaily`, { zones: [{ id: 'spo2Low', when: { op: 'lt', item: 'nonsense', value: 86 } }, { id: 'noSuchRule', when: { op: 'lt', item: 'spo2', value: 1 } }] });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ issues: [{ path: '/zones/1/id' }] });
    const badItem = await t.call('therapist', 'PUT', `/api/care/enrollments/${ids.copdEnrollmentId}/plans/copd-daily-report/copdDaily`, { zones: [{ id: 'spo2Low', when: { op: 'lt', item: 'nonsense', value: 86 } }] });
    expect(badItem.status).toBe(422);
    expect((badItem.body['issues'] as Array<{ path: string }>)[0]!.path).toMatch(/^\/zones\/0\/when/);
  });
});

describe('the minute job', () => {
  it('raises a missing-report alert once the COPD deadline passes, once', async () => {
    const t = await fresh();
    t.clock.set('2026-03-02T10:59:00.000Z'); // 11:59 in Stockholm
    expect((await t.care.runDueWork(t.clock.now())).missingReportAlerts).toBe(0);
    t.clock.set('2026-03-02T11:01:00.000Z');
    expect((await t.care.runDueWork(t.clock.now())).missingReportAlerts).toBe(1);
    expect((await t.care.runDueWork(t.clock.now())).missingReportAlerts).toBe(0);
    const alerts = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: Array<{ kind: string; enrollmentId: string }> };
    expect(alerts.alerts).toMatchObject([{ kind: 'missing_report', enrollmentId: ids.copdEnrollmentId }]);
  });

  it('raises nothing when the report came in, and e-mails a reminder once a day', async () => {
    const t = await fresh();
    t.clock.set('2026-03-02T09:30:00.000Z');
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.copdEnrollmentId}/responses`, responseBody('copd-daily-report', COPD_GREEN, { registrationId: 'copdDaily', answeredAt: '2026-03-02T09:30:00.000Z' })), 201);
    t.clock.set('2026-03-02T11:30:00.000Z');
    expect((await t.care.runDueWork(t.clock.now())).missingReportAlerts).toBe(0);
    // The next day: the reminder an hour before the noon deadline goes out by e-mail, once.
    t.clock.set('2026-03-03T10:05:00.000Z');
    const run = await t.care.runDueWork(t.clock.now());
    expect(run.remindersSent).toBe(1);
    expect((await t.care.runDueWork(t.clock.now())).remindersSent).toBe(0);
    const outbox = expectStatus(await t.call('care-admin', 'GET', '/api/dev/outbox'), 200) as { messages: Array<{ to: string; subject: string }> };
    expect(outbox.messages.filter((message) => message.subject.startsWith('Reminder'))).toMatchObject([{ to: 'patient@example.org' }]);
  });
});

describe('patient data stays with its patient', () => {
  it('answers 404 for another patient\'s enrollment and audits every therapist read without answers', async () => {
    const t = await fresh();
    expect((await t.call('other-patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/program`)).status).toBe(404);
    expect((await t.call('other-patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('notAtAll')))).status).toBe(404);
    expect((await t.call('other-therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/responses`)).status).toBe(404);
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('notAtAll'), { completes: true })), 201);
    expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/responses`), 200);
    const reads = auditRows(t, 'patient.read');
    expect(reads.at(-1)).toMatchObject({ actor_id: 'person-therapist', patient_id: 'person-patient' });
    expect(reads.every((row) => !row.details.includes('notAtAll'))).toBe(true);
  });

  it('serves only module versions the patient is on, with the content hash as ETag and 304 on revalidation', async () => {
    const t = await fresh();
    const first = await t.call('patient', 'GET', '/api/me/module-versions/panic-week-1/1');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.app.request('/api/me/module-versions/panic-week-1/1', { headers: { 'x-test-principal': 'patient', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect((await t.call('patient', 'GET', '/api/me/module-versions/panic-week-1/2')).status).toBe(404);
    expect((await t.call('patient', 'GET', '/api/me/module-versions/sleep/1')).status).toBe(404);
  });

  it('serves a therapist the module versions an enrollment is on, like the patient\'s copy, and unaudited', async () => {
    const t = await fresh();
    const path = `/api/care/enrollments/${ids.copdEnrollmentId}/module-versions/copd-daily-report/1`;
    const first = await t.call('therapist', 'GET', path);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: 'copd-daily-report', title: { en: 'Daily COPD report', sv: 'Daglig KOL-rapport' } });
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toBe((await t.call('patient', 'GET', '/api/me/module-versions/copd-daily-report/1')).headers.get('etag'));
    const again = await t.app.request(path, { headers: { 'x-test-principal': 'therapist', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Only what this enrollment uses: another version, a module of another enrollment, an unknown module.
    expect((await t.call('therapist', 'GET', `/api/care/enrollments/${ids.copdEnrollmentId}/module-versions/copd-daily-report/2`)).status).toBe(404);
    expect((await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/module-versions/copd-daily-report/1`)).status).toBe(404);
    expect((await t.call('therapist', 'GET', `/api/care/enrollments/${ids.copdEnrollmentId}/module-versions/sleep/1`)).status).toBe(404);
    expect((await t.call('therapist', 'GET', `/api/care/enrollments/${ids.copdEnrollmentId}/module-versions/copd-daily-report/one`)).status).toBe(404);
    expect(auditRows(t, 'patient.read')).toEqual([]);
  });

  it('keeps a thread with read receipts on both sides', async () => {
    const t = await fresh();
    const thread = `/api/me/enrollments/${ids.panicEnrollmentId}/messages`;
    expectStatus(await t.call('patient', 'POST', thread, { body: 'Is it normal to feel dizzy?' }), 201);
    const list = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/messages`), 200) as { messages: Array<{ readAt: string | null; authorName: string }> };
    expect(list.messages).toMatchObject([{ readAt: null, authorName: 'Pat Patient' }]);
    const patients = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: unknown[] };
    expect(patients.patients[0]).toMatchObject({ enrollmentId: ids.panicEnrollmentId, unreadMessages: 1, lastActivityAt: t.clock.now().toISOString() });
    expect((await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/messages/read`)).status).toBe(204);
    const seen = expectStatus(await t.call('patient', 'GET', thread), 200) as { messages: Array<{ readAt: string | null }> };
    expect(seen.messages[0]!.readAt).toBe(t.clock.now().toISOString());
  });

  it('sends a message queued offline once however often the device retries it, and refuses its id for another message', async () => {
    const t = await fresh();
    const thread = `/api/me/enrollments/${ids.panicEnrollmentId}/messages`;
    const clientId = '0196f3a2-7c1e-4d2a-9b1f-1c2d3e4f5a6b';
    const first = expectStatus(await t.call('patient', 'POST', thread, { body: 'Written on the train', clientId }), 201) as { id: string };
    const retry = expectStatus(await t.call('patient', 'POST', thread, { body: 'Written on the train', clientId: clientId.toUpperCase() }), 200) as { id: string };
    expect(retry.id).toBe(first.id);
    expect(((await t.call('patient', 'GET', thread)).body as { messages: unknown[] }).messages).toHaveLength(1);
    expect(auditRows(t, 'message.send')).toHaveLength(1);
    const reused = await t.call('patient', 'POST', thread, { body: 'Something else', clientId });
    expect(reused.status).toBe(409);
    expect(JSON.stringify(reused.body)).toContain('/clientId');
    expect((await t.call('patient', 'POST', thread, { body: 'No id', clientId: 'not-a-uuid' })).status).toBe(422);
  });
});
