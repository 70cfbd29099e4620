// Issue 9, finding 1: any therapist could take over any existing account. Enrolling a patient with
// the e-mail address of an existing person (a permissions admin, a care-provider admin, a therapist
// or a patient of another provider) reused that person, and redeeming the invitation code with a
// new password set their password and signed the attacker in with all their roles. Over real HTTP:
// the redeem is refused (409) and changes nothing, no session is issued, the victim's own password
// still works and the attacker's does not; the victim signs in and accepts, and only then is the
// enrollment theirs; the therapist's answer is the same for new and existing addresses; and no
// members list changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { HttpSession } from '../integration/http-client.js';
import { createSqliteAccountsStore } from '../storage/sqlite/accounts-store.js';
import { createSqliteCareStore } from '../storage/sqlite/care-store.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { deployPanicProgram, startSecurityServer, type SecurityServer } from './security-server.js';

const ATTACKER_PASSWORD = 'the therapist chose this one';
const OTHER = {
  admin: { email: 'oskar.admin@other-care.example.org', password: 'oskar has a long password' },
  therapist: { email: 'tina.therapist@other-care.example.org', password: 'tina has a long password' },
  patient: { email: 'paula.patient@example.net', password: 'paula has a long password' },
};

interface Victim {
  label: string;
  email: string;
  password: string;
}

interface Member {
  person: { id: string; email: string };
  roles: Array<{ role: string; unitId?: string }>;
}

let security: SecurityServer;
let url: string;
let clinic: { unitId: string; deploymentId: string };
let otherOrganisationId: string;
/** Fixed before any victim accepts: accepting adds the care provider to a victim's organisations. */
let demoCareId: string;
let demoPublishingId: string;
let victims: Victim[];

const demo = (key: string) => DEMO_ACCOUNTS.find((account) => account.email === `${key}@demo.careloom.test`)!;

/** A second care provider with its own admin, a therapist of its unit, and (over HTTP) a real patient there. */
async function seedOtherProvider(file: string): Promise<{ organisationId: string; unitId: string }> {
  const { db } = openDatabase({ file });
  try {
    const accounts = createSqliteAccountsStore(db);
    const hasher = createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
    const at = new Date().toISOString();
    const organisation = await accounts.createOrganisation({ id: 'other-care', slug: 'other-care', name: 'Other Care', kind: 'care_provider', createdAt: at }, { at });
    await createSqliteCareStore(db).createUnit({
      unit: { id: 'other-unit', organisationId: organisation.id, name: 'Other clinic', active: true, timeZone: 'Europe/Oslo', settings: {}, intakeDeploymentId: null, createdAt: at, updatedAt: at },
      audit: { id: 'seed-other-unit', at, actorId: null, actorRole: null, action: 'unit.create', objectType: 'unit', objectId: 'other-unit', organisationId: organisation.id, unitId: 'other-unit', patientId: null, requestId: null, ip: null, details: {} },
    });
    await accounts.createPersonWithMemberships({ id: 'other-admin', email: OTHER.admin.email, name: 'Oskar Admin', passwordHash: await hasher.hash(OTHER.admin.password), createdAt: at }, organisation.id, [{ role: 'care_provider_admin' }], { at });
    await accounts.createPersonWithMemberships({ id: 'other-therapist', email: OTHER.therapist.email, name: 'Tina Therapist', passwordHash: await hasher.hash(OTHER.therapist.password), createdAt: at }, organisation.id, [{ role: 'therapist', unitId: 'other-unit' }], { at });
    return { organisationId: organisation.id, unitId: 'other-unit' };
  } finally {
    db.close();
  }
}

const login = (email: string, password: string) => HttpSession.login(url, email, password);
const tryLogin = async (email: string, password: string) => (await new HttpSession(url).call('POST', '/api/auth/login', { email, password })).status;

async function members(): Promise<Record<string, Member[]>> {
  const read = async (session: HttpSession, organisationId: string) => {
    const answer = await session.call('GET', `/api/organisations/${organisationId}/members`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as { members: Member[] }).members;
  };
  const careAdmin = await login(demo('care-admin').email, demo('care-admin').password);
  const permissionsAdmin = await login(demo('permissions-admin').email, demo('permissions-admin').password);
  const otherAdmin = await login(OTHER.admin.email, OTHER.admin.password);
  return {
    demoCare: await read(careAdmin, demoCareId),
    demoPublishing: await read(permissionsAdmin, demoPublishingId),
    otherCare: await read(otherAdmin, otherOrganisationId),
  };
}

beforeAll(async () => {
  security = await startSecurityServer();
  url = security.server.url;
  clinic = await deployPanicProgram(security);
  demoCareId = (await security.login('care-admin')).organisationIds[0]!;
  demoPublishingId = (await security.login('permissions-admin')).organisationIds[0]!;
  const other = await seedOtherProvider(security.file);
  otherOrganisationId = other.organisationId;
  // The other provider's patient becomes one the ordinary way: enrolled there, redeemed with her own password.
  const otherAdmin = await login(OTHER.admin.email, OTHER.admin.password);
  const deployed = await otherAdmin.call('POST', `/api/care/units/${other.unitId}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
  expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
  const otherTherapist = await login(OTHER.therapist.email, OTHER.therapist.password);
  const enrolled = await otherTherapist.call('POST', `/api/care/units/${other.unitId}/enrollments`, { deploymentId: (deployed.body as { id: string }).id, patient: { name: 'Paula Patient', email: OTHER.patient.email } });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  const redeemed = await new HttpSession(url).call('POST', '/api/public/invitations/redeem', { code: (enrolled.body as { invitation: { code: string } }).invitation.code, password: OTHER.patient.password });
  expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);

  victims = [
    { label: 'a permissions admin', email: demo('permissions-admin').email, password: demo('permissions-admin').password },
    { label: 'a care-provider admin', email: demo('care-admin').email, password: demo('care-admin').password },
    { label: 'a therapist', email: OTHER.therapist.email, password: OTHER.therapist.password },
    { label: 'a patient of another provider', email: OTHER.patient.email, password: OTHER.patient.password },
  ];
}, 120_000);

afterAll(async () => {
  await security?.close();
});

describe('an invitation to an existing address (issue 9, finding 1)', () => {
  it('never sets a password or signs anyone in; only the victim, signed in, can accept it', { timeout: 120_000 }, async () => {
    const therapist = await security.login('therapist');
    const before = await members();
    for (const victim of victims) {
      // The attacker would type the victim's address in a different case; it must not matter.
      const enrolled = await therapist.call('POST', `/api/care/units/${clinic.unitId}/enrollments`, { deploymentId: clinic.deploymentId, patient: { name: 'Attacker Typed', email: victim.email.toUpperCase() } });
      expect(enrolled.status, `${victim.label}: ${JSON.stringify(enrolled.body)}`).toBe(201);
      const { enrollment, invitation } = enrolled.body as { enrollment: { id: string; status: string }; invitation: { code: string } };
      expect(enrollment.status).toBe('invited');

      const attacker = new HttpSession(url);
      const redeemed = await attacker.call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: ATTACKER_PASSWORD });
      expect(redeemed.status, `${victim.label}: ${JSON.stringify(redeemed.body)}`).toBe(409);
      expect(redeemed.body).toMatchObject({ code: 'conflict', issues: [{ code: 'invitation.sign_in_to_accept' }] });
      expect(redeemed.headers.getSetCookie(), victim.label).toEqual([]);
      expect(attacker.cookie).toBe('');
      expect((await attacker.call('GET', '/api/auth/me')).status).toBe(401);
      expect(await tryLogin(victim.email, ATTACKER_PASSWORD), victim.label).toBe(401);
      // Accepting needs the victim's own session: anonymous and the attacker therapist are refused.
      expect((await attacker.call('POST', '/api/me/invitations/accept', { code: invitation.code })).status).toBe(401);
      expect((await therapist.call('POST', '/api/me/invitations/accept', { code: invitation.code })).status).toBe(403);
      expect(await members(), `${victim.label}: members before accepting`).toEqual(before);

      const own = await login(victim.email, victim.password);
      const accepted = await own.call('POST', '/api/me/invitations/accept', { code: invitation.code });
      expect(accepted.status, `${victim.label}: ${JSON.stringify(accepted.body)}`).toBe(200);
      expect(accepted.headers.get('cache-control')).toBe('no-store');
      const mine = await own.call('GET', '/api/me/enrollments');
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      expect((mine.body as { enrollments: Array<{ id: string; status: string }> }).enrollments).toContainEqual(expect.objectContaining({ id: enrollment.id, status: 'active' }));
      // Used up: neither accepting again nor redeeming works.
      expect((await own.call('POST', '/api/me/invitations/accept', { code: invitation.code })).status).toBe(404);
      expect((await new HttpSession(url).call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: ATTACKER_PASSWORD })).status).toBe(404);
      expect(await tryLogin(victim.email, victim.password), victim.label).toBe(200);
      expect(await tryLogin(victim.email, ATTACKER_PASSWORD), victim.label).toBe(401);
      // A patient role never makes anyone staff: every members list is as it was.
      expect(await members(), `${victim.label}: members after accepting`).toEqual(before);
    }
  });

  it('answers the therapist alike for a new and an existing address', { timeout: 60_000 }, async () => {
    const therapist = await security.login('therapist');
    const enroll = async (email: string) => {
      const answer = await therapist.call('POST', `/api/care/units/${clinic.unitId}/enrollments`, { deploymentId: clinic.deploymentId, patient: { name: 'Same Name', email } });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const body = answer.body as { enrollment: Record<string, unknown>; invitation: Record<string, unknown> };
      const keys = (value: Record<string, unknown>) => Object.keys(value).sort();
      const patient = ((await therapist.call('GET', `/api/care/enrollments/${body.enrollment['id'] as string}`)).body as { patient: { name: string } }).patient;
      return { status: answer.status, enrollment: keys(body.enrollment), invitation: keys(body.invitation), enrollmentStatus: body.enrollment['status'], code: typeof body.invitation['code'], shownName: patient.name };
    };
    const brandNew = await enroll('nobody-yet@example.org');
    for (const address of [demo('designer').email, OTHER.admin.email]) expect(await enroll(address), address).toEqual(brandNew);
    expect(brandNew).toMatchObject({ status: 201, enrollmentStatus: 'invited', code: 'string', shownName: 'Same Name' });
  });
});
