import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';
import { noticeMail } from '../../domain/care/outreach.js';

// The panic program (8 weeks, each module after the previous one) and the COPD program, "patient"
// enrolled in both at unit-1 ("Unit one"), "other-patient" in the panic program; started Monday
// 2 March 2026 09:00 Stockholm (START). The outbox is held, so every e-mail stays in mail_outbox.
let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

interface Mail { to_address: string; subject: string; text: string }
const mailsTo = (t: CareTestApp, to: string) => t.db.prepare('SELECT to_address, subject, text FROM mail_outbox WHERE to_address = ? ORDER BY seq').all(to) as Mail[];
const noticeRows = (t: CareTestApp) => t.db.prepare('SELECT kind, enrollment_id, sent_at FROM patient_notices ORDER BY sent_at, rowid').all() as Array<{ kind: string; enrollment_id: string; sent_at: string }>;
const audits = (t: CareTestApp, action: string) => t.db.prepare('SELECT actor_id, patient_id, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{ actor_id: string | null; patient_id: string | null; details: string }>;
const message = async (t: CareTestApp, enrollmentId: string, body: string) => expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${enrollmentId}/messages`, { body }), 201);
const at = async (t: CareTestApp, instant: string) => {
  t.clock.set(instant);
  return t.care.runDueWork(t.clock.now());
};
/** Nothing about the patient's care may be in a notice: no unit, program, module, therapist or message text. */
const expectNothingClinical = (mail: Mail, ...secrets: string[]) => {
  for (const secret of ['Unit one', 'panic', 'Panic', 'therapist', 'PHQ', 'COPD', ...secrets]) expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
};

describe('message notices', () => {
  it('e-mails a patient once for a burst of messages, naming nothing of their care, and again after the interval only while one is unread', async () => {
    const t = await createCareTestApp({ from: seeded });
    await message(t, ids.panicEnrollmentId, 'Your panic diary looks good');
    await message(t, ids.panicEnrollmentId, 'And one more thing about the exposure');
    await message(t, ids.copdEnrollmentId, 'About your breathing');
    expect((await at(t, '2026-03-02T08:01:00.000Z')).messageNotices).toBe(1);
    const [first, ...others] = mailsTo(t, 'patient@example.org').filter((mail) => mail.subject.includes('message'));
    expect(others).toEqual([]);
    expect(first).toEqual({ to_address: 'patient@example.org', subject: 'You have a new message in Careloom', text: expect.stringContaining('http://careloom.test/#/messages') });
    expectNothingClinical(first!, 'diary', 'exposure', 'breathing');
    // A second runner, or the same one a minute later: nothing new.
    expect((await Promise.all([at(t, '2026-03-02T08:02:00.000Z'), t.care.runDueWork(t.clock.now())])).map((result) => result.messageNotices)).toEqual([0, 0]);

    // A message inside the hour waits for the interval to pass; then one e-mail covers it.
    t.clock.set('2026-03-02T08:30:00.000Z');
    await message(t, ids.panicEnrollmentId, 'Later the same morning');
    expect((await at(t, '2026-03-02T08:31:00.000Z')).messageNotices).toBe(0);
    expect((await at(t, '2026-03-02T09:02:00.000Z')).messageNotices).toBe(1);
    // Read in the app before the next interval ends: no e-mail for it.
    t.clock.set('2026-03-02T09:10:00.000Z');
    await message(t, ids.panicEnrollmentId, 'Read this in the app');
    expect((await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/messages/read`)).status).toBe(204);
    expect((await at(t, '2026-03-02T10:30:00.000Z')).messageNotices).toBe(0);
    expect(noticeRows(t).map((row) => row.kind)).toEqual(['message', 'message']);
    expect(audits(t, 'notice.send').map((row) => ({ actor: row.actor_id, patient: row.patient_id, kind: (JSON.parse(row.details) as { kind: string }).kind }))).toEqual([
      { actor: null, patient: 'person-patient', kind: 'message' },
      { actor: null, patient: 'person-patient', kind: 'message' },
    ]);
    // A patient's own message is never e-mailed back to them.
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/messages`, { body: 'Thanks' }), 201);
    expect((await at(t, '2026-03-02T12:00:00.000Z')).messageNotices).toBe(0);
  });

  it('writes the notice in the language the patient was enrolled in', async () => {
    const t = await createCareTestApp({ from: seeded });
    const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.panicDeploymentId, language: 'sv', patient: { name: 'Dana', email: 'designer@example.org' } }), 201) as { enrollment: { id: string }; invitation: { code: string } };
    expectStatus(await t.call('designer', 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
    await message(t, created.enrollment.id, 'Hej');
    await at(t, '2026-03-02T08:01:00.000Z');
    expect(mailsTo(t, 'designer@example.org').at(-1)).toMatchObject({ subject: 'Du har ett nytt meddelande i Careloom', text: expect.stringContaining('Du kan stänga av') });
    expect(noticeMail('material', 'nb', 'https://care.example/')).toEqual({ subject: 'Nytt materiell er tilgjengelig i Careloom', text: expect.stringContaining('https://care.example/#/today') });
  });

  it('sends nothing once the patient turned notices off (audited), and again once they turn them on', async () => {
    const t = await createCareTestApp({ from: seeded });
    expect(expectStatus(await t.call('patient', 'GET', '/api/me/notice-settings'), 200)).toEqual({ emailNotices: true });
    expect(expectStatus(await t.call('patient', 'PUT', '/api/me/notice-settings', { emailNotices: false }), 200)).toEqual({ emailNotices: false });
    expect(expectStatus(await t.call('patient', 'GET', '/api/me/notice-settings'), 200)).toEqual({ emailNotices: false });
    expect(audits(t, 'notice.settings')).toEqual([{ actor_id: 'person-patient', patient_id: 'person-patient', details: JSON.stringify({ noticesOn: false }) }]);
    await message(t, ids.panicEnrollmentId, 'Hello');
    expect((await at(t, '2026-03-02T08:05:00.000Z')).messageNotices).toBe(0);
    const refused = await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/reminders`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ issues: [{ code: 'reminder.notices_off' }] });
    expect(mailsTo(t, 'patient@example.org').filter((mail) => !mail.subject.startsWith('Your invitation'))).toEqual([]);
    // The other patient is not affected by this patient's choice.
    expect(expectStatus(await t.call('other-patient', 'GET', '/api/me/notice-settings'), 200)).toEqual({ emailNotices: true });
    expectStatus(await t.call('patient', 'PUT', '/api/me/notice-settings', { emailNotices: true }), 200);
    expect((await at(t, '2026-03-02T08:06:00.000Z')).messageNotices).toBe(1);
  });

  it('refuses a settings body that is not a yes or no, naming the field', async () => {
    const t = await createCareTestApp({ from: seeded });
    for (const body of [{ emailNotices: 'no' }, {}, { emailNotices: false, extra: 1 }]) {
      const response = await t.call('patient', 'PUT', '/api/me/notice-settings', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect(expectStatus(await t.call('patient', 'GET', '/api/me/notice-settings'), 200)).toEqual({ emailNotices: true });
  });
});

describe('new-material notices', () => {
  it('e-mails once when the schedule unlocks a module, however many runs, runners or restarts', async () => {
    const t = await createCareTestApp({ from: seeded });
    await at(t, '2026-03-02T08:01:00.000Z');
    // Week 1 was open from the start (the invitation said so): no notice.
    expect(noticeRows(t)).toEqual([]);
    // The therapist opens week 3 early for the patient: the next run sends one e-mail.
    t.clock.set('2026-03-02T10:00:00.000Z');
    expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule/changes`, { kind: 'unlockEarly', moduleKey: 'week3' }), 200);
    const runs = await Promise.all([at(t, '2026-03-02T10:01:00.000Z'), t.care.runDueWork(t.clock.now())]);
    expect(runs.map((run) => run.materialNotices).sort()).toEqual([0, 1]);
    // A restart that lost the job's mark sweeps the window again: the claim holds.
    t.db.prepare('DELETE FROM care_job_marks').run();
    expect((await at(t, '2026-03-02T10:02:00.000Z')).materialNotices).toBe(0);
    const material = mailsTo(t, 'patient@example.org').filter((mail) => mail.subject === 'New material is available in Careloom');
    expect(material).toHaveLength(1);
    expectNothingClinical(material[0]!, 'week', 'Week');
    expect(noticeRows(t)).toEqual([{ kind: 'material', enrollment_id: ids.panicEnrollmentId, sent_at: '2026-03-02T10:01:00.000Z' }]);
    // The other patient on the same program got nothing.
    expect(mailsTo(t, 'other-patient@example.org').filter((mail) => mail.subject.includes('material'))).toEqual([]);
  });

  it('sends none to a patient who turned notices off, and none for a module they were active after', async () => {
    const t = await createCareTestApp({ from: seeded });
    expectStatus(await t.call('patient', 'PUT', '/api/me/notice-settings', { emailNotices: false }), 200);
    expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule/changes`, { kind: 'unlockEarly', moduleKey: 'week2' }), 200);
    expect((await at(t, '2026-03-02T08:01:00.000Z')).materialNotices).toBe(0);
    expect(noticeRows(t)).toEqual([]);

    // Notices on; week 3 opens early and the patient writes in the app after it: they have seen it.
    expectStatus(await t.call('patient', 'PUT', '/api/me/notice-settings', { emailNotices: true }), 200);
    t.clock.set('2026-03-02T09:00:00.000Z');
    expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule/changes`, { kind: 'unlockEarly', moduleKey: 'week3' }), 200);
    t.clock.set('2026-03-02T09:00:30.000Z');
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/messages`, { body: 'I see week 3 now' }), 201);
    expect((await at(t, '2026-03-02T09:01:00.000Z')).materialNotices).toBe(0);
    expect(noticeRows(t)).toEqual([]);
  });
});

describe('a therapist\'s reminder', () => {
  it('e-mails a fixed reminder in the patient\'s language once a day, audited, and shows it on the patient page', async () => {
    const t = await createCareTestApp({ from: seeded });
    const sent = expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/reminders`), 201) as { reminderSentToday: boolean; notices: Array<{ kind: string; sentByName: string | null; sentAt: string }> };
    expect(sent).toMatchObject({ emailNotices: true, reminderSentToday: true, notices: [{ kind: 'reminder', sentByName: 'therapist', sentAt: '2026-03-02T08:00:00.000Z' }] });
    const [mail] = mailsTo(t, 'patient@example.org').filter((candidate) => candidate.subject === 'A reminder from your care unit');
    expect(mail?.text).toContain('http://careloom.test/#/today');
    expectNothingClinical(mail!);
    expect(audits(t, 'notice.reminder').map((row) => [row.actor_id, row.patient_id])).toEqual([['person-therapist', 'person-patient']]);

    // Same local day (Stockholm), another enrollment of the same patient: refused, counted per patient.
    t.clock.set('2026-03-02T22:30:00.000Z');
    const again = await t.call('therapist', 'POST', `/api/care/enrollments/${ids.copdEnrollmentId}/reminders`);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe(String(30 * 60));
    expect(again.body).toMatchObject({ issues: [{ code: 'reminder.once_a_day' }] });
    // Midnight in Stockholm: a new day.
    t.clock.set('2026-03-02T23:00:00.000Z');
    expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/reminders`), 201);

    const outreach = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/outreach`), 200) as { notices: Array<{ kind: string }> };
    expect(outreach.notices.map((notice) => notice.kind)).toEqual(['reminder', 'reminder']);
    // Reading the timeline is a read of the patient's data.
    expect(audits(t, 'patient.read').some((row) => row.patient_id === 'person-patient' && row.details.includes('outreach'))).toBe(true);
    // The other enrollment's timeline does not show this one's reminders.
    expect((expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.copdEnrollmentId}/outreach`), 200) as { notices: unknown[] }).notices).toEqual([]);
  });

  it('refuses a reminder for an ended enrollment or one not yet accepted', async () => {
    const t = await createCareTestApp({ from: seeded });
    const invited = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.copdDeploymentId, patient: { name: 'Nina', email: 'nina@example.org' } }), 201) as { enrollment: { id: string } };
    expect((await t.call('therapist', 'POST', `/api/care/enrollments/${invited.enrollment.id}/reminders`)).body).toMatchObject({ status: 409, issues: [{ code: 'reminder.not_accepted' }] });
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${ids.otherEnrollmentId}`, { status: 'ended' }), 200);
    expect((await t.call('therapist', 'POST', `/api/care/enrollments/${ids.otherEnrollmentId}/reminders`)).body).toMatchObject({ status: 409, issues: [{ code: 'reminder.enrollment_ended' }] });
    expect(noticeRows(t)).toEqual([]);
  });
});

describe('information to staff', () => {
  it('posts to chosen units: their staff see it unread until they mark it read, and get an e-mail without its text', async () => {
    const t = await createCareTestApp({ from: seeded });
    const posted = expectStatus(await t.call('care-admin', 'POST', '/api/care/providers/care-1/staff-notices', { title: ' New phone system ', body: 'From Monday call 08-123 456.', unitIds: ['unit-1'], email: true }), 201);
    expect(posted).toMatchObject({ title: 'New phone system', emailed: true, postedByName: 'care-admin', units: [{ id: 'unit-1', name: 'Unit one' }], readAt: null });
    const mine = expectStatus(await t.call('therapist', 'GET', '/api/care/staff-notices'), 200) as { unread: number; notices: Array<{ id: string; readAt: string | null }> };
    expect(mine).toMatchObject({ unread: 1, notices: [{ id: posted['id'], readAt: null }] });
    expect(expectStatus(await t.call('other-therapist', 'GET', '/api/care/staff-notices'), 200)).toEqual({ notices: [], unread: 0 });
    expect((await t.call('therapist', 'POST', `/api/care/staff-notices/${String(posted['id'])}/read`)).status).toBe(204);
    expect((await t.call('therapist', 'POST', `/api/care/staff-notices/${String(posted['id'])}/read`)).status).toBe(204);
    expect(expectStatus(await t.call('therapist', 'GET', '/api/care/staff-notices'), 200)).toMatchObject({ unread: 0, notices: [{ readAt: '2026-03-02T08:00:00.000Z' }] });
    expect((await t.call('other-therapist', 'POST', `/api/care/staff-notices/${String(posted['id'])}/read`)).status).toBe(404);
    // Staff of unit-1 only, never its patients; the e-mail says information waits, not what it is.
    const mails = t.db.prepare("SELECT to_address, subject, text FROM mail_outbox WHERE subject LIKE 'New information%'").all() as Mail[];
    expect(mails.map((mail) => mail.to_address)).toEqual(['therapist@example.org']);
    expect(mails[0]).toMatchObject({ subject: 'New information from Care provider 1', text: expect.stringContaining('http://careloom.test/clinic#/notices') });
    expect(mails[0]!.text).not.toContain('08-123');
    expect(expectStatus(await t.call('care-admin', 'GET', '/api/care/providers/care-1/staff-notices'), 200)).toMatchObject({ unread: 0, notices: [{ id: posted['id'] }] });
    expect(audits(t, 'staff_notice.post').map((row) => row.actor_id)).toEqual(['person-care-admin']);
  });

  it('refuses another organisation\'s unit, an unknown one and blank texts, naming each, and stores nothing', async () => {
    const t = await createCareTestApp({ from: seeded });
    const refused = await t.call('care-admin', 'POST', '/api/care/providers/care-1/staff-notices', { title: '  ', body: '\n', unitIds: ['unit-2', 'unit-3', 'no-such-unit'], email: true });
    expect(refused.status).toBe(422);
    expect((refused.body as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).toEqual(['/title', '/body', '/unitIds/1', '/unitIds/2']);
    for (const body of [{ title: 'x', body: 'y', unitIds: [], email: false }, { title: 'x'.repeat(201), body: 'y', unitIds: ['unit-1'], email: false }, { title: 'x', body: 'y', unitIds: ['unit-1'] }]) {
      expect((await t.call('care-admin', 'POST', '/api/care/providers/care-1/staff-notices', body)).status).toBe(422);
    }
    expect(expectStatus(await t.call('care-admin', 'GET', '/api/care/providers/care-1/staff-notices'), 200)).toEqual({ notices: [], unread: 0 });
  });
});
