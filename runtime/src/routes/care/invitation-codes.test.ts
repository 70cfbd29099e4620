import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const fresh = () => createCareTestApp({ from: seeded });
const PASSWORD = 'nina has a long password';

async function invite(t: CareTestApp, email = 'nina@example.org'): Promise<{ code: string; url: string; expiresAt: string }> {
  const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.copdDeploymentId, patient: { name: 'Nina New', email } }), 201);
  return created['invitation'] as { code: string; url: string; expiresAt: string };
}

const redeem = (t: CareTestApp, code: string, ip = '198.51.100.7', password = PASSWORD) => t.call(undefined, 'POST', '/api/public/invitations/redeem', { code, password }, { 'x-test-ip': ip });

describe('invitation codes a patient can type', () => {
  it('are ten unambiguous characters grouped XXXXX-XXXXX, in the link, and stored only as a hash', async () => {
    const t = await fresh();
    const invitation = await invite(t);
    expect(invitation.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(invitation.url).toBe(`http://careloom.test/#/invite/${invitation.code}?lang=en`);
    const stored = t.db.prepare('SELECT code_hash FROM invitations').all() as Array<{ code_hash: string }>;
    expect(stored.some((row) => /^[0-9a-f]{64}$/.test(row.code_hash))).toBe(true);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM invitations').all())).not.toContain(invitation.code.replace('-', ''));
  });

  it('are accepted in lower case and without the dash, once', async () => {
    const t = await fresh();
    const { code } = await invite(t);
    expect((await redeem(t, ` ${code.replace('-', '').toLowerCase()} `)).status).toBe(200);
    expect((await redeem(t, code)).status).toBe(404);
  });

  it('expire', async () => {
    const t = await fresh();
    const { code, expiresAt } = await invite(t);
    t.clock.set(expiresAt);
    const refused = await redeem(t, code);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ status: 404, detail: expect.stringContaining('unknown, already used or expired') });
  });

  it('limit wrong guesses per client IP (429 with Retry-After), not the right code from another address, and forget after the window', async () => {
    const t = await fresh();
    const { code } = await invite(t);
    for (let n = 0; n < 10; n += 1) expect((await redeem(t, n % 2 === 0 ? 'AAAAA-AAAAA' : 'not a code')).status).toBe(404);
    const limited = await redeem(t, code);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429 });
    expect((await redeem(t, code, '203.0.113.9', 'short')).status).toBe(422);
    t.clock.advance(15 * 60_000);
    expect((await redeem(t, code)).status).toBe(200);
  });

  it('do not count a right code with a rejected password as a guess', async () => {
    const t = await fresh();
    const { code } = await invite(t);
    for (let n = 0; n < 12; n += 1) expect((await redeem(t, code, '198.51.100.8', 'short')).status).toBe(422);
    expect((await redeem(t, code, '198.51.100.8')).status).toBe(200);
  });

  it('are e-mailed to the patient with the link and the code', async () => {
    const t = await fresh();
    const invitation = await invite(t, 'nina.new@example.org');
    const outbox = expectStatus(await t.call('care-admin', 'GET', '/api/dev/outbox'), 200) as { messages: Array<{ to: string; subject: string; text: string }> };
    const mail = outbox.messages.find((message) => message.to === 'nina.new@example.org');
    expect(mail?.subject).toBe('Your invitation from Unit one');
    expect(mail?.text).toContain(invitation.url);
    expect(mail?.text).toContain(`invitation code: ${invitation.code}`);
  });
});

describe('an invitation to an address that already has an account', () => {
  const accept = (t: CareTestApp, who: string, code: string, ip = '198.51.100.9') => t.call(who, 'POST', '/api/me/invitations/accept', { code }, { 'x-test-ip': ip });
  const people = (t: CareTestApp) => t.db.prepare('SELECT id, password_hash, password_chosen_at FROM people ORDER BY id').all();
  const memberships = (t: CareTestApp) => t.db.prepare("SELECT person_id, organisation_id, role, unit_id FROM memberships ORDER BY person_id, role, unit_id").all();

  it('is never redeemed with a password: 409, no session, nothing changed', async () => {
    const t = await fresh();
    const { code } = await invite(t, 'Designer@Example.org');
    const before = { people: people(t), memberships: memberships(t) };
    const refused = await redeem(t, code);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict', issues: [{ code: 'invitation.sign_in_to_accept', path: '/code' }] });
    expect(refused.headers.get('set-cookie')).toBeNull();
    // A weak password changes nothing either: the person is told to sign in first.
    expect((await redeem(t, code, '198.51.100.7', 'short')).status).toBe(409);
    expect({ people: people(t), memberships: memberships(t) }).toEqual(before);
    expect(t.db.prepare('SELECT count(*) AS n FROM invitations WHERE redeemed_at IS NULL').get()).toEqual({ n: 1 });
  });

  it('gives no role and shows the typed name until accepted; then the enrollment is the signed-in person\'s', async () => {
    const t = await fresh();
    const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.copdDeploymentId, patient: { name: 'Somebody Typed', email: 'designer@example.org' } }), 201) as { enrollment: { id: string; status: string }; invitation: { code: string } };
    expect(created.enrollment.status).toBe('invited');
    expect(memberships(t)).not.toContainEqual(expect.objectContaining({ person_id: 'person-designer', role: 'patient' }));
    const list = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/patients'), 200) as { patients: Array<{ enrollmentId: string; patient: { name: string } }> };
    expect(list.patients.find((entry) => entry.enrollmentId === created.enrollment.id)?.patient.name).toBe('Somebody Typed');
    expect((expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${created.enrollment.id}`), 200) as { patient: { name: string } }).patient.name).toBe('Somebody Typed');
    // Invited → paused → active must not make it active behind the patient's back.
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${created.enrollment.id}`, { status: 'paused' }), 200);
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${created.enrollment.id}`, { status: 'active' }), 409);
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${created.enrollment.id}`, { status: 'paused' }), 200);

    // Someone else signed in (even another patient of the unit) cannot take it.
    const wrong = await accept(t, 'patient', created.invitation.code);
    expect(wrong.status).toBe(403);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'access.refused' AND object_id = ?").get(created.enrollment.id)).toEqual({ n: 1 });
    expectStatus(await t.call(undefined, 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 401);
    expectStatus(await accept(t, 'designer', 'AAAAA-AAAAA'), 404);

    const accepted = expectStatus(await accept(t, 'designer', created.invitation.code), 200) as { enrollment: { id: string; status: string; unit: { name: string } } };
    expect(accepted.enrollment).toMatchObject({ id: created.enrollment.id, status: 'paused', unit: { name: 'Unit one' } });
    expect(memberships(t)).toContainEqual({ person_id: 'person-designer', organisation_id: 'care-1', role: 'patient', unit_id: 'unit-1' });
    expect(t.db.prepare("SELECT actor_id, patient_id FROM audit_log WHERE action = 'invitation.accept' AND object_id = ?").all(created.enrollment.id)).toEqual([{ actor_id: 'person-designer', patient_id: 'person-designer' }]);
    expectStatus(await accept(t, 'designer', created.invitation.code), 404);
    expect((expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${created.enrollment.id}`), 200) as { patient: { name: string } }).patient.name).toBe('designer');
  });

  it('answers the therapist alike whether or not the address had an account', async () => {
    const t = await fresh();
    const enroll = async (email: string) => expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.copdDeploymentId, patient: { name: 'Same Name', email } }), 201) as { enrollment: Record<string, unknown>; invitation: Record<string, unknown> };
    const shape = (body: { enrollment: Record<string, unknown>; invitation: Record<string, unknown> }) => ({ enrollment: Object.keys(body.enrollment).sort(), invitation: Object.keys(body.invitation).sort(), status: body.enrollment['status'] });
    const fresh1 = await enroll('brand-new@example.org');
    const existing = await enroll('care-admin@example.org');
    expect(shape(existing)).toEqual(shape(fresh1));
    const outbox = expectStatus(await t.call('care-admin', 'GET', '/api/dev/outbox'), 200) as { messages: Array<{ to: string; text: string }> };
    const text = (to: string) => outbox.messages.find((message) => message.to === to)?.text.replace(/[0-9A-Z]{5}-[0-9A-Z]{5}/g, 'CODE');
    expect(text('care-admin@example.org')).toBe(text('brand-new@example.org'));
  });
});
