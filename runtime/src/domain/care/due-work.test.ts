import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import { exampleDocument, releaseExample } from '../../testing/care-fixtures.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const reminderMails = (t: CareTestApp) => t.db.prepare("SELECT to_address, subject FROM mail_outbox WHERE subject LIKE 'Reminder:%' ORDER BY seq").all() as Array<{ to_address: string; subject: string }>;
const claims = (t: CareTestApp) => t.db.prepare('SELECT local_date FROM reminders_sent WHERE enrollment_id = ? ORDER BY local_date').all(ids.copdEnrollmentId) as Array<{ local_date: string }>;
const jobMark = (t: CareTestApp) => (t.db.prepare("SELECT last_at FROM care_job_marks WHERE name = 'due-work'").get() as { last_at: string } | undefined)?.last_at;
// What a full disk or a failing outbox does to the transaction that queues a reminder's e-mail.
const breakOutbox = (t: CareTestApp) => t.db.exec("CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON mail_outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END");
const repairOutbox = (t: CareTestApp) => t.db.exec('DROP TRIGGER outbox_down');

describe('the due-work job e-mailing reminders', () => {
  it('sends a reminder whose e-mail could not be queued on the next run, and only once', async () => {
    const t = await createCareTestApp({ from: seeded });
    // The COPD daily report is due at noon in Stockholm (11:00Z), reminded an hour before.
    t.clock.set('2026-03-03T09:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    const before = reminderMails(t).length;

    breakOutbox(t);
    t.clock.set('2026-03-03T10:05:00.000Z');
    expect(await t.care.runDueWork(t.clock.now())).toMatchObject({ remindersSent: 0, failed: 1 });
    expect(claims(t).map((claim) => claim.local_date)).not.toContain('2026-03-03');
    expect(jobMark(t)).toBe('2026-03-03T09:30:00.000Z');
    // The failure is in the log, with the enrollment and the cause, not only in a count.
    expect(t.logs.filter((record) => record.level === 'error')).toEqual([
      { level: 'error', message: expect.stringMatching(/^Due work failed for an enrollment/) as unknown, fields: { enrollmentId: ids.copdEnrollmentId, cause: 'outbox unavailable' } },
    ]);

    repairOutbox(t);
    t.clock.set('2026-03-03T10:06:00.000Z');
    expect(await t.care.runDueWork(t.clock.now())).toMatchObject({ remindersSent: 1, failed: 0 });
    t.clock.set('2026-03-03T10:07:00.000Z');
    expect(await t.care.runDueWork(t.clock.now())).toMatchObject({ remindersSent: 0, failed: 0 });
    expect(reminderMails(t).slice(before)).toEqual([{ to_address: 'patient@example.org', subject: expect.stringMatching(/^Reminder: /) as unknown }]);
    expect(claims(t).map((claim) => claim.local_date)).toContain('2026-03-03');
  });

  it('moves on after an hour of failures, so one failing enrollment cannot hold the job back', async () => {
    const t = await createCareTestApp({ from: seeded });
    t.clock.set('2026-03-03T09:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    breakOutbox(t);
    t.clock.set('2026-03-03T10:05:00.000Z');
    expect((await t.care.runDueWork(t.clock.now())).failed).toBe(1);
    expect(jobMark(t)).toBe('2026-03-03T09:30:00.000Z');
    t.clock.set('2026-03-03T10:31:00.000Z');
    expect((await t.care.runDueWork(t.clock.now())).failed).toBe(1);
    expect(jobMark(t)).toBe('2026-03-03T10:31:00.000Z');
  });

  it('skips an enrollment whose stored start date no schedule can be computed from, names it, and still moves its window on', async () => {
    const t = await createCareTestApp({ from: seeded });
    // Written before enrolling checked the date; the start cannot be updated, so the row is copied.
    const columns = (t.db.prepare('SELECT name FROM pragma_table_info(?)').all('enrollments') as Array<{ name: string }>).map((column) => column.name);
    const select = columns.map((column) => ({ id: "'broken'", started_on: "'9999-12-31'", started_at: "'9999-12-30T23:00:00.000Z'", status: "'active'" })[column] ?? column).join(', ');
    t.db.prepare(`INSERT INTO enrollments (${columns.join(', ')}) SELECT ${select} FROM enrollments WHERE id = ?`).run(ids.copdEnrollmentId);
    t.clock.set('2026-03-03T09:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    t.clock.set('2026-03-03T10:05:00.000Z');
    const result = await t.care.runDueWork(t.clock.now());
    expect(result).toMatchObject({ remindersSent: 1, failed: 0, skipped: [{ enrollmentId: 'broken', code: 'enrollment.start_out_of_range' }] });
    expect(jobMark(t)).toBe('2026-03-03T10:05:00.000Z');
  });
});

describe('the due-work job writing reminders', () => {
  it('writes a reminder in the program\'s language, as the invitation to it was', async () => {
    const t = await createCareTestApp();
    // The COPD program with Swedish as its language (its texts are in English and Swedish).
    await releaseExample(t.stores.authoring, { kind: 'program', document: { ...exampleDocument('program', 'copd-home-follow-up'), id: 'copd-sv', defaultLanguage: 'sv' }, organisationId: 'org-a', authorId: 'person-designer', publisherId: 'person-publisher', at: '2026-02-01T00:00:00.000Z' });
    const deploymentId = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'copd-sv', version: 1 }), 201)['id'] as string;
    const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId, patient: { name: 'patient', email: 'patient@example.org' } }), 201) as { invitation: { code: string } };
    expectStatus(await t.call('patient', 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
    const mails = () => t.db.prepare('SELECT subject, text FROM mail_outbox ORDER BY seq').all() as Array<{ subject: string; text: string }>;
    expect(mails()[0]?.subject).toBe('Din inbjudan från Unit one');

    t.clock.set('2026-03-03T09:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    t.clock.set('2026-03-03T10:05:00.000Z');
    expect(await t.care.runDueWork(t.clock.now())).toMatchObject({ remindersSent: 1, failed: 0 });
    const reminder = mails().at(-1);
    expect(reminder?.subject).toBe('Påminnelse: Daglig KOL-rapport');
    expect(reminder?.text).toMatch(/^Unit one påminner dig: "Daglig KOL-rapport" ska fyllas i senast 3 mars 2026 12:00\./);
  });
  it('writes a reminder in the language the patient was enrolled in, naming the unit and the module in it', async () => {
    const t = await createCareTestApp();
    // The COPD program in English by default; this patient was enrolled in Swedish.
    await releaseExample(t.stores.authoring, { kind: 'program', document: { ...exampleDocument('program', 'copd-home-follow-up'), id: 'copd-en' }, organisationId: 'org-a', authorId: 'person-designer', publisherId: 'person-publisher', at: '2026-02-01T00:00:00.000Z' });
    const deploymentId = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'copd-en', version: 1 }), 201)['id'] as string;
    const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId, language: 'sv', patient: { name: 'patient', email: 'patient@example.org' } }), 201) as { invitation: { code: string } };
    expectStatus(await t.call('patient', 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
    const mails = () => t.db.prepare('SELECT subject, text FROM mail_outbox ORDER BY seq').all() as Array<{ subject: string; text: string }>;
    expect(mails()[0]?.subject).toBe('Din inbjudan från Unit one');

    t.clock.set('2026-03-03T09:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    t.clock.set('2026-03-03T10:05:00.000Z');
    expect(await t.care.runDueWork(t.clock.now())).toMatchObject({ remindersSent: 1, failed: 0 });
    const reminder = mails().at(-1);
    expect(reminder?.subject).toBe('Påminnelse: Daglig KOL-rapport');
    expect(reminder?.text).toMatch(/^Unit one påminner dig: "Daglig KOL-rapport" ska fyllas i senast 3 mars 2026 12:00\./);
    // A reminder may say who reminds, of what and by when; never an answer, a score, a zone or an alert.
    expect(reminder?.text).not.toMatch(/zon|poäng|larm|röd|gul/i);
  });
});
