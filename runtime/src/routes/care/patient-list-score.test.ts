import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
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
const allNotAtAll = () => Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`phq9_${index + 1}`, 'notAtAll']));

type Row = { enrollmentId: string; latestScore?: Record<string, unknown> };
async function rowOf(t: Awaited<ReturnType<typeof fresh>>, enrollmentId: string, query = ''): Promise<Row | undefined> {
  const list = expectStatus(await t.call('therapist', 'GET', `/api/care/units/unit-1/patients${query}`), 200) as { patients: Row[] };
  return list.patients.find((row) => row.enrollmentId === enrollmentId);
}

describe("the patient list's latest score and trend", () => {
  it('is absent before the first score, then the score without a trend, then better or worse from the score before', async () => {
    const t = await fresh();
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    expect((await rowOf(t, ids.panicEnrollmentId))?.latestScore).toBeUndefined();

    const first = new Date(t.clock.now()).toISOString();
    expectStatus(await t.call('patient', 'POST', path, responseBody('phq-9', phq9Answers('severalDays'), { completes: true, answeredAt: first })), 201);
    expect((await rowOf(t, ids.panicEnrollmentId))?.latestScore).toEqual({
      title: 'PHQ-9', total: 13, max: 27, bandLabel: 'Moderate depression', level: 2, at: first, previous: null, trend: null,
    });

    t.clock.advance(7 * 24 * 3600_000);
    expectStatus(await t.call('patient', 'POST', path, responseBody('phq-9', allNotAtAll(), { completes: true, answeredAt: new Date(t.clock.now()).toISOString() })), 201);
    expect((await rowOf(t, ids.panicEnrollmentId))?.latestScore).toMatchObject({ total: 0, previous: 13, trend: 'better', level: 0 });

    // An answer made offline earlier and sent afterwards does not become the latest.
    expectStatus(await t.call('patient', 'POST', path, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true, answeredAt: new Date(Date.parse(first) + 24 * 3600_000).toISOString() })), 201);
    expect((await rowOf(t, ids.panicEnrollmentId))?.latestScore).toMatchObject({ total: 0, previous: 15, trend: 'better' });

    t.clock.advance(24 * 3600_000);
    expectStatus(await t.call('patient', 'POST', path, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true, answeredAt: new Date(t.clock.now()).toISOString() })), 201);
    expect((await rowOf(t, ids.panicEnrollmentId))?.latestScore).toMatchObject({ total: 15, previous: 0, trend: 'worse', bandLabel: 'Moderately severe depression' });
  });

  it("words the band in the reader's language and leaves the triage order as it was", async () => {
    const t = await fresh();
    const before = (expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: Row[] }).patients.map((row) => row.enrollmentId);
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', allNotAtAll(), { completes: true })), 201);
    expect((await rowOf(t, ids.panicEnrollmentId, '?lang=sv'))?.latestScore).toMatchObject({ bandLabel: 'Minimala eller inga depressiva symtom' });
    const after = (expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: Row[] }).patients.map((row) => row.enrollmentId);
    expect(after).toEqual(before);
  });

  it('a page saved without finishing scores nothing, so it is not the latest score', async () => {
    const t = await fresh();
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', { phq9_1: 'nearlyEveryDay' })), 201);
    expect((await rowOf(t, ids.panicEnrollmentId))?.latestScore).toBeUndefined();
  });
});
