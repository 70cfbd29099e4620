import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

// PHQ-9 in the panic program: "patient" goes from 24 to 9 (−15, reliably better: the example's
// threshold is 1.96 × 3.52 × √2 × √(1 − 0.87) = 3.52 points), "other-patient" from 9 to 18 (+9,
// reliably worse), then ends early. Values computed by hand from the example's published figures.
let seeded: Buffer;
let ids: CareScenario;

const phq9 = (each: string, item9 = 'notAtAll') => ({ ...Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`phq9_${index + 1}`, each])), phq9_9: item9 });

async function answer(t: CareTestApp, who: string, enrollmentId: string, answers: Record<string, string>, answeredAt: string) {
  t.clock.set(answeredAt);
  expectStatus(await t.call(who, 'POST', `/api/me/enrollments/${enrollmentId}/responses`, responseBody('phq-9', answers, { completes: true, answeredAt })), 201);
}

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  await answer(t, 'patient', ids.panicEnrollmentId, phq9('nearlyEveryDay'), '2026-03-02T09:00:00.000Z');
  await answer(t, 'other-patient', ids.otherEnrollmentId, { ...phq9('severalDays'), phq9_9: 'severalDays' }, '2026-03-02T09:10:00.000Z');
  await answer(t, 'patient', ids.panicEnrollmentId, { ...phq9('severalDays'), phq9_9: 'severalDays' }, '2026-03-25T09:00:00.000Z');
  await answer(t, 'other-patient', ids.otherEnrollmentId, { ...phq9('moreThanHalf'), phq9_9: 'moreThanHalf' }, '2026-03-04T09:00:00.000Z');
  t.clock.set('2026-03-26T09:00:00.000Z');
  expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${ids.otherEnrollmentId}`, { status: 'ended' }), 200);
  seeded = t.snapshot();
});

describe('reliable change in the therapist\'s chart', () => {
  it('marks each later PHQ-9 total against the first, direction aware, and names the threshold and source', async () => {
    const t = await createCareTestApp({ from: seeded });
    const charts = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/charts`), 200) as { instruments: Array<{ instrumentId: string; reliableChange?: { threshold: number; direction: string; source: string }; points: Array<{ total: number; reliableChange?: string }> }> };
    const chart = charts.instruments.find((candidate) => candidate.instrumentId === 'phq9')!;
    expect(chart.reliableChange).toMatchObject({ threshold: 3.52, direction: 'lowerIsBetter', source: expect.stringContaining('Kocalevent') as unknown });
    expect(chart.points).toEqual([{ at: expect.any(String) as unknown, total: 24, band: 'severe' }, { at: expect.any(String) as unknown, total: 9, band: 'mild', reliableChange: 'improved' }]);
    const other = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.otherEnrollmentId}/charts`), 200) as typeof charts;
    expect(other.instruments.find((candidate) => candidate.instrumentId === 'phq9')!.points.map((point) => point.reliableChange ?? null)).toEqual([null, 'deteriorated']);
  });

  it('leaves the marks out of the patient\'s own chart', async () => {
    const t = await createCareTestApp({ from: seeded });
    const charts = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/charts`), 200) as { instruments: Array<Record<string, unknown> & { points: Array<Record<string, unknown>> }> };
    for (const chart of charts.instruments) {
      expect(chart).not.toHaveProperty('reliableChange');
      for (const point of chart.points) expect(point).not.toHaveProperty('reliableChange');
    }
  });
});

describe('the unit report\'s outcomes', () => {
  it('gives per unit and per program version: completion, mean pre/post change, % reliably improved and deteriorated, dropout by week', async () => {
    const t = await createCareTestApp({ from: seeded });
    const report = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/report'), 200) as { completed: number; droppedOut: number; instruments: unknown[]; programs: Array<Record<string, unknown>> };
    const phq = { instrumentId: 'phq9', title: 'PHQ-9', patients: 2, meanPre: 16.5, meanPost: 13.5, meanChange: -3, reliablyImproved: 50, reliablyDeteriorated: 50 };
    expect(report.droppedOut).toBe(1);
    expect(report.instruments).toEqual([phq]);
    const panic = report.programs.find((program) => program['documentId'] === 'panic-icbt-8-weeks');
    expect(panic).toEqual({ documentId: 'panic-icbt-8-weeks', version: 1, kind: 'program', title: expect.any(String) as unknown, enrolled: 2, completed: 0, droppedOut: 1, completionRate: 0, dropoutByWeek: [{ week: 1, patients: 1 }], instruments: [phq] });
    const copd = report.programs.find((program) => program['documentId'] === 'copd-home-follow-up');
    expect(copd).toMatchObject({ enrolled: 1, completionRate: null, dropoutByWeek: [], instruments: [] });
  });

  it('names no patient, and is audited as a read of the unit', async () => {
    const t = await createCareTestApp({ from: seeded });
    const response = await t.call('care-admin', 'GET', '/api/care/units/unit-1/report');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toMatch(/patient@example|person-patient|Patient/);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.read'").get()).toEqual({ n: 1 });
  });
});
