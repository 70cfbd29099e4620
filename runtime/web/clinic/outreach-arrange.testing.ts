// Arranges a patient for the outreach screens' browser tests on a real test server: the panic
// program deployed at the demo clinic, a patient enrolled (in `language`) whose first password is
// chosen, and API clients signed in as that patient, the demo therapist and the care-provider admin.
import { ApiClient } from '@careloom/client/api';
import type { TestServer } from '@careloom/renderer/test-server';

export const PATIENT_PASSWORD = 'a long patient passphrase 42';

export async function arrangePatient(server: TestServer, language = 'en') {
  await server.signIn('admin', 'care-admin');
  await server.signIn('therapist', 'therapist');
  const { units } = await server.call<{ units: Array<{ id: string; name: string; organisationId: string }> }>('admin', 'GET', '/api/care/units');
  const unit = units.find((candidate) => candidate.name === 'Demo clinic')!;
  const deployment = await server.call<{ id: string }>('admin', 'POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
  const email = `pia.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const enrolled = await server.call<{ enrollment: { id: string }; invitation: { code: string } }>('therapist', 'POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, language, patient: { name: 'Pia Patient', email } });
  await server.call('patient', 'POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: PATIENT_PASSWORD });
  const signedIn = async (jar: string, login: { email: string; password: string }) => {
    const api = new ApiClient({ fetch: server.fetch(jar) });
    await api.login(login.email, login.password);
    return api;
  };
  return {
    unit,
    enrollmentId: enrolled.enrollment.id,
    patient: await signedIn('patient-app', { email, password: PATIENT_PASSWORD }),
    therapist: await signedIn('clinic-therapist', server.account('therapist')),
    admin: await signedIn('clinic-admin', server.account('care-admin')),
  };
}
