// Sign-in with OpenID Connect over real HTTP against a real provider (`oidc-provider` on a loopback
// port, testing/test-oidc-provider.ts), on a database file (or PostgreSQL under npm run test:pg),
// with the demo seed: an unknown identity is refused and creates nothing; a member invitation and a
// patient's invitation code are accepted by signing in, which links the identity; a linked person
// signs in again; a signed-in person links their account; an altered state, a cancelled sign-in
// and a callback without its flow are refused; logging out ends the session and the provider's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { startServer, type RunningServer } from '../server.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { CookieJar, followSignIn, startTestOidcProvider, type TestOidcProvider } from '../testing/test-oidc-provider.js';
import { HttpSession } from './http-client.js';

const dir = mkdtempSync(join(tmpdir(), 'careloom-oidc-'));
let idp: TestOidcProvider;
let server: RunningServer;

beforeAll(async () => {
  idp = await startTestOidcProvider();
  server = await startServer({ config: loadConfig({ ...(await testDatabaseEnv(join(dir, 'careloom.sqlite'))), CARELOOM_PORT: '0', ...idp.environment() }), seedDemoAccounts: true });
  idp.register(server.url);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await idp?.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

/** Signs in through the provider from a plain start link; returns where the browser lands and its jar. */
async function signIn(app: 'patient' | 'clinic' | 'designer', options: { jar?: CookieJar; transform?: (url: string) => string } = {}) {
  const jar = options.jar ?? new CookieJar();
  const result = await followSignIn(jar, `${server.url}/api/auth/oidc/start?app=${app}`, { careloomUrl: server.url, ...(options.transform ? { transform: options.transform } : {}) });
  return { jar, landed: result.location, visited: result.visited };
}

/** Starts with POST /api/auth/oidc/start (an invitation or a link), then follows the provider. */
async function startWith(body: unknown, jar = new CookieJar(), csrfToken?: string) {
  const started = await fetch(`${server.url}/api/auth/oidc/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie: jar.header(server.url), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify(body),
  });
  jar.store(server.url, started);
  const json = (await started.json()) as { authorizationUrl?: string; code?: string };
  if (started.status !== 200) return { jar, status: started.status, problem: json, landed: undefined };
  const result = await followSignIn(jar, json.authorizationUrl!, { careloomUrl: server.url });
  return { jar, status: 200, landed: result.location, problem: undefined };
}

async function me(jar: CookieJar) {
  const response = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: jar.header(server.url) } });
  return { status: response.status, body: (await response.json()) as { person: { id: string; name: string; email: string }; memberships: Array<{ role: string; organisationId: string }>; csrfToken: string } };
}

/** A call with the browser's cookies and its session's CSRF token. */
async function callWith(jar: CookieJar, method: string, path: string) {
  const { csrfToken } = (await me(jar)).body;
  const response = await fetch(`${server.url}${path}`, { method, headers: { origin: server.url, cookie: jar.header(server.url), 'x-csrf-token': csrfToken } });
  const text = await response.text();
  return { status: response.status, text, body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
}

async function staffCount(admin: HttpSession, organisationId: string) {
  return ((await admin.call('GET', `/api/organisations/${organisationId}/members`)).body as { members: unknown[] }).members.length;
}

describe('sign-in with OpenID Connect against a real provider', () => {
  it('offers the provider by name on the login pages', async () => {
    const status = await fetch(`${server.url}/api/auth/oidc`);
    expect(await status.json()).toEqual({ enabled: true, displayName: 'Test e-ID' });
  });

  it('refuses an unknown identity and creates no account', { timeout: 30_000 }, async () => {
    const admin = await login('care-admin');
    const organisationId = admin.organisationIds[0]!;
    const before = await staffCount(admin, organisationId);
    idp.signInAs({ sub: 'stranger', name: 'Stranger Danger', personal_identity_number: '199001012385' });
    const { jar, landed, visited } = await signIn('clinic');
    expect(visited.some((url) => url.startsWith(idp.issuer))).toBe(true);
    expect(landed).toBe(`${server.url}/clinic?signin=unknown_identity`);
    expect(jar.get(server.url, 'careloom_session')).toBeUndefined();
    expect((await me(jar)).status).toBe(401);
    expect(await staffCount(admin, organisationId)).toBe(before);
  });

  it('accepts a member invitation by signing in, linking the identity to the new account; the person then signs in with it', { timeout: 30_000 }, async () => {
    const admin = await login('care-admin');
    const organisationId = admin.organisationIds[0]!;
    const invited = await admin.call('POST', `/api/organisations/${organisationId}/invitations`, { email: 'nora.new@example.org', roles: ['therapist'] });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const outbox = JSON.stringify((await admin.call('GET', '/api/dev/outbox')).body);
    const token = /#\/invitation\/([A-Za-z0-9_-]{43})/.exec(outbox.slice(outbox.lastIndexOf('nora.new@example.org')))?.[1] ?? /#\/invitation\/([A-Za-z0-9_-]{43})/.exec(outbox)![1]!;

    idp.signInAs({ sub: 'nora', name: 'Nora New', personal_identity_number: '198503152391' });
    const joined = await startWith({ app: 'clinic', invitation: { kind: 'member', token } });
    expect(joined.landed).toBe(`${server.url}/clinic`);
    const nora = await me(joined.jar);
    expect(nora.status).toBe(200);
    expect(nora.body.person).toMatchObject({ name: 'Nora New', email: 'nora.new@example.org' });
    expect(nora.body.memberships).toEqual([expect.objectContaining({ organisationId, role: 'therapist' })]);

    // The invitation is used up: a second sign-in with it is refused.
    idp.signInAs({ sub: 'someone-else', personal_identity_number: '197001010000' });
    expect((await startWith({ app: 'clinic', invitation: { kind: 'member', token } })).landed).toBe(`${server.url}/clinic?signin=invitation_unusable`);

    // Linked by the identity number, not by the provider's subject or an e-mail address.
    idp.signInAs({ sub: 'nora-on-another-device', personal_identity_number: '198503152391' });
    const again = await signIn('clinic');
    expect(again.landed).toBe(`${server.url}/clinic`);
    expect((await me(again.jar)).body.person.id).toBe(nora.body.person.id);
  });

  it('redeems a patient\'s invitation code by signing in; the patient is enrolled and signed in', { timeout: 30_000 }, async () => {
    const admin = await login('care-admin');
    const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
    const clinic = units.units.find((unit) => unit.name === 'Demo clinic')!;
    const deployments = (await admin.call('GET', `/api/care/units/${clinic.id}/deployments`)).body as { deployments: Array<{ id: string }> };
    const deploymentId = deployments.deployments[0]?.id ?? ((await admin.call('POST', `/api/care/units/${clinic.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string }).id;
    const therapist = await login('therapist');
    const enrolled = await therapist.call('POST', `/api/care/units/${clinic.id}/enrollments`, { deploymentId, patient: { name: 'Olle Oidc', email: 'olle@example.org' } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const { invitation, enrollment } = enrolled.body as { invitation: { code: string }; enrollment: { id: string } };

    idp.signInAs({ sub: 'olle', personal_identity_number: '200001019876' });
    const redeemed = await startWith({ app: 'patient', invitation: { kind: 'enrollment', code: invitation.code } });
    expect(redeemed.landed).toBe(`${server.url}/`);
    const olle = await me(redeemed.jar);
    expect(olle.body.person).toMatchObject({ name: 'Olle Oidc', email: 'olle@example.org' });
    expect(olle.body.memberships).toEqual([expect.objectContaining({ role: 'patient' })]);
    const mine = await fetch(`${server.url}/api/me/enrollments`, { headers: { cookie: redeemed.jar.header(server.url) } });
    expect(JSON.stringify(await mine.json())).toContain(enrollment.id);

    // Olle has no password of his own: his only identity is his only way in, and stays linked.
    const identities = await callWith(redeemed.jar, 'GET', '/api/me/identities');
    expect(identities.body).toMatchObject({ hasPassword: false, identities: [{ issuer: idp.issuer, providerName: 'Test e-ID', hint: '9876' }] });
    expect(identities.text).not.toContain('200001019876');
    const only = (identities.body.identities as Array<{ id: string }>)[0]!.id;
    const refused = await callWith(redeemed.jar, 'DELETE', `/api/me/identities/${only}`);
    expect(refused.body).toMatchObject({ status: 409, issues: [{ code: 'identity.last_way_in' }] });
    idp.signInAs({ sub: 'olle', personal_identity_number: '200001019876' });
    expect((await signIn('patient')).landed).toBe(`${server.url}/`);

    // Someone else's identity cannot use a code twice.
    idp.signInAs({ sub: 'mallory', personal_identity_number: '196601010000' });
    expect((await startWith({ app: 'patient', invitation: { kind: 'enrollment', code: invitation.code } })).landed).toBe(`${server.url}/?signin=invitation_unusable`);
  });

  it('lets a signed-in person link their account, then sign in with the identity; another account cannot take it', { timeout: 30_000 }, async () => {
    const theo = await login('therapist');
    const jar = new CookieJar();
    jar.set(server.url, 'careloom_session', theo.cookie.split('=')[1]!);
    idp.signInAs({ sub: 'theo', personal_identity_number: '197505052222' });
    const linked = await startWith({ app: 'clinic', link: true }, jar, theo.csrfToken);
    // Back to the screen that started it, which says the outcome.
    expect(linked.landed).toBe(`${server.url}/clinic?signin=linked#/security`);

    idp.signInAs({ sub: 'theo', personal_identity_number: '197505052222' });
    const again = await signIn('clinic');
    expect(again.landed).toBe(`${server.url}/clinic`);
    expect((await me(again.jar)).body.person.email).toBe('therapist@demo.careloom.test');

    const cora = await login('care-admin');
    const coraJar = new CookieJar();
    coraJar.set(server.url, 'careloom_session', cora.cookie.split('=')[1]!);
    idp.signInAs({ sub: 'theo', personal_identity_number: '197505052222' });
    expect((await startWith({ app: 'clinic', link: true }, coraJar, cora.csrfToken)).landed).toBe(`${server.url}/clinic?signin=identity_taken#/security`);
    expect((await callWith(coraJar, 'GET', '/api/me/identities')).body.identities).toEqual([]);

    // Theo sees the link by the provider's name and the number's last digits only, and unlinks it;
    // Cora cannot unlink it for him, and afterwards the identity signs nobody in.
    const listed = await callWith(jar, 'GET', '/api/me/identities');
    expect(listed.body).toEqual({
      provider: { enabled: true, displayName: 'Test e-ID' },
      hasPassword: true,
      identities: [{ id: expect.stringMatching(/^[0-9a-f]{12}$/), issuer: idp.issuer, providerName: 'Test e-ID', hint: '2222', linkedAt: expect.any(String) }],
    });
    expect(listed.text).not.toContain('197505052222');
    const theosLink = (listed.body.identities as Array<{ id: string }>)[0]!.id;
    expect((await callWith(coraJar, 'DELETE', `/api/me/identities/${theosLink}`)).status).toBe(404);
    expect((await callWith(jar, 'DELETE', `/api/me/identities/${theosLink}`)).status).toBe(204);
    expect((await callWith(jar, 'GET', '/api/me/identities')).body.identities).toEqual([]);
    idp.signInAs({ sub: 'theo', personal_identity_number: '197505052222' });
    expect((await signIn('clinic')).landed).toBe(`${server.url}/clinic?signin=unknown_identity`);
    // Now free, Cora may link it to her account.
    idp.signInAs({ sub: 'theo', personal_identity_number: '197505052222' });
    expect((await startWith({ app: 'clinic', link: true }, coraJar, cora.csrfToken)).landed).toBe(`${server.url}/clinic?signin=linked#/security`);
  });

  it('refuses a callback whose state was altered, a cancelled sign-in and a callback without its flow', { timeout: 30_000 }, async () => {
    idp.signInAs({ sub: 'nora', personal_identity_number: '198503152391' });
    const tampered = await signIn('clinic', {
      transform: (url) => (url.includes('/api/auth/oidc/callback') ? url.replace(/state=[^&]+/, 'state=forged') : url),
    });
    expect(tampered.landed).toBe(`${server.url}/clinic?signin=failed`);
    expect(tampered.jar.get(server.url, 'careloom_session')).toBeUndefined();

    idp.signInAs('cancel');
    expect((await signIn('designer')).landed).toBe(`${server.url}/designer?signin=cancelled`);

    // A callback replayed from another browser (no flow cookie) signs nobody in.
    const replay = await fetch(`${server.url}/api/auth/oidc/callback?code=abc&state=def`, { redirect: 'manual' });
    expect(replay.headers.get('location')).toBe('/?signin=expired');
    expect(replay.headers.getSetCookie().some((cookie) => cookie.startsWith('careloom_session='))).toBe(false);
  });

  it('completes each flow once: its callback replayed with its own cookie, to this process or (on PostgreSQL) another, signs nobody in', { timeout: 60_000 }, async () => {
    // Under npm run test:pg a second process on the same database gets the replay: the flow's use is counted there, not in one process's memory.
    const other = process.env.CARELOOM_TEST_STORE === 'postgresql'
      ? await startServer({ config: loadConfig({ ...(await testDatabaseEnv(join(dir, 'careloom.sqlite'))), CARELOOM_PORT: '0', ...idp.environment() }), seedDemoAccounts: true })
      : undefined;
    try {
      // Nora (linked by her identity number in the test above) signs in once.
      idp.signInAs({ sub: 'nora-once-more', personal_identity_number: '198503152391' });
      let captured: { url: string; cookie: string } | undefined;
      const jar = new CookieJar();
      const first = await signIn('clinic', {
        jar,
        transform: (url) => {
          if (url.includes('/api/auth/oidc/callback')) captured = { url, cookie: jar.header(url) };
          return url;
        },
      });
      expect(first.landed).toBe(`${server.url}/clinic`);
      expect(captured?.cookie).toContain('careloom_oidc=');
      // The same callback again, with the same flow cookie: refused before the provider is asked.
      const asked = idp.tokenRequests();
      expect(asked).toBeGreaterThan(0);
      const target = other ? captured!.url.replace(server.url, other.url) : captured!.url;
      const replay = await fetch(target, { redirect: 'manual', headers: { cookie: captured!.cookie } });
      expect(replay.headers.get('location')).toBe('/clinic?signin=failed');
      expect(replay.headers.getSetCookie().some((cookie) => cookie.startsWith('careloom_session='))).toBe(false);
      expect(idp.tokenRequests()).toBe(asked);
    } finally {
      await other?.close();
    }
  });

  it('logs out of Careloom and points the browser at the provider\'s end_session endpoint', { timeout: 30_000 }, async () => {
    idp.signInAs({ sub: 'nora', personal_identity_number: '198503152391' });
    const { jar } = await signIn('clinic');
    const { body } = await me(jar);
    const out = await fetch(`${server.url}/api/auth/oidc/logout`, { method: 'POST', headers: { origin: server.url, cookie: jar.header(server.url), 'x-csrf-token': body.csrfToken } });
    expect(out.status).toBe(200);
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get('client_id')).toBe(idp.clientId);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    expect((await fetch(endSessionUrl)).status).toBe(200);
    expect((await me(jar)).status).toBe(401);
  });

  it('every role may link its own account and log out; without a session both are refused', { timeout: 60_000 }, async () => {
    for (const account of DEMO_ACCOUNTS) {
      const session = await HttpSession.login(server.url, account.email, account.password);
      const started = await session.call('POST', '/api/auth/oidc/start', { app: 'clinic', link: true });
      expect(started.status, account.email).toBe(200);
      expect((started.body as { authorizationUrl: string }).authorizationUrl.startsWith(`${idp.issuer}/`)).toBe(true);
      // A password session has no provider session to end.
      const out = await session.call('POST', '/api/auth/oidc/logout');
      expect([out.status, out.body], account.email).toEqual([200, {}]);
      expect((await session.call('GET', '/api/auth/me')).status).toBe(401);
    }
    const anonymous = new HttpSession(server.url);
    expect((await anonymous.call('POST', '/api/auth/oidc/start', { app: 'clinic', link: true })).status).toBe(401);
    expect((await anonymous.call('POST', '/api/auth/oidc/logout')).status).toBe(401);
    expect((await anonymous.call('POST', '/api/auth/oidc/start', { app: 'elsewhere' })).status).toBe(422);
    expect((await fetch(`${server.url}/api/auth/oidc/start?app=elsewhere`, { redirect: 'manual' })).status).toBe(422);
  });
});
