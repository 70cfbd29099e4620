// A seeded care scenario for route tests: the panic and COPD programs deployed to unit-1, "patient"
// enrolled in both (invitation accepted), "other-patient" enrolled in the panic program.
import { randomUUID } from 'node:crypto';
import type { CareTestAppCore } from './care-test-app.js';

export interface CareScenario {
  panicDeploymentId: string;
  copdDeploymentId: string;
  panicEnrollmentId: string;
  copdEnrollmentId: string;
  otherEnrollmentId: string;
}

export function expectStatus(response: { status: number; body: unknown }, status: number): Record<string, unknown> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

export async function seedCareScenario(t: CareTestAppCore): Promise<CareScenario> {
  const deploy = async (documentId: string) => expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId, version: 1 }), 201)['id'] as string;
  const panicDeploymentId = await deploy('panic-icbt-8-weeks');
  const copdDeploymentId = await deploy('copd-home-follow-up');
  const enroll = async (deploymentId: string, who: string) => {
    const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId, patient: { name: who, email: `${who}@example.org` } }), 201) as { enrollment: { id: string }; invitation: { code: string } };
    // The fixture people have accounts of their own: they sign in and accept (redeeming would be refused).
    expectStatus(await t.call(who, 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
    return created.enrollment.id;
  };
  return {
    panicDeploymentId,
    copdDeploymentId,
    panicEnrollmentId: await enroll(panicDeploymentId, 'patient'),
    copdEnrollmentId: await enroll(copdDeploymentId, 'patient'),
    otherEnrollmentId: await enroll(panicDeploymentId, 'other-patient'),
  };
}

/** A response body for the patient app's POST. */
export function responseBody(moduleId: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { formatVersion: 1, clientId: randomUUID(), moduleId, moduleVersion: 1, answers, answeredAt: '2026-03-02T08:30:00.000Z', ...extra };
}

/** PHQ-9 answers: every item "not at all" except item 9 (and the difficulty question). */
export function phq9Answers(item9: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (let item = 1; item <= 8; item += 1) answers[`phq9_${item}`] = item <= 4 ? 'moreThanHalf' : 'severalDays';
  answers['phq9_9'] = item9;
  return answers;
}
