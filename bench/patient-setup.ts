// The patient every responses benchmark posts as: the demo clinic deploys the panic program, a
// therapist enrolls a patient, who redeems the invitation and gets a session and CSRF token.
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
  const account = (key: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  const admin = await HttpSession.login(url, account('care-admin').email, account('care-admin').password);
  const unit = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
  const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
  const therapist = await HttpSession.login(url, account('therapist').email, account('therapist').password);
  const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: 'Bench Patient', email: 'bench@example.org' } })).body as { enrollment: { id: string }; invitation: { code: string } };
  const session = new HttpSession(url);
  const redeemed = await session.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'a benchmark password' });
  if (redeemed.status !== 200) throw new Error(`Could not redeem the invitation: ${redeemed.status}`);
  session.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
  const path = `/api/me/enrollments/${enrolled.enrollment.id}/responses`;
  const answeredAt = new Date().toISOString();
  return { session, path, wrkArgs: (pauseMs) => [path, session.cookie, session.csrfToken, new URL(url).origin, answeredAt, String(pauseMs)] };
}
