import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const COPD_GREEN = { spo2: 95, breathlessness: 'usual', cough: 'usual', sputumColour: 'clear', temperature: 36.8, extraReliever: false };

/** A COPD daily report entered at `at` (device time = arrival time). */
async function report(t: CareTestApp, at: string): Promise<void> {
  t.clock.set(at);
  expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.copdEnrollmentId}/responses`, responseBody('copd-daily-report', COPD_GREEN, { registrationId: 'copdDaily', answeredAt: at })), 201);
}

async function endAndReport(t: CareTestApp): Promise<{ completed: number; droppedOut: number }> {
  expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${ids.copdEnrollmentId}`, { status: 'ended' }), 200);
  return expectStatus(await t.call('care-admin', 'GET', '/api/care/units/unit-1/report'), 200) as { completed: number; droppedOut: number };
}

describe('the unit report and a registration-only program (COPD daily report)', () => {
  it('counts an enrollment that reported into the program\'s last week (26) as completed', async () => {
    const t = await createCareTestApp({ from: seeded });
    await report(t, '2026-03-03T07:00:00.000Z');
    // Week 26 of an enrollment that started on Monday 2 March 2026 begins on Monday 24 August.
    await report(t, '2026-08-25T07:00:00.000Z');
    expect(await endAndReport(t)).toMatchObject({ completed: 1, droppedOut: 0 });
  });

  it('counts one that stopped reporting in week 10 as dropped out', async () => {
    const t = await createCareTestApp({ from: seeded });
    await report(t, '2026-03-03T07:00:00.000Z');
    await report(t, '2026-05-05T07:00:00.000Z');
    expect(await endAndReport(t)).toMatchObject({ completed: 0, droppedOut: 1 });
  });
});
