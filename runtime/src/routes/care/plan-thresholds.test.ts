import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';

/**
 * A patient's own thresholds decide their zone and alerts: each must be a value the diary field could
 * take (the COPD diary's temperature takes 34–42 °C with one decimal, SpO2 50–100 %), refused with
 * problem+json naming which threshold and why, and nothing stored.
 */
let t: CareTestApp;
let path: string;

beforeAll(async () => {
  t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  path = `/api/care/enrollments/${scenario.copdEnrollmentId}/plans/copd-daily-report/copdDaily`;
});

const put = (zones: unknown[]) => t.call('therapist', 'PUT', path, { zones });
type Problem = { detail: string; issues: Array<{ code: string; path: string; message: string }> };

describe('PUT …/plans/:moduleId/:registrationId thresholds', () => {
  it('refuses a 60 °C fever threshold, naming the rule, the field and its range', async () => {
    const response = await put([{ id: 'fever', when: { op: 'gte', item: 'temperature', value: 60 } }]);
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect((response.body as Problem).issues).toEqual([
      expect.objectContaining({ code: 'plan.threshold_out_of_range', path: '/zones/0/when/value', message: 'The threshold of "Body temperature" in rule "fever" is 60 °C, but the field takes values from 34 to 42 °C: such a threshold would never or always hold.' }),
    ]);
  });

  it('refuses thresholds inside nested conditions, too many decimals and negative saturation, each at its place', async () => {
    const response = await put([
      { id: 'spo2Low', when: { op: 'lt', item: 'spo2', value: -5 } },
      { id: 'fever', when: { op: 'gte', item: 'temperature', value: 38.25 } },
      { id: 'breathAndInfection', when: { op: 'all', conditions: [{ op: 'eq', item: 'breathlessness', value: 'muchWorse' }, { op: 'any', conditions: [{ op: 'gte', item: 'temperature', value: 1e9 }] }] } },
    ]);
    expect(response.status).toBe(422);
    const issues = (response.body as Problem).issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['plan.threshold_out_of_range', '/zones/0/when/value'],
      ['plan.threshold_too_many_decimals', '/zones/1/when/value'],
      ['plan.threshold_out_of_range', '/zones/2/when/conditions/1/conditions/0/value'],
    ]);
    expect(issues[1]!.message).toContain('rule "fever"');
  });

  it('refuses a 10,000-character text and keeps the stored plan', async () => {
    expectStatus(await put([{ id: 'fever', when: { op: 'gte', item: 'temperature', value: 38.5 } }]), 200);
    const long = await put([{ id: 'coughMore', when: { op: 'eq', item: 'cough', value: 'x'.repeat(10_000) } }]);
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body)).not.toContain('x'.repeat(100));
    const wrongType = await put([{ id: 'fever', when: { op: 'gte', item: 'temperature', value: '9999-12-31' } }]);
    expect(wrongType.status).toBe(422);
    const enrollment = expectStatus(await t.call('therapist', 'GET', path.replace(/\/plans\/.*/, '')), 200) as { plans: Array<{ zones: Array<{ rules: Array<{ id: string; when: { value?: unknown } }> }> }> };
    const fever = enrollment.plans.flatMap((plan) => plan.zones.flatMap((zone) => zone.rules)).find((rule) => rule.id === 'fever');
    expect(fever?.when.value).toBe(38.5);
  });

  it('refuses a 10,000-character explanation', async () => {
    const response = await put([{ id: 'fever', when: { op: 'gte', item: 'temperature', value: 38 }, explanation: { en: 'y'.repeat(10_000) } }]);
    expect(response.status).toBe(422);
    expect((response.body as Problem).issues.map((issue) => issue.path)).toEqual(['/zones/0/explanation/en']);
  });

  it('takes thresholds at the edges of the field', async () => {
    expectStatus(await put([{ id: 'fever', when: { op: 'gte', item: 'temperature', value: 42 } }, { id: 'spo2Low', when: { op: 'lt', item: 'spo2', value: 50 } }]), 200);
  });
});
