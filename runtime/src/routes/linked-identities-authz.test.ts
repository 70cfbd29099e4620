import { beforeAll, describe, expect, it } from 'vitest';
import { describeEveryRole } from '../testing/every-role.js';
import { createStaffTestApp, seedStaffDatabase, STAFF_PEOPLE, type StaffTestApp } from '../testing/staff-test-app.js';

/**
 * The linked-identity routes × every role, refusals first, each case on a fresh copy of one seeded
 * database with real sessions. The therapist has two linked identities, the patient one and (in
 * these cases) no password of their own: only the owner names a link; everybody else's attempt is
 * a 404 however the link is named, and the patient's only way in is refused with 409.
 */
let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

const THERAPIST_LINK = 'aa11'.repeat(16);
const THERAPIST_SECOND = 'bb22'.repeat(16);
const PATIENT_LINK = 'cc33'.repeat(16);
const issuer = 'https://idp.example.org';

function plantLinks(t: StaffTestApp, options: { patientHasPassword: boolean }) {
  const insert = t.care.db.prepare('INSERT INTO external_identities (subject_digest, issuer, person_id, linked_at, hint) VALUES (?, ?, ?, ?, ?)');
  insert.run(THERAPIST_LINK, issuer, 'person-therapist', '2026-01-02T00:00:00.000Z', '2222');
  insert.run(THERAPIST_SECOND, issuer, 'person-therapist', '2026-01-03T00:00:00.000Z', null);
  insert.run(PATIENT_LINK, issuer, 'person-patient', '2026-01-02T00:00:00.000Z', '9876');
  if (!options.patientHasPassword) t.care.db.prepare('UPDATE people SET password_chosen_at = NULL WHERE id = ?').run('person-patient');
}

const ALL_ROLES = ['anonymous', ...STAFF_PEOPLE];
const everyone = (status: number) => Object.fromEntries(ALL_ROLES.map((role) => [role, status]));
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });

interface Endpoint {
  name: string;
  method: string;
  path: string;
  expect: Record<string, number>;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'list one\'s identities', method: 'GET', path: '/api/me/identities', expect: signedIn(200) },
  { name: 'unlink the therapist\'s identity', method: 'DELETE', path: `/api/me/identities/${THERAPIST_LINK.slice(0, 12)}`, expect: { ...signedIn(404), therapist: 204 } },
  { name: 'unlink the patient\'s only way in', method: 'DELETE', path: `/api/me/identities/${PATIENT_LINK.slice(0, 12)}`, expect: { ...signedIn(404), patient: 409 } },
  { name: 'unlink by a whole digest', method: 'DELETE', path: `/api/me/identities/${THERAPIST_LINK}`, expect: signedIn(404) },
  { name: 'unlink by a malformed id', method: 'DELETE', path: '/api/me/identities/..%2F..%2Fauth', expect: signedIn(404) },
];

describeEveryRole('linked-identity routes', ENDPOINTS, {
  roles: ALL_ROLES,
  call: async (row, role) => {
    const t = await createStaffTestApp(seeded);
    plantLinks(t, { patientHasPassword: false });
    const session = role === 'anonymous' ? undefined : await t.login(role);
    const links = () => (t.care.db.prepare('SELECT count(*) AS n FROM external_identities').get() as { n: number }).n;
    const before = links();
    const response = await t.call(session, row.method, row.path);
    return { ...response, unlinked: before - links() };
  },
  // Only a 204 removes a link; every refusal leaves all of them in place.
  alsoExpect: (response, row, role) => expect(response.unlinked).toBe(row.expect[role] === 204 ? 1 : 0),
});

describe('linked identities', () => {
  it('lists only the person\'s own links, with the value\'s last characters and never the digest', async () => {
    const t = await createStaffTestApp(seeded);
    plantLinks(t, { patientHasPassword: false });
    const therapist = await t.call(await t.login('therapist'), 'GET', '/api/me/identities');
    expect(therapist.headers.get('cache-control')).toBe('no-store');
    expect(therapist.body).toEqual({
      provider: { enabled: false },
      hasPassword: true,
      identities: [
        { id: THERAPIST_LINK.slice(0, 12), issuer, hint: '2222', linkedAt: '2026-01-02T00:00:00.000Z' },
        { id: THERAPIST_SECOND.slice(0, 12), issuer, linkedAt: '2026-01-03T00:00:00.000Z' },
      ],
    });
    expect(JSON.stringify(therapist.body)).not.toContain(THERAPIST_LINK);
    const patient = await t.call(await t.login('patient'), 'GET', '/api/me/identities');
    expect(patient.body).toMatchObject({ hasPassword: false, identities: [{ id: PATIENT_LINK.slice(0, 12), hint: '9876' }] });
  });

  it('refuses the last way in with a sentence, and lets it go once the person has a password', async () => {
    const t = await createStaffTestApp(seeded);
    plantLinks(t, { patientHasPassword: false });
    const patient = await t.login('patient');
    const refused = await t.call(patient, 'DELETE', `/api/me/identities/${PATIENT_LINK.slice(0, 12)}`);
    expect(refused.body).toMatchObject({ status: 409, issues: [{ code: 'identity.last_way_in', path: '/id' }] });
    t.care.db.prepare('UPDATE people SET password_chosen_at = ? WHERE id = ?').run('2026-01-05T00:00:00.000Z', 'person-patient');
    expect((await t.call(patient, 'DELETE', `/api/me/identities/${PATIENT_LINK.slice(0, 12)}`)).status).toBe(204);
    const audit = t.care.db.prepare("SELECT actor_id, object_id, details FROM audit_log WHERE action = 'identity.unlink'").all();
    expect(audit).toEqual([{ actor_id: 'person-patient', object_id: PATIENT_LINK.slice(0, 12), details: JSON.stringify({ personId: 'person-patient', issuer, identitiesLeft: 0 }) }]);
  });

  it('refuses a session that owes a second factor, and a request without the CSRF token', async () => {
    const t = await createStaffTestApp(seeded);
    plantLinks(t, { patientHasPassword: true });
    const therapist = await t.login('therapist');
    const noCsrf = await t.request(`/api/me/identities/${THERAPIST_LINK.slice(0, 12)}`, { method: 'DELETE', headers: { Cookie: `careloom_session=${therapist.cookie}` } });
    expect(noCsrf.status).toBe(403);
    // The provider turns its second-factor rule on: the therapist's open password session may only enrol.
    expect((await t.call(await t.login('perm-admin'), 'PUT', '/api/organisations/care-1/second-factor-policy', { required: true })).status).toBe(200);
    expect((await t.call(therapist, 'GET', '/api/me/identities')).status).toBe(403);
    expect((await t.call(therapist, 'DELETE', `/api/me/identities/${THERAPIST_LINK.slice(0, 12)}`)).status).toBe(403);
    expect((t.care.db.prepare("SELECT count(*) AS n FROM external_identities WHERE person_id = 'person-therapist'").get() as { n: number }).n).toBe(2);
  });
});
