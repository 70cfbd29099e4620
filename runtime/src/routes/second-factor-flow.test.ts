import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClock } from '../clock.js';
import { createStaffTestApp, seedStaffDatabase, STAFF_PASSWORD, type StaffTestApp } from '../testing/staff-test-app.js';

/**
 * The second factor end to end through the HTTP app, with codes computed in the test from the
 * secret the enrolment showed (RFC 6238, as an authenticator app does): enrolment, the code after
 * the password, a replayed code, recovery codes, throttling, turning it off, and an organisation
 * that requires it sending its staff to enrol after their password.
 */
let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

const clockOf = (t: StaffTestApp) => t.care.clock as TestClock;
const codeAt = (t: StaffTestApp, secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: clockOf(t).now().getTime() });

/** Password login: the answer, and the second-factor cookie it set, if any. */
async function passwordLogin(t: StaffTestApp, who: string) {
  const response = await t.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: `${who}@example.org`, password: STAFF_PASSWORD }) });
  const cookies = response.headers.getSetCookie();
  return {
    status: response.status,
    body: (await response.json()) as { issues?: Array<{ code: string }>; csrfToken?: string },
    challenge: /careloom_second_factor=([^;]+)/.exec(cookies.join('\n'))?.[1],
    session: /careloom_session=([^;]+)/.exec(cookies.join('\n'))?.[1],
  };
}

async function withChallenge(t: StaffTestApp, challenge: string, path: string, body?: unknown) {
  const response = await t.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `careloom_second_factor=${challenge}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, session: /careloom_session=([^;]+)/.exec(response.headers.getSetCookie().join('\n'))?.[1] };
}

async function enrol(t: StaffTestApp, who: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const session = await t.login(who);
  const started = await t.call(session, 'POST', '/api/auth/second-factor/enrolment');
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const secret = started.body.secret as string;
  const confirmed = await t.call(session, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: codeAt(t, secret) });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

describe('second factor (TOTP)', () => {
  it('enrols with a secret shown once as an otpauth URI, kept sealed and out of the audit log', async () => {
    const t = await createStaffTestApp(seeded);
    const session = await t.login('therapist');
    const started = await t.call(session, 'POST', '/api/auth/second-factor/enrolment');
    const { secret, otpauthUri } = started.body as { secret: string; otpauthUri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect([uri.protocol, uri.host, decodeURIComponent(uri.pathname)]).toEqual(['otpauth:', 'totp', '/Careloom:therapist@example.org']);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, issuer: 'Careloom', digits: '6', period: '30', algorithm: 'SHA1' });

    const wrong = await t.call(session, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: String((Number(codeAt(t, secret)) + 1) % 1_000_000).padStart(6, '0') });
    expect([wrong.status, (wrong.body.issues as Array<{ path: string }>)[0]!.path]).toEqual([422, '/code']);
    expect((await t.call(session, 'GET', '/api/auth/second-factor')).body).toEqual({ enabled: false, pending: true, required: false, recoveryCodesLeft: 0 });

    const confirmed = await t.call(session, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: codeAt(t, secret) });
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect((await t.call(session, 'GET', '/api/auth/second-factor')).body).toEqual({ enabled: true, pending: false, required: false, recoveryCodesLeft: 10 });
    expect((await t.call(session, 'POST', '/api/auth/second-factor/enrolment')).status).toBe(409);

    const stored = t.care.db.prepare("SELECT secret_sealed FROM second_factors WHERE person_id = 'person-therapist'").get() as { secret_sealed: string };
    expect(stored.secret_sealed).not.toContain(secret);
    const everything = JSON.stringify(t.care.db.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(t.care.db.prepare('SELECT * FROM second_factor_recovery_codes').all());
    expect(everything).not.toContain(secret);
    for (const code of recoveryCodes) expect(everything).not.toContain(code.replace('-', ''));
    expect(JSON.stringify(t.care.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'second_factor.%'").all())).toContain('second_factor.enable');
  });

  it('asks for a code after the password; a code is accepted once; a recovery code once; no code without the password first', async () => {
    const t = await createStaffTestApp(seeded);
    const { secret, recoveryCodes } = await enrol(t, 'therapist');

    const login = await passwordLogin(t, 'therapist');
    expect([login.status, login.body.issues?.[0]?.code, login.session]).toEqual([401, 'second_factor.required', undefined]);
    expect(login.challenge).toBeDefined();
    // The code the enrolment was confirmed with is of the same time step: a replay.
    expect((await withChallenge(t, login.challenge!, '/api/auth/login/second-factor', { code: codeAt(t, secret) })).status).toBe(401);

    clockOf(t).advance(30_000);
    const code = codeAt(t, secret);
    const signed = await withChallenge(t, login.challenge!, '/api/auth/login/second-factor', { code });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.session).toBeDefined();
    expect(signed.body).toMatchObject({ person: { email: 'therapist@example.org' } });
    const me = await t.request('/api/auth/me', { headers: { Cookie: `careloom_session=${signed.session}` } });
    expect(me.status).toBe(200);

    // The same code once more, through a new password login: refused.
    const again = await passwordLogin(t, 'therapist');
    const replayed = await withChallenge(t, again.challenge!, '/api/auth/login/second-factor', { code });
    expect([replayed.status, replayed.session]).toEqual([401, undefined]);
    expect(String(replayed.body.detail)).toContain('used already');

    const recovery = recoveryCodes[3]!;
    expect((await withChallenge(t, again.challenge!, '/api/auth/login/second-factor', { code: recovery.toLowerCase() })).status).toBe(200);
    expect((await withChallenge(t, again.challenge!, '/api/auth/login/second-factor', { code: recovery })).status).toBe(401);

    // A challenge cannot be made up, and one from before the window has closed is refused.
    expect((await withChallenge(t, 'v1.forged.value.here', '/api/auth/login/second-factor', { code: codeAt(t, secret) })).status).toBe(401);
    clockOf(t).advance(11 * 60_000);
    expect((await withChallenge(t, again.challenge!, '/api/auth/login/second-factor', { code: codeAt(t, secret) })).status).toBe(401);
  });

  it('slows wrong codes down like wrong passwords', async () => {
    const t = await createStaffTestApp(seeded);
    const { secret } = await enrol(t, 'therapist');
    const { challenge } = await passwordLogin(t, 'therapist');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) statuses.push((await withChallenge(t, challenge!, '/api/auth/login/second-factor', { code: '000000' === codeAt(t, secret) ? '111111' : '000000' })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const refusals = t.care.db.prepare("SELECT details FROM audit_log WHERE action = 'second_factor.refused'").all() as Array<{ details: string }>;
    expect(refusals.map((row) => JSON.parse(row.details).reason)).toContain('throttled');
  });

  it('turns off with a code, after which the password alone signs in', async () => {
    const t = await createStaffTestApp(seeded);
    const { secret } = await enrol(t, 'therapist');
    clockOf(t).advance(30_000);
    const { challenge } = await passwordLogin(t, 'therapist');
    const signed = await withChallenge(t, challenge!, '/api/auth/login/second-factor', { code: codeAt(t, secret) });
    const session = { cookie: signed.session!, csrfToken: (signed.body as { csrfToken: string }).csrfToken };
    expect((await t.call(session, 'POST', '/api/auth/second-factor/disable', { code: '123456' })).status).toBe(401);
    clockOf(t).advance(30_000);
    expect((await t.call(session, 'POST', '/api/auth/second-factor/disable', { code: codeAt(t, secret) })).status).toBe(204);
    expect((await passwordLogin(t, 'therapist')).status).toBe(200);
  });

  it('an organisation that requires a second factor sends its staff to enrol after the password; its patients are not asked', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('care-admin');
    expect((await t.call(admin, 'PUT', '/api/organisations/care-1/second-factor-policy', { required: 'yes' })).status).toBe(422);
    const set = await t.call(admin, 'PUT', '/api/organisations/care-1/second-factor-policy', { required: true });
    expect([set.status, set.body.required]).toEqual([200, true]);

    const login = await passwordLogin(t, 'new-therapist');
    expect([login.status, login.body.issues?.[0]?.code, login.session]).toEqual([401, 'second_factor.enrolment_required', undefined]);
    // The enrolment cookie does not stand in for a code.
    expect((await withChallenge(t, login.challenge!, '/api/auth/login/second-factor', { code: '123456' })).status).toBe(401);
    const started = await withChallenge(t, login.challenge!, '/api/auth/second-factor/enrolment');
    expect(started.status).toBe(200);
    const confirmed = await withChallenge(t, login.challenge!, '/api/auth/second-factor/enrolment/confirm', { code: codeAt(t, started.body.secret as string) });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ session: { person: { email: 'new-therapist@example.org' } } });
    expect((confirmed.body.recoveryCodes as string[]).length).toBe(10);
    expect(confirmed.session).toBeDefined();
    const session = { cookie: confirmed.session!, csrfToken: (confirmed.body.session as { csrfToken: string }).csrfToken };
    expect((await t.call(session, 'GET', '/api/auth/second-factor')).body).toMatchObject({ enabled: true, required: true });
    clockOf(t).advance(30_000);
    expect((await t.call(session, 'POST', '/api/auth/second-factor/disable', { code: codeAt(t, started.body.secret as string) })).status).toBe(409);

    expect((await passwordLogin(t, 'patient')).status).toBe(200);
    // Another provider's staff are not affected.
    expect((await passwordLogin(t, 'other-data-admin')).status).toBe(200);
  });

  it('reaches open sessions: staff without a second factor are limited to enrolling at their next request, until they enrol', async () => {
    const t = await createStaffTestApp(seeded);
    const admin = await t.login('care-admin');
    const therapist = await t.login('therapist');
    const patient = await t.login('patient');
    // Read once, so the session is in the one-second cache: the rule must not wait for it.
    expect((await t.call(therapist, 'GET', '/api/care/units')).status).toBe(200);
    expect((await t.call(admin, 'PUT', '/api/organisations/care-1/second-factor-policy', { required: true })).status).toBe(200);
    expect(t.revoked.filter((event) => event.reason === 'second_factor').map((event) => event.personId).sort()).toEqual(['person-care-admin', 'person-therapist'].sort());

    // The very next request: refused with a problem the apps turn into the enrolment screen, reads and writes alike.
    const refused = await t.call(therapist, 'GET', '/api/care/units');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 403, issues: [{ code: 'second_factor.enrolment_required' }] });
    expect((await t.call(therapist, 'POST', `/api/care/enrollments/${t.scenario.panicEnrollmentId}/messages`, { body: 'hello', clientId: crypto.randomUUID() })).status).toBe(403);
    expect((await t.call(admin, 'GET', '/api/organisations/care-1/second-factor-policy')).status).toBe(403);
    // Patients of the provider are not staff: untouched.
    expect((await t.call(patient, 'GET', '/api/me/enrollments')).status).toBe(200);
    // Who is signed in, the enrolment and signing out stay open.
    expect((await t.call(therapist, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await t.call(therapist, 'GET', '/api/auth/second-factor')).body).toMatchObject({ enabled: false, required: true });
    const started = await t.call(therapist, 'POST', '/api/auth/second-factor/enrolment');
    expect(started.status).toBe(200);
    expect((await t.call(therapist, 'GET', '/api/care/units')).status).toBe(403);
    const confirmed = await t.call(therapist, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: codeAt(t, started.body.secret as string) });
    expect(confirmed.status).toBe(200);
    // Enrolled: the same session goes on at once.
    expect((await t.call(therapist, 'GET', '/api/care/units')).status).toBe(200);
    // The admin who turned it on has none either: limited alike, and can still sign out.
    expect((await t.call(admin, 'GET', '/api/care/units')).status).toBe(403);
    expect((await t.call(admin, 'POST', '/api/auth/logout')).status).toBe(204);
    const audit = t.care.db.prepare("SELECT details FROM audit_log WHERE action = 'organisation.second_factor_policy'").get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ required: true, sessionsLimited: 2 });
  });

  it('a new staff member who joins by invitation where a second factor is required is not signed in until they enrol', async () => {
    const t = await createStaffTestApp(seeded);
    const permissionsAdmin = await t.login('perm-admin');
    expect((await t.call(permissionsAdmin, 'POST', '/api/organisations/care-1/invitations', { email: 'tess@example.org', roles: ['therapist'] })).status).toBe(201);
    expect((await t.call(permissionsAdmin, 'PUT', '/api/organisations/care-1/second-factor-policy', { required: true })).status).toBe(200);
    const mail = (await t.care.stores.mailOutbox.list(['care-1'])).find((candidate) => candidate.to === 'tess@example.org')!;
    const token = /#\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    const joined = await t.request('/api/public/member-invitations/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, name: 'Tess Therapist', password: 'tess has a long password' }) });
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as { session: unknown }).session).toBeNull();
    expect(joined.headers.getSetCookie().join('\n')).not.toContain('careloom_session=');
    const login = await t.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'tess@example.org', password: 'tess has a long password' }) });
    expect([login.status, ((await login.json()) as { issues: Array<{ code: string }> }).issues[0]!.code]).toEqual([401, 'second_factor.enrolment_required']);
  });
});
