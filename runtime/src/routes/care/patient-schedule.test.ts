import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

// The panic program (8 weeks, each module after the previous one) and the COPD program (daily
// report due 12:00 Stockholm, reminded an hour before, missing reports alerted), started Monday
// 2 March 2026 (START, 09:00 local).
let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

interface Schedule {
  revision: number;
  paused: boolean;
  pausedDays: number;
  status: string;
  modules: Array<{ key: string; state: string; unlockedAt: string | null; regularUnlockAt: string | null; earlyUnlockAt: string | null; hidden: boolean }>;
  registrations: Array<{ id: string; deadline: string; personalDeadline: string | null }>;
}

const change = (t: CareTestApp, enrollmentId: string, body: Record<string, unknown>, who = 'therapist') => t.call(who, 'POST', `/api/care/enrollments/${enrollmentId}/schedule/changes`, body);
const schedule = async (t: CareTestApp, enrollmentId: string) => expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${enrollmentId}/schedule`), 200) as unknown as Schedule;
const myProgram = async (t: CareTestApp, enrollmentId: string) => expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${enrollmentId}/program`), 200) as { modules: Array<{ key: string; state: string }> };
const auditActions = (t: CareTestApp, action: string) => t.db.prepare('SELECT actor_id, patient_id, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{ actor_id: string; patient_id: string; details: string }>;
const missingAlerts = (t: CareTestApp) => t.db.prepare("SELECT dedupe_key FROM alerts WHERE kind = 'missing_report' AND enrollment_id = ? ORDER BY created_at").all(ids.copdEnrollmentId) as Array<{ dedupe_key: string }>;
const reminderClaims = (t: CareTestApp) => t.db.prepare('SELECT local_date FROM reminders_sent WHERE enrollment_id = ? ORDER BY local_date').all(ids.copdEnrollmentId) as Array<{ local_date: string }>;

describe('a patient\'s schedule', () => {
  it('opens a module early for the patient, audited with who did it', async () => {
    const t = await createCareTestApp({ from: seeded });
    const before = await schedule(t, ids.panicEnrollmentId);
    expect(before.modules.find((module) => module.key === 'week3')).toMatchObject({ state: 'locked', earlyUnlockAt: null, regularUnlockAt: null });
    const after = expectStatus(await change(t, ids.panicEnrollmentId, { kind: 'unlockEarly', moduleKey: 'week3', revision: 0 }), 200) as unknown as Schedule;
    expect(after.revision).toBe(1);
    expect(after.modules.find((module) => module.key === 'week3')).toMatchObject({ state: 'unlocked', earlyUnlockAt: '2026-03-02T08:00:00.000Z', unlockedAt: '2026-03-02T08:00:00.000Z' });
    expect((await myProgram(t, ids.panicEnrollmentId)).modules.find((module) => module.key === 'week3')).toMatchObject({ state: 'unlocked' });
    // The other patient in the same program is not affected.
    expect((await schedule(t, ids.otherEnrollmentId)).modules.find((module) => module.key === 'week3')).toMatchObject({ state: 'locked' });
    expect(auditActions(t, 'schedule.change').map((row) => ({ actor: row.actor_id, patient: row.patient_id, details: JSON.parse(row.details) as unknown }))).toEqual([
      { actor: 'person-therapist', patient: 'person-patient', details: { kind: 'unlockEarly', moduleKey: 'week3', at: '2026-03-02T08:00:00.000Z' } },
    ]);
  });

  it('hides a module from the patient and shows it again', async () => {
    const t = await createCareTestApp({ from: seeded });
    expectStatus(await change(t, ids.panicEnrollmentId, { kind: 'hideModule', moduleKey: 'week1' }), 200);
    expect((await myProgram(t, ids.panicEnrollmentId)).modules.map((module) => module.key)).not.toContain('week1');
    const today = expectStatus(await t.call('patient', 'GET', '/api/me/today'), 200) as { due: Array<{ moduleId: string }> };
    expect(today.due.map((item) => item.moduleId)).not.toContain('panic-week-1');
    expect((await schedule(t, ids.panicEnrollmentId)).modules.find((module) => module.key === 'week1')).toMatchObject({ hidden: true });
    expectStatus(await change(t, ids.panicEnrollmentId, { kind: 'showModule', moduleKey: 'week1' }), 200);
    expect((await myProgram(t, ids.panicEnrollmentId)).modules.map((module) => module.key)).toContain('week1');
  });

  it('moves a registration\'s deadline for one patient: the minute job reminds and alerts by it', async () => {
    const t = await createCareTestApp({ from: seeded });
    const moved = expectStatus(await change(t, ids.copdEnrollmentId, { kind: 'setDeadline', registrationId: 'copdDaily', deadline: '18:00' }), 200) as unknown as Schedule;
    expect(moved.registrations).toEqual([expect.objectContaining({ id: 'copdDaily', deadline: '12:00', personalDeadline: '18:00' })]);
    // 12:00 local (11:00Z) passes without a missing-report alert; 18:00 local (17:00Z) raises one.
    t.clock.set('2026-03-02T11:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    expect(missingAlerts(t)).toEqual([]);
    t.clock.set('2026-03-02T16:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    expect(reminderClaims(t).map((claim) => claim.local_date)).toEqual(['2026-03-02']);
    t.clock.set('2026-03-02T17:01:00.000Z');
    await t.care.runDueWork(t.clock.now());
    expect(missingAlerts(t).map((alert) => alert.dedupe_key)).toEqual(['missing:copdDaily:2026-03-02']);
  });

  it('pauses: no reminders or missing-report alerts, the patient sees it paused; resuming moves the rest of the program', async () => {
    const t = await createCareTestApp({ from: seeded });
    t.clock.set('2026-03-02T09:00:00.000Z');
    await t.care.runDueWork(t.clock.now());
    for (const enrollmentId of [ids.copdEnrollmentId, ids.panicEnrollmentId]) expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${enrollmentId}`, { status: 'paused' }), 200);
    const paused = await schedule(t, ids.panicEnrollmentId);
    expect(paused).toMatchObject({ paused: true, status: 'paused' });
    const mine = (expectStatus(await t.call('patient', 'GET', '/api/me/enrollments'), 200) as unknown as { enrollments: Array<{ id: string; status: string }> }).enrollments;
    expect(mine.find((enrollment) => enrollment.id === ids.panicEnrollmentId)).toMatchObject({ status: 'paused' });
    const today = expectStatus(await t.call('patient', 'GET', '/api/me/today'), 200) as { due: unknown[]; paused: Array<{ enrollmentId: string }> };
    expect(today.paused.map((program) => program.enrollmentId).sort()).toEqual([ids.copdEnrollmentId, ids.panicEnrollmentId].sort());
    expect(today.due).toEqual([]);
    // A week of minute-job runs while paused: nothing is sent or raised.
    for (let day = 2; day <= 9; day += 1) {
      for (const time of ['10:30', '11:30', '20:00']) {
        t.clock.set(`2026-03-${String(day).padStart(2, '0')}T${time}:00.000Z`);
        await t.care.runDueWork(t.clock.now());
      }
    }
    expect(reminderClaims(t)).toEqual([]);
    expect(missingAlerts(t)).toEqual([]);
    // Resumed on 12 March: paused ten local days (2 → 12 March).
    t.clock.set('2026-03-12T08:00:00.000Z');
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${ids.panicEnrollmentId}`, { status: 'active' }), 200);
    const resumed = await schedule(t, ids.panicEnrollmentId);
    expect(resumed).toMatchObject({ paused: false, status: 'active', pausedDays: 10 });
    expect(resumed.modules.find((module) => module.key === 'week1')).toMatchObject({ state: 'unlocked', regularUnlockAt: '2026-03-01T23:00:00.000Z' });
    const resumeAudit = auditActions(t, 'enrollment.status').map((row) => JSON.parse(row.details) as Record<string, unknown>);
    expect(resumeAudit.at(-1)).toEqual({ from: 'paused', to: 'active', pausedDays: 10 });
    // With week 1 hidden, week 2 waits only for program week 2: 9 March moved ten days, 19 March (local midnight).
    expectStatus(await change(t, ids.panicEnrollmentId, { kind: 'hideModule', moduleKey: 'week1' }), 200);
    expect(await nextWeekStart(t)).toBe('2026-03-18T23:00:00.000Z');
    // The COPD enrollment is still paused: its reminders stay off.
    t.clock.set('2026-03-12T10:30:00.000Z');
    await t.care.runDueWork(t.clock.now());
    expect(reminderClaims(t)).toEqual([]);
  });

  it('refuses a date no schedule can count in (year 9999), unknown modules, a stale revision, an ended enrollment, and bad bodies', async () => {
    const t = await createCareTestApp({ from: seeded });
    expect(await change(t, ids.panicEnrollmentId, { kind: 'unlockEarly', moduleKey: 'week3', at: '9999-12-31T00:00:00Z' })).toMatchObject({ status: 422, body: { issues: [{ code: 'schedule.at_out_of_range', path: '/at' }] } });
    expect(await change(t, ids.panicEnrollmentId, { kind: 'hideModule', moduleKey: 'week99' })).toMatchObject({ status: 422, body: { issues: [{ code: 'schedule.unknown_module', path: '/moduleKey' }] } });
    expect(await change(t, ids.copdEnrollmentId, { kind: 'setDeadline', registrationId: 'copdDaily', deadline: '25:00' })).toMatchObject({ status: 422, body: { issues: [{ path: '/deadline' }] } });
    expect((await change(t, ids.panicEnrollmentId, { kind: 'explode', moduleKey: 'week3' })).status).toBe(422);
    expect((await change(t, ids.panicEnrollmentId, { kind: 'hideModule' })).status).toBe(422);
    expect((await change(t, ids.panicEnrollmentId, { kind: 'unlockEarly', moduleKey: 'week1' })).status).toBe(409);
    expectStatus(await change(t, ids.panicEnrollmentId, { kind: 'hideModule', moduleKey: 'week2', revision: 0 }), 200);
    expect(await change(t, ids.panicEnrollmentId, { kind: 'hideModule', moduleKey: 'week4', revision: 0 })).toMatchObject({ status: 409 });
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${ids.panicEnrollmentId}`, { status: 'ended' }), 200);
    expect(await change(t, ids.panicEnrollmentId, { kind: 'showModule', moduleKey: 'week2' })).toMatchObject({ status: 409 });
    // Nothing of the refused changes was stored.
    expect(auditActions(t, 'schedule.change')).toHaveLength(1);
  });

  it('refuses another unit\'s therapist and audits the attempt', async () => {
    const t = await createCareTestApp({ from: seeded });
    expect((await change(t, ids.panicEnrollmentId, { kind: 'hideModule', moduleKey: 'week2' }, 'other-therapist')).status).toBe(404);
    expect((await t.call('other-therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule`)).status).toBe(404);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'access.refused' AND patient_id = 'person-patient'").get()).toEqual({ n: 2 });
    expect((await schedule(t, ids.panicEnrollmentId)).revision).toBe(0);
  });
});

/** When the program opens week 2 of the panic program for the patient. */
async function nextWeekStart(t: CareTestApp): Promise<string | null> {
  const week2 = (await schedule(t, ids.panicEnrollmentId)).modules.find((module) => module.key === 'week2');
  return week2?.regularUnlockAt ?? null;
}
