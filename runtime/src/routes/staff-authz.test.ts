import { beforeAll } from 'vitest';
import { describeEveryRole } from '../testing/every-role.js';
import type { CareScenario } from '../testing/care-scenario.js';
import { callOnFreshCopy, seedStaffDatabase, STAFF_PEOPLE } from '../testing/staff-test-app.js';

/**
 * Every staff-administration and password-reset endpoint × every role, refusals first, each case
 * on a fresh copy of one seeded database with real sessions (testing/staff-test-app.ts).
 */
let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

interface Endpoint {
  name: string;
  method: string;
  path: (ids: CareScenario) => string;
  body?: unknown;
  expect: Record<string, number>;
}

const ALL_ROLES = ['anonymous', ...STAFF_PEOPLE];
const everyone = (status: number) => Object.fromEntries(ALL_ROLES.map((role) => [role, status]));
/** People managers of care-1 succeed; its other members are refused; outsiders do not see it. */
const MANAGERS = (ok: number) => ({ anonymous: 401, designer: 404, 'other-admin': 404, 'other-data-admin': 404, 'perm-admin': ok, 'care-admin': ok, 'data-admin': 403, therapist: 403, 'new-therapist': 403, 'other-therapist': 403, patient: 403, 'other-patient': 403 });
/** Therapists of unit-1 succeed; therapists elsewhere do not see the unit; everyone else lacks the role. */
const UNIT_THERAPISTS = (ok: number) => ({ ...everyone(403), anonymous: 401, therapist: ok, 'new-therapist': 404, 'other-therapist': 404 });

const ENDPOINTS: Endpoint[] = [
  { name: 'staff directory', method: 'GET', path: () => '/api/care/providers/care-1/staff', expect: MANAGERS(200) },
  { name: 'assign a therapist to a unit', method: 'PUT', path: () => '/api/care/units/unit-1/therapists/person-new-therapist', expect: MANAGERS(204) },
  { name: 'remove a therapist from a unit', method: 'DELETE', path: () => '/api/care/units/unit-1/therapists/person-therapist', expect: MANAGERS(204) },
  { name: 'disable an account', method: 'POST', path: () => '/api/organisations/care-1/members/person-other-therapist/disable', expect: MANAGERS(204) },
  { name: 'enable an account', method: 'POST', path: () => '/api/organisations/care-1/members/person-other-therapist/enable', expect: MANAGERS(204) },
  { name: 'responsible therapists', method: 'GET', path: () => '/api/care/units/unit-1/patients/person-patient/therapists', expect: UNIT_THERAPISTS(200) },
  { name: 'add a responsible therapist', method: 'PUT', path: () => '/api/care/units/unit-1/patients/person-patient/therapists/person-therapist', expect: UNIT_THERAPISTS(200) },
  { name: 'remove the last responsible therapist', method: 'DELETE', path: () => '/api/care/units/unit-1/patients/person-patient/therapists/person-therapist', expect: UNIT_THERAPISTS(409) },
  { name: 'ask for a password reset', method: 'POST', path: () => '/api/public/password-reset', body: { email: 'therapist@example.org' }, expect: everyone(202) },
  { name: 'use a password reset link', method: 'POST', path: () => '/api/public/password-reset/complete', body: { token: 'x'.repeat(43), password: 'a new long password' }, expect: everyone(404) },
];

describeEveryRole('staff routes', ENDPOINTS, {
  roles: ALL_ROLES,
  call: (row, role) => callOnFreshCopy(seeded, role, row.method, row.path(seeded.scenario), row.body),
});
