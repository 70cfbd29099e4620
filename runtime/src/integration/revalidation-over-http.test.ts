// A patient's repeated revalidation of a module version within a second is answered by the HTTP
// listener without the app (http/revalidation-cache.ts). Over real HTTP: what it answers is what
// the app answered, it answers no one else, and a logout or the second passing sends the next
// request to the app again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { createRevalidationCache, type RevalidationCache } from '../http/revalidation-cache.js';
import { startServer, type RunningServer } from '../server.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { HttpSession } from './http-client.js';

const dir = mkdtempSync(join(tmpdir(), 'careloom-revalidation-'));
const MODULE = '/api/me/module-versions/panic-week-1/1';
let server: RunningServer;
let clockMs = 0;
/** How many requests the listener answered from the cache. */
let shortcuts = 0;
let patient: HttpSession;
let therapist: HttpSession;
let etag = '';

function countingCache(): RevalidationCache {
  const cache = createRevalidationCache({ monotonicMs: () => clockMs });
  return {
    remember: (token, url, entry) => cache.remember(token, url, entry),
    notModified: (token, url, ifNoneMatch) => {
      const headers = cache.notModified(token, url, ifNoneMatch);
      if (headers) shortcuts += 1;
      return headers;
    },
    forgetPerson: (personId) => cache.forgetPerson(personId),
    get size() {
      return cache.size;
    },
  };
}

const login = (key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

const revalidate = (cookie: string, headers: Record<string, string> = {}) => fetch(`${server.url}${MODULE}`, { headers: { Cookie: cookie, 'If-None-Match': etag, ...headers } });

/** Headers that belong to the answer rather than to what was answered. */
const comparable = (response: Response) => [...response.headers].filter(([name]) => !['x-request-id', 'date'].includes(name)).sort(([a], [b]) => a.localeCompare(b));

beforeAll(async () => {
  server = await startServer({ config: loadConfig({ ...(await testDatabaseEnv(join(dir, 'careloom.sqlite'))), CARELOOM_PORT: '0' }), seedDemoAccounts: true, revalidations: countingCache() });
  const admin = await login('care-admin');
  const unit = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
  const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
  therapist = await login('therapist');
  const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: 'Rita Revalidates', email: 'rita@example.org' } })).body as { invitation: { code: string } };
  patient = new HttpSession(server.url);
  const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'rita has a long password' });
  expect(redeemed.status).toBe(200);
  patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
  const first = await fetch(`${server.url}${MODULE}`, { headers: { Cookie: patient.cookie } });
  expect(first.status).toBe(200);
  etag = first.headers.get('etag')!;
  await first.arrayBuffer();
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('revalidating a module version', () => {
  it('repeats the app’s 304 with the same headers, a new request id, for a second', async () => {
    const fromApp = await revalidate(patient.cookie);
    expect(fromApp.status).toBe(304);
    expect(shortcuts).toBe(0);
    const repeated = await revalidate(patient.cookie);
    expect(repeated.status).toBe(304);
    expect(shortcuts).toBe(1);
    expect(comparable(repeated)).toEqual(comparable(fromApp));
    // Both carry only what RFC 9110 gives a 304 (app.ts registers http/not-modified-headers.ts),
    // besides the connection's own fields, which Node adds.
    expect(comparable(fromApp).map(([name]) => name)).toEqual(['cache-control', 'connection', 'etag', 'keep-alive']);
    expect(repeated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(repeated.headers.get('x-request-id')).not.toBe(fromApp.headers.get('x-request-id'));

    clockMs += 1000;
    expect((await revalidate(patient.cookie)).status).toBe(304);
    expect(shortcuts).toBe(1);
    expect((await revalidate(patient.cookie)).status).toBe(304);
    expect(shortcuts).toBe(2);
  });

  it('answers a changed entity tag, another person, or a request with its own id through the app', async () => {
    const before = shortcuts;
    const changed = await fetch(`${server.url}${MODULE}`, { headers: { Cookie: patient.cookie, 'If-None-Match': '"something-else"' } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
    const staff = await revalidate(therapist.cookie);
    expect(staff.status).not.toBe(304);
    await staff.arrayBuffer();
    const ownId = await revalidate(patient.cookie, { 'X-Request-Id': 'client-chosen-id' });
    expect(ownId.status).toBe(304);
    expect(ownId.headers.get('x-request-id')).toBe('client-chosen-id');
    expect(shortcuts).toBe(before);
  });

  it('sends the first request after a logout to the app, which refuses it', async () => {
    expect((await revalidate(patient.cookie)).status).toBe(304);
    const endedCookie = patient.cookie;
    const before = shortcuts;
    expect((await patient.call('POST', '/api/auth/logout')).status).toBe(204);
    const afterLogout = await revalidate(endedCookie);
    expect(afterLogout.status).toBe(401);
    await afterLogout.arrayBuffer();
    expect(shortcuts).toBe(before);
  });
});
