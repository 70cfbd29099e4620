import { beforeAll, expect } from 'vitest';
import { describeEveryRole } from '../testing/every-role.js';
import { callOnFreshCopy, seedStaffDatabase, STAFF_PEOPLE } from '../testing/staff-test-app.js';

/** Every data-administrator endpoint (and the patient's "who read my data") × every role, refusals first. */
let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

const ALL_ROLES = ['anonymous', ...STAFF_PEOPLE];
const everyone = (status: number) => Object.fromEntries(ALL_ROLES.map((role) => [role, status]));
/** care-1's data admin succeeds; care-2's does not see care-1; everyone else lacks the role. */
const DATA_ADMIN = (ok: number) => ({ ...everyone(403), anonymous: 401, 'data-admin': ok, 'other-data-admin': 404 });

const ENDPOINTS: Array<{ name: string; method: string; path: string; body?: unknown; expect: Record<string, number> }> = [
  { name: 'search the audit log', method: 'GET', path: '/api/data/providers/care-1/audit?patientId=person-patient&limit=5', expect: DATA_ADMIN(200) },
  { name: 'export the audit log as CSV', method: 'GET', path: '/api/data/providers/care-1/audit/export?action=patient.read', expect: DATA_ADMIN(200) },
  { name: 'the log review report', method: 'GET', path: '/api/data/providers/care-1/audit/review?from=2026-01-01&until=2026-12-31', expect: DATA_ADMIN(200) },
  { name: 'export a patient as JSON', method: 'GET', path: '/api/data/providers/care-1/patients/person-patient/export', expect: DATA_ADMIN(200) },
  { name: 'export a patient as a FHIR Bundle', method: 'GET', path: '/api/data/providers/care-1/patients/person-patient/export?format=fhir', expect: DATA_ADMIN(200) },
  { name: 'export a patient as CSV', method: 'GET', path: '/api/data/providers/care-1/patients/person-patient/export?format=csv', expect: DATA_ADMIN(200) },
  { name: 'purge a patient', method: 'POST', path: '/api/data/providers/care-1/patients/person-other-patient/purge', body: { reason: 'request', confirm: 'person-other-patient' }, expect: DATA_ADMIN(200) },
  { name: 'who read my data', method: 'GET', path: '/api/me/reads', expect: { ...everyone(403), anonymous: 401, patient: 200, 'other-patient': 200 } },
];

describeEveryRole('data administrator routes', ENDPOINTS, {
  roles: ALL_ROLES,
  call: (row, role) => callOnFreshCopy(seeded, role, row.method, row.path, row.body),
  alsoExpect: (response) => expect(response.headers.get('cache-control')).toContain('no-store'),
});
