// Issue 9, finding 6: one enrollment date broke a unit for good. `startsOn: "9999-12-31"` was
// accepted; afterwards the unit's patient list, its report and the enrollment answered 500 ("Year
// 10000 is out of range") and the minute job failed on every run. Now dates are checked to a sane
// range where they enter (start dates, answer times, date answers), and an enrollment that already
// holds a bad date (written before the check; planted here straight into SQLite) fails alone: lists
// and the report show the others and name it, the minute job logs and skips it.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, HttpSession } from '../integration/http-client.js';
import { createRecordingLogger } from '../testing/recording-logger.js';
import { deployPanicProgram, startSecurityServer, type SecurityServer } from './security-server.js';

const logger = createRecordingLogger();
let security: SecurityServer;
let therapist: HttpSession;
let unitId = '';
let deploymentId = '';

beforeAll(async () => {
  security = await startSecurityServer({ logger, dueWorkEveryMs: 100 });
  ({ unitId, deploymentId } = await deployPanicProgram(security));
  therapist = await security.login('therapist');
}, 60_000);

afterAll(async () => {
  await security.close();
});

const enroll = (name: string, email: string, startsOn?: string) =>
  therapist.call('POST', `/api/care/units/${unitId}/enrollments`, { deploymentId, patient: { name, email }, ...(startsOn === undefined ? {} : { startsOn }) });

function expectProblem(response: { status: number; body: unknown; headers: Headers }, status: number, path: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect((response.body as { issues?: Array<{ path: string }> }).issues?.map((issue) => issue.path)).toContain(path);
}

describe('dates where they enter', () => {
  it('refuses an enrollment starting in year 9999, 0000, on 31 February or years away, naming /startsOn', async () => {
    for (const startsOn of ['9999-12-31', '0000-01-01', '2026-02-31', '2199-12-31']) {
      expectProblem(await enroll('Yngve Year', `yngve-${startsOn}@example.org`, startsOn), 422, '/startsOn');
    }
    const today = new Date().toISOString().slice(0, 10);
    const started = await enroll('Tora Today', 'tora@example.org', today);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
  });

  it('refuses answers given in year 9999 or 0000, naming /answeredAt, and stores nothing', async () => {
    const enrolled = await enroll('Ada Answer', 'ada@example.org');
    const { enrollment } = enrolled.body as { enrollment: { id: string } };
    const patient = await redeem(enrolled.body as { invitation: { code: string } });
    for (const answeredAt of ['9999-12-31T10:00:00Z', '0000-01-01T10:00:00Z', '2026-03-01T23:59:60Z']) {
      const answered = await patient.call('POST', `/api/me/enrollments/${enrollment.id}/responses`, {
        formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: {}, answeredAt,
      });
      expectProblem(answered, 422, '/answeredAt');
    }
    const stored = await therapist.call('GET', `/api/care/enrollments/${enrollment.id}/responses`);
    expect(stored.status).toBe(200);
    expect((stored.body as { responses: unknown[] }).responses).toEqual([]);
  });
});

/**
 * Writes a copy of an enrollment row with some columns replaced, active and accepted, straight
 * into SQLite (whatever columns later migrations add are copied along).
 */
function plantEnrollment(db: Database.Database, fromId: string, values: Record<string, string>): void {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('enrollments') as Array<{ name: string }>).map((column) => column.name);
  const replaced: Record<string, string> = { status: 'active', ...values };
  if (columns.includes('accepted_at')) replaced['accepted_at'] = new Date().toISOString();
  const select = columns.map((column) => (column in replaced ? `@${column}` : column)).join(', ');
  db.prepare(`INSERT INTO enrollments (${columns.join(', ')}) SELECT ${select} FROM enrollments WHERE id = @fromId`).run({ ...replaced, fromId });
}

async function redeem(enrolled: { invitation: { code: string } }): Promise<HttpSession> {
  const patient = new HttpSession(security.server.url);
  const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'a long enough patient password' });
  expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
  patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
  return patient;
}

describe('an enrollment that already holds a bad date', () => {
  let broken = '';
  let healthy = '';

  beforeAll(async () => {
    const first = await enroll('Bo Broken', 'bo@example.org');
    const second = await enroll('Hedda Healthy', 'hedda@example.org');
    const template = (first.body as { enrollment: { id: string } }).enrollment.id;
    healthy = (second.body as { enrollment: { id: string } }).enrollment.id;
    broken = randomUUID();
    // As a server before the fix would have stored it (a start date cannot be changed afterwards, so
    // the row is written whole), and taken up by the patient so the minute job works on it.
    const db = new Database(security.file);
    try {
      plantEnrollment(db, template, { id: broken, started_on: '9999-12-31', started_at: '9999-12-30T23:00:00.000Z' });
    } finally {
      db.close();
    }
  });

  it('lists the unit\'s other patients and names the broken enrollment with its problem', async () => {
    const list = await therapist.call('GET', `/api/care/units/${unitId}/patients`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const patients = (list.body as { patients: Array<{ enrollmentId: string; title: string; problem?: { code: string; message: string } }> }).patients;
    const brokenEntry = patients.find((entry) => entry.enrollmentId === broken);
    const healthyEntry = patients.find((entry) => entry.enrollmentId === healthy);
    expect(healthyEntry).toBeDefined();
    expect(healthyEntry!.problem).toBeUndefined();
    expect(healthyEntry!.title).not.toBe('');
    expect(brokenEntry?.problem).toMatchObject({ code: 'enrollment.start_out_of_range' });
    expect(brokenEntry?.problem?.message).toContain('9999-12-31');
  });

  it('still answers the unit report, naming the broken enrollment', async () => {
    const report = await therapist.call('GET', `/api/care/units/${unitId}/report`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const body = report.body as { enrolled: number; unreadable: Array<{ enrollmentId: string; problem: { code: string } }> };
    expect(body.unreadable).toEqual([{ enrollmentId: broken, problem: expect.objectContaining({ code: 'enrollment.start_out_of_range' }) }]);
    expect(body.enrolled).toBeGreaterThanOrEqual(3);
  });

  it('lets the minute job log and skip it while it keeps running', async () => {
    await eventually(() => logger.records.some((record) => record.level === 'warn' && record.fields['enrollmentId'] === broken), 'the minute job to log the skipped enrollment', 10_000);
    const skip = logger.records.find((record) => record.fields['enrollmentId'] === broken)!;
    expect(skip.fields['code']).toBe('enrollment.start_out_of_range');
    expect(logger.records.filter((record) => record.level === 'error' && /due work/i.test(record.message))).toEqual([]);
    // Logged once, not every minute.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(logger.records.filter((record) => record.fields['enrollmentId'] === broken)).toHaveLength(1);
  });

  it('answers the broken enrollment with a problem naming its start date, and the others as usual', async () => {
    const detail = await therapist.call('GET', `/api/care/enrollments/${broken}`);
    expectProblem(detail, 409, '/startedOn');
    expect((detail.body as { detail: string }).detail).toContain('9999-12-31');
    expectProblem(await therapist.call('GET', `/api/care/enrollments/${broken}/charts`), 409, '/startedOn');
    expect((await therapist.call('GET', `/api/care/enrollments/${healthy}`)).status).toBe(200);
  });

  it('can still be ended, which is what its problem tells the therapist to do', async () => {
    const ended = await therapist.call('PATCH', `/api/care/enrollments/${broken}`, { status: 'ended' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
  });
});
