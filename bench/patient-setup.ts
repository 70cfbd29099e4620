// The patient every responses benchmark posts as: the demo clinic deploys the panic program, a
// therapist enrolls a patient, who redeems the invitation and gets a session and CSRF token.
import { writeFileSync } from 'node:fs';
import { HttpSession } from '@careloom/server/http-client';
import { DEMO_ACCOUNTS } from '@careloom/server/demo-accounts';

export interface BenchPatient {
  session: HttpSession;
  /** The patient's responses endpoint of the enrollment. */
  path: string;
  /** Arguments for wrk/post-response.lua with this patient's cookie, CSRF token and origin. */
  wrkArgs(pauseMs: number): string[];
}

export async function preparePatient(url: string): Promise<BenchPatient> {
  return (await preparePatients(url, 1))[0]!;
}

/** `count` patients of one deployment, each with their own session (for stores that lock per patient). */
export async function preparePatients(url: string, count: number): Promise<BenchPatient[]> {
  const account = (key: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  const admin = await HttpSession.login(url, account('care-admin').email, account('care-admin').password);
  const unit = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
  const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
  const therapist = await HttpSession.login(url, account('therapist').email, account('therapist').password);
  const answeredAt = new Date().toISOString();
  const patients: BenchPatient[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = index === 0 ? 'bench@example.org' : `bench-${index}@example.org`;
    const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: `Bench Patient ${index + 1}`, email } })).body as { enrollment: { id: string }; invitation: { code: string } };
    const session = new HttpSession(url);
    const redeemed = await session.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'a benchmark password' });
    if (redeemed.status !== 200) throw new Error(`Could not redeem the invitation: ${redeemed.status}`);
    session.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
    const path = `/api/me/enrollments/${enrolled.enrollment.id}/responses`;
    patients.push({ session, path, wrkArgs: (pauseMs) => [path, session.cookie, session.csrfToken, new URL(url).origin, answeredAt, String(pauseMs)] });
  }
  return patients;
}

/**
 * wrk arguments that rotate over several patients, request by request: the first patient's
 * arguments, then a file listing every patient (path, cookie, CSRF token; tab-separated lines).
 */
export function manyPatientsWrkArgs(patients: readonly BenchPatient[], listFile: string, pauseMs = 0): string[] {
  writeFileSync(listFile, `${patients.map((patient) => [patient.path, patient.session.cookie, patient.session.csrfToken].join('\t')).join('\n')}\n`);
  return [...patients[0]!.wrkArgs(pauseMs), listFile];
}
