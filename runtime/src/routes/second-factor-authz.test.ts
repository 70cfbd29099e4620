import { beforeAll } from 'vitest';
import { describeEveryRole } from '../testing/every-role.js';
import { callOnFreshCopy, seedStaffDatabase, STAFF_PEOPLE } from '../testing/staff-test-app.js';

/**
 * Every second-factor and sign-in-with-a-provider endpoint × every role, refusals first, each case
 * on a fresh copy of one seeded database with real sessions (testing/staff-test-app.ts). No
 * provider is configured here: its routes answer 404 (oidc-over-http.test.ts has a real one).
 */
let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

interface Endpoint {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  expect: Record<string, number>;
}

const ALL_ROLES = ['anonymous', ...STAFF_PEOPLE];
const everyone = (status: number) => Object.fromEntries(ALL_ROLES.map((role) => [role, status]));
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
/** Staff of care-1 see its rule; patients and outsiders do not see the organisation. */
const CARE_1_STAFF = (ok: number) => ({ anonymous: 401, designer: 404, 'other-admin': 404, 'other-data-admin': 404, patient: 404, 'other-patient': 404, 'perm-admin': ok, 'care-admin': ok, 'data-admin': ok, therapist: ok, 'new-therapist': ok, 'other-therapist': ok });
const CARE_1_MANAGERS = (ok: number) => ({ ...CARE_1_STAFF(403), 'perm-admin': ok, 'care-admin': ok });

const ENDPOINTS: Endpoint[] = [
  { name: 'second-factor status', method: 'GET', path: '/api/auth/second-factor', expect: signedIn(200) },
  { name: 'start an enrolment', method: 'POST', path: '/api/auth/second-factor/enrolment', expect: { ...signedIn(200), patient: 403, 'other-patient': 403 } },
  { name: 'confirm an enrolment that was not started', method: 'POST', path: '/api/auth/second-factor/enrolment/confirm', body: { code: '123456' }, expect: signedIn(409) },
  { name: 'turn off a second factor that is not on', method: 'POST', path: '/api/auth/second-factor/disable', body: { code: '123456' }, expect: signedIn(404) },
  { name: 'a code without a password first', method: 'POST', path: '/api/auth/login/second-factor', body: { code: '123456' }, expect: everyone(401) },
  { name: 'read the second-factor rule', method: 'GET', path: '/api/organisations/care-1/second-factor-policy', expect: CARE_1_STAFF(200) },
  { name: 'require a second factor', method: 'PUT', path: '/api/organisations/care-1/second-factor-policy', body: { required: true }, expect: CARE_1_MANAGERS(200) },
  { name: 'provider status', method: 'GET', path: '/api/auth/oidc', expect: everyone(200) },
  { name: 'start at a provider that is not configured', method: 'POST', path: '/api/auth/oidc/start', body: { app: 'clinic' }, expect: everyone(404) },
  { name: 'link to a provider that is not configured', method: 'POST', path: '/api/auth/oidc/start', body: { app: 'clinic', link: true }, expect: everyone(404) },
  { name: 'log out (provider-aware)', method: 'POST', path: '/api/auth/oidc/logout', expect: signedIn(200) },
];

describeEveryRole('second-factor and provider routes', ENDPOINTS, {
  roles: ALL_ROLES,
  call: (row, role) => callOnFreshCopy(seeded, role, row.method, row.path, row.body),
});
