import { describe, expect, it } from 'vitest';
import { createAccountsTestApp, PASSWORD, PEOPLE, PUBLIC_URL } from '../auth/accounts-test-app.js';
import { statusOf } from '../http/problem.js';

const ROLE_KEYS = Object.keys(PEOPLE);

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { code: string; detail: string; issues?: Array<{ path: string; message: string }> };
}

describe('auth routes: refusals', () => {
  it.each([
    ['POST', '/api/auth/logout'],
    ['GET', '/api/auth/me'],
    ['POST', '/api/auth/password'],
  ])('refuses anonymous %s %s with 401', async (method, path) => {
    const { request } = await createAccountsTestApp();
    const response = await request(method, path, method === 'GET' ? {} : { body: { currentPassword: PASSWORD, newPassword: 'another long password' } });
    expect(response.status).toBe(401);
    expect((await problem(response)).code).toBe('unauthenticated');
  });

  it('refuses a wrong password and an unknown e-mail alike, with 401', async () => {
    const { request } = await createAccountsTestApp();
    const wrong = await request('POST', '/api/auth/login', { body: { email: 'adminA@example.org', password: 'not the password' } });
    const unknown = await request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password: PASSWORD } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await problem(wrong)).detail).toBe((await problem(unknown)).detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a malformed login body with issues pointing at the fields', async () => {
    const { request } = await createAccountsTestApp();
    const response = await request('POST', '/api/auth/login', { body: { email: 'not-an-address', extra: 1 } });
    expect(response.status).toBe(statusOf('invalid'));
    const body = await problem(response);
    expect(body.issues?.map((issue) => issue.path).sort()).toEqual(['/email', '/extra', '/password']);
  });

  it('slows an account down after 5 failures with 429 and a Retry-After that doubles, for an unknown device even with the right password', async () => {
    const { request, login, clock } = await createAccountsTestApp();
    for (let i = 0; i < 5; i++) expect((await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: `guess number ${i}` } })).status).toBe(401);
    const refused = await request('POST', '/api/auth/login', { body: { email: 'DesignerA@example.org', password: PASSWORD } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await problem(refused)).code).toBe('rate_limited');
    clock.advance(1_000);
    expect((await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: 'guess number 6' } })).status).toBe(401);
    expect((await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: PASSWORD } })).headers.get('retry-after')).toBe('2');
    clock.advance(2_000);
    await expect(login('designerA')).resolves.toMatchObject({ personId: expect.any(String) });
  });

  it('lets the right password from a device the account signed in on before through at once; a wrong one stays slowed', async () => {
    const { request, clock } = await createAccountsTestApp();
    const first = await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: PASSWORD } });
    const device = first.headers.getSetCookie().find((line) => line.startsWith('careloom_device='))!.split(';')[0]!;
    // The attacker guesses as fast as the throttle allows: right after each wait.
    for (let i = 0; i < 12; i++) {
      const guess = await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: `attacker guess ${i}` }, ip: '203.0.113.66' });
      expect(guess.status).toBe(401);
      const wait = Number((await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: 'x' }, ip: '203.0.113.66' })).headers.get('retry-after') ?? 0);
      if (i < 11) clock.advance(wait * 1000);
    }
    expect((await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: PASSWORD } })).status).toBe(429);
    const owner = await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: PASSWORD }, cookies: device });
    expect(owner.status).toBe(200);
    // Another account's device cookie is no pass for this one.
    expect((await request('POST', '/api/auth/login', { body: { email: 'publisherA@example.org', password: 'wrong' }, cookies: device })).status).toBe(401);
    expect((await request('POST', '/api/auth/login', { body: { email: 'designerA@example.org', password: 'still guessing' }, ip: '203.0.113.66' })).status).toBe(429);
  });

  it('throttles a burst of parallel guesses before the slow hashes finish', async () => {
    const { request } = await createAccountsTestApp();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => request('POST', '/api/auth/login', { body: { email: 'publisherA@example.org', password: `parallel guess ${i}` } })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('stops one IP trying many different e-mail addresses, not the same addresses from elsewhere', async () => {
    const { request, login } = await createAccountsTestApp();
    for (let i = 0; i < 30; i++) expect((await request('POST', '/api/auth/login', { body: { email: `person${i}@example.org`, password: PASSWORD }, ip: '203.0.113.5' })).status).toBe(401);
    const refused = await request('POST', '/api/auth/login', { body: { email: 'adminA@example.org', password: PASSWORD }, ip: '203.0.113.5' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    await expect(login('adminA', PASSWORD, '203.0.113.6')).resolves.toBeDefined();
  });

  it('refuses an unsafe request without the CSRF token, with a wrong one, and from another origin', async () => {
    const { request, login } = await createAccountsTestApp();
    const session = await login('designerA');
    for (const options of [{ csrf: null }, { csrf: 'x'.repeat(43) }, { origin: 'https://evil.example' }, { origin: null }, { origin: 'null' }]) {
      const response = await request('POST', '/api/auth/logout', { as: session, ...options });
      expect(response.status, JSON.stringify(options)).toBe(403);
    }
    // Every refusal left the session alive.
    expect((await request('GET', '/api/auth/me', { as: session })).status).toBe(200);
  });

  it('refuses a login posted from another origin (login CSRF)', async () => {
    const { request } = await createAccountsTestApp();
    const response = await request('POST', '/api/auth/login', { body: { email: 'adminA@example.org', password: PASSWORD }, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('ends a session left idle for 12 hours', async () => {
    const { request, login, clock, revoked } = await createAccountsTestApp();
    const session = await login('publisherA');
    clock.advance(12 * 3600_000 - 1000);
    expect((await request('GET', '/api/auth/me', { as: session })).status).toBe(200);
    clock.advance(12 * 3600_000);
    const response = await request('GET', '/api/auth/me', { as: session });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toMatch(/careloom_session=;/);
    expect(revoked.at(-1)).toMatchObject({ personId: session.personId, reason: 'expired' });
  });

  it('ends a session 7 days after login even when used all along', async () => {
    const { request, login, clock } = await createAccountsTestApp();
    const session = await login('testerA');
    for (let hours = 0; hours < 7 * 24 - 11; hours += 11) {
      clock.advance(11 * 3600_000);
      expect((await request('GET', '/api/auth/me', { as: session })).status).toBe(200);
    }
    clock.advance(11 * 3600_000);
    expect((await request('GET', '/api/auth/me', { as: session })).status).toBe(401);
  });

  it('answers the start-up probe with 200 and null for a visitor, an ended session and a forged cookie, and with the session when signed in', async () => {
    const { request, login } = await createAccountsTestApp();
    const probe = async (as?: Parameters<typeof request>[2]) => {
      const response = await request('GET', '/api/auth/session', as ?? {});
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      return (await response.json()) as { session: { person: { id: string }; csrfToken: string } | null };
    };
    expect(await probe()).toEqual({ session: null });
    const session = await login('designerA');
    const signedIn = await probe({ as: session });
    expect(signedIn.session).toMatchObject({ person: { id: session.personId }, csrfToken: session.csrfToken });
    expect(await probe({ as: { ...session, cookie: 'x'.repeat(43) } })).toEqual({ session: null });
    expect((await request('POST', '/api/auth/logout', { as: session })).status).toBe(204);
    expect(await probe({ as: session })).toEqual({ session: null });
  });

  it('refuses a logged-out session', async () => {
    const { request, login, revoked } = await createAccountsTestApp();
    const session = await login('adminA');
    expect((await request('POST', '/api/auth/logout', { as: session })).status).toBe(204);
    expect((await request('GET', '/api/auth/me', { as: session })).status).toBe(401);
    expect((await request('POST', '/api/auth/logout', { as: session })).status).toBe(401);
    expect(revoked).toEqual([{ personId: session.personId, sessionIds: [expect.any(String)], reason: 'logout' }]);
  });

  it('refuses a too-short new password and a wrong current password, naming the field', async () => {
    const { request, login } = await createAccountsTestApp();
    const session = await login('therapist');
    const short = await problem(await request('POST', '/api/auth/password', { as: session, body: { currentPassword: PASSWORD, newPassword: 'short' } }));
    expect(short.issues).toEqual([{ code: 'password.too_short', path: '/newPassword', message: 'The password must be at least 10 characters long; it has 5.' }]);
    const wrong = await request('POST', '/api/auth/password', { as: session, body: { currentPassword: 'not my password', newPassword: 'a much longer password' } });
    expect(wrong.status).toBe(statusOf('invalid'));
    expect((await problem(wrong)).issues?.[0]?.path).toBe('/currentPassword');
  });

  it('slows guesses of the current password on that session alone, never the owner\'s logins', async () => {
    const { request, login } = await createAccountsTestApp();
    const stolen = await login('therapist');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await request('POST', '/api/auth/password', { as: stolen, body: { currentPassword: `guess ${i}`, newPassword: 'a much longer password' } })).status);
    expect(statuses).toEqual([...Array<number>(5).fill(statusOf('invalid')), 429, 429, 429]);
    await expect(login('therapist', PASSWORD, '198.51.100.77')).resolves.toMatchObject({ personId: stolen.personId });
  });
});

describe('auth routes: allowed', () => {
  it.each(ROLE_KEYS)('logs %s in with an HttpOnly, SameSite, Secure session cookie and shows /me', async (key) => {
    const { request, orgs } = await createAccountsTestApp();
    const response = await request('POST', '/api/auth/login', { body: { email: `${key.toUpperCase()}@EXAMPLE.ORG`, password: PASSWORD } });
    expect(response.status).toBe(200);
    const [cookie = '', device = ''] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^careloom_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(device).toMatch(/^careloom_device=v1\.[A-Za-z0-9_.~-]+; Max-Age=15552000; Path=\/api\/auth; HttpOnly; Secure; SameSite=Strict$/);
    const login = (await response.json()) as { csrfToken: string };
    const token = /careloom_session=([^;]+)/.exec(cookie)![1]!;
    const me = await request('GET', '/api/auth/me', { as: { cookie: token, csrfToken: login.csrfToken, personId: '' } });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const body = (await me.json()) as Record<string, unknown>;
    const person = PEOPLE[key]!;
    expect(body).toEqual({
      person: { id: expect.any(String), name: key, email: `${key}@example.org` },
      memberships: person.roles.map((role) => ({ organisationId: orgs[person.organisation].id, organisationName: orgs[person.organisation].name, organisationKind: orgs[person.organisation].kind, role })),
      csrfToken: login.csrfToken,
      expiresAt: '2026-03-08T08:00:00.000Z',
    });
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it.each(ROLE_KEYS)('logs %s out', async (key) => {
    const { request, login } = await createAccountsTestApp();
    const response = await request('POST', '/api/auth/logout', { as: await login(key) });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^careloom_session=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it.each(ROLE_KEYS)('lets %s change their own password, ending their other sessions', async (key) => {
    const { request, login, revoked } = await createAccountsTestApp();
    const other = await login(key);
    const current = await login(key);
    expect((await request('POST', '/api/auth/password', { as: current, body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } })).status).toBe(204);
    expect((await request('GET', '/api/auth/me', { as: current })).status).toBe(200);
    expect((await request('GET', '/api/auth/me', { as: other })).status).toBe(401);
    expect(revoked).toEqual([{ personId: current.personId, sessionIds: [expect.any(String)], reason: 'password_changed' }]);
    await expect(login(key)).rejects.toThrow(/401/);
    await expect(login(key, 'a brand new passphrase')).resolves.toBeDefined();
  });

  it('touches the session at most once a minute', async () => {
    const { request, login, clock, db } = await createAccountsTestApp();
    const session = await login('designerA');
    const lastSeen = () => (db.prepare('SELECT last_seen_at FROM sessions').get() as { last_seen_at: string }).last_seen_at;
    clock.advance(59_000);
    await request('GET', '/api/auth/me', { as: session });
    expect(lastSeen()).toBe('2026-03-01T08:00:00.000Z');
    clock.advance(1_000);
    await request('GET', '/api/auth/me', { as: session });
    expect(lastSeen()).toBe('2026-03-01T08:01:00.000Z');
  });

  it('lets a request without Origin through only when it carries no session cookie', async () => {
    const { request } = await createAccountsTestApp();
    const response = await request('POST', '/api/auth/login', { body: { email: 'adminA@example.org', password: PASSWORD }, origin: null });
    expect(response.status).toBe(200);
  });

  it('accepts the Referer when there is no Origin', async () => {
    const { app, login } = await createAccountsTestApp();
    const session = await login('adminA');
    const response = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: `careloom_session=${session.cookie}`, 'X-CSRF-Token': session.csrfToken, Referer: `${PUBLIC_URL}/designer/` },
    });
    expect(response.status).toBe(204);
  });
});

describe('auth routes: audit and secrecy', () => {
  it('audits login, refused login, password change and logout with who, what, when and where', async () => {
    const { request, login, auditLog, personIds } = await createAccountsTestApp();
    await request('POST', '/api/auth/login', { body: { email: 'adminA@example.org', password: 'wrong password!' }, ip: '203.0.113.9' });
    const session = await login('adminA', PASSWORD, '203.0.113.9');
    await request('POST', '/api/auth/password', { as: session, body: { currentPassword: PASSWORD, newPassword: 'another long password' }, ip: '203.0.113.9' });
    await request('POST', '/api/auth/logout', { as: session, ip: '203.0.113.9' });
    const rows = await auditLog.list({ actorId: personIds['adminA']!, from: '2026-03-01T08:00:00.000Z' });
    expect(rows.map((row) => [row.action, row.objectType])).toEqual([
      ['auth.login_refused', 'person'],
      ['auth.login', 'session'],
      ['person.password_change', 'person'],
      ['auth.logout', 'session'],
    ]);
    for (const row of rows) expect(row).toMatchObject({ at: '2026-03-01T08:00:00.000Z', ip: '203.0.113.9', requestId: expect.stringMatching(/^req-\d+$/) });
  });

  it('never writes a password, hash, session token or CSRF token to the audit log or the logs', async () => {
    const { request, login, auditLog, logs, db } = await createAccountsTestApp();
    await request('POST', '/api/auth/login', { body: { email: 'adminA@example.org', password: 'wrong password!' } });
    const session = await login('adminA');
    await request('POST', '/api/auth/password', { as: session, body: { currentPassword: PASSWORD, newPassword: 'another long password' } });
    await request('POST', '/api/auth/logout', { as: session });
    const hashes = (db.prepare('SELECT password_hash FROM people').all() as Array<{ password_hash: string }>).map((row) => row.password_hash);
    const written = JSON.stringify(await auditLog.list({ limit: 1000 })) + JSON.stringify(logs);
    for (const secret of [PASSWORD, 'wrong password!', 'another long password', session.cookie, session.csrfToken, 'scrypt$', ...hashes.map((hash) => hash.split('$')[5]!)]) {
      expect(written).not.toContain(secret);
    }
  });
});
