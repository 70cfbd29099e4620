import { describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../../testing/care-scenario.js';

describe('the receipt of an answer the patient gets', () => {
  it('gives scores and bands but never the alert rules the answer fired, on the first post and on a retry', async () => {
    const t = await createCareTestApp();
    const ids = await seedCareScenario(t);
    const body = responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true });
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    const first = expectStatus(await t.call('patient', 'POST', path, body), 201) as { scores: Array<Record<string, unknown>> };
    const retry = expectStatus(await t.call('patient', 'POST', path, body), 200) as { scores: Array<Record<string, unknown>> };
    for (const receipt of [first, retry]) {
      expect(receipt.scores[0]).toMatchObject({ instrumentId: 'phq9', total: 15 });
      for (const score of receipt.scores) expect(Object.keys(score)).not.toContain('alerts');
      expect(JSON.stringify(receipt)).not.toContain('item9');
    }
    // The therapist still sees which rule fired.
    const responses = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/responses`), 200) as { responses: Array<{ scores: Array<{ alerts: string[] }> }> };
    expect(responses.responses.at(-1)?.scores[0]?.alerts).toContain('item9');
  });
});
