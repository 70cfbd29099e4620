import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../clock.js';
import { createSequentialIds } from '../../ids.js';
import { createSqliteAccountsStore } from '../../storage/sqlite/accounts-store.js';
import { openDatabase } from '../../storage/sqlite/open-database.js';
import type { AccountsStore } from './accounts-store.js';
import { createAuthenticationService, DEFAULT_SESSION_POLICY } from './authentication-service.js';
import { createLoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hasher.js';
import { createSessionCache } from './session-cache.js';
import { createSessionRevokedHub } from './session-revoked.js';

const plainHasher: PasswordHasher = { hash: async (password) => `plain:${password}`, verify: async (password, hash) => hash === `plain:${password}` };
const context = { ip: '198.51.100.7' };

/** An authentication service over a real SQLite store whose reads are counted, with a hand-driven monotonic clock for the cache. */
async function setup(ttlMs = 1000) {
  const clock = createTestClock('2026-03-01T08:00:00.000Z');
  const { db } = openDatabase({ file: ':memory:' });
  const real = createSqliteAccountsStore(db, { ids: createSequentialIds('audit') });
  const reads = { findSession: 0, findPerson: 0, listMemberships: 0 };
  const store: AccountsStore = {
    ...real,
    findSession: (id) => (reads.findSession++, real.findSession(id)),
    findPerson: (id) => (reads.findPerson++, real.findPerson(id)),
    listMemberships: (id) => (reads.listMemberships++, real.listMemberships(id)),
  };
  let monotonic = 0;
  const sessionCache = createSessionCache({ ttlMs, monotonicMs: () => monotonic });
  const sessionRevoked = createSessionRevokedHub();
  const authentication = createAuthenticationService({ store, hasher: plainHasher, throttle: createLoginThrottle(() => clock.now().getTime()), sessionRevoked, clock, sessionCache });
  const at = clock.now().toISOString();
  const organisation = await real.createOrganisation({ id: 'org-1', slug: 'care', name: 'Care', kind: 'care_provider', createdAt: at }, { at });
  const person = await real.createPersonWithMemberships({ id: 'person-1', email: 'ada@example.org', name: 'Ada', passwordHash: 'plain:correct horse battery', createdAt: at }, organisation.id, [{ role: 'care_provider_admin' }], { at });
  const login = await authentication.login({ email: 'ada@example.org', password: 'correct horse battery' }, context);
  // No second factor is asked for here: the login is a session.
  if ('secondFactor' in login) throw new Error('The login asked for a second factor.');
  return { clock, real, reads, sessionCache, sessionRevoked, authentication, organisation, person, login, advanceMonotonic: (ms: number) => (monotonic += ms) };
}

describe('the session cache', () => {
  it('reads the session and person once per second, and the memberships on every request', async () => {
    const t = await setup();
    for (let i = 0; i < 5; i++) expect((await t.authentication.resolveSession(t.login.token, context))?.principal.personId).toBe(t.person.id);
    expect(t.reads).toEqual({ findSession: 1, findPerson: 1, listMemberships: 6 });
    t.advanceMonotonic(1000);
    await t.authentication.resolveSession(t.login.token, context);
    expect(t.reads.findSession).toBe(2);
  });

  it('sees a role granted a moment ago on the next request', async () => {
    const t = await setup();
    await t.authentication.resolveSession(t.login.token, context);
    await t.real.grantRole(t.organisation.id, t.person.id, { role: 'data_admin' }, { at: t.clock.now().toISOString() });
    const principal = (await t.authentication.resolveSession(t.login.token, context))!.principal;
    expect(principal.memberships.map((membership) => membership.role).sort()).toEqual(['care_provider_admin', 'data_admin']);
  });

  it('lets no request in after a logout in this process', async () => {
    const t = await setup();
    const resolved = (await t.authentication.resolveSession(t.login.token, context))!;
    await t.authentication.logout(resolved.principal, context);
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeUndefined();
  });

  it('forgets a person at once on any revocation this process hears of (disabling, another process via the hub)', async () => {
    const t = await setup();
    await t.authentication.resolveSession(t.login.token, context);
    // Another writer ends the session without this process's services (as another process would) …
    await t.real.deleteSessionsOfPerson(t.person.id, { at: t.clock.now().toISOString() });
    // … the cached entry still answers within its second …
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeDefined();
    // … until the revocation is heard, or the second is over.
    t.sessionRevoked.emit({ personId: t.person.id, reason: 'disabled' });
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeUndefined();
  });

  it('honours a revocation made elsewhere within the time to live even when nobody tells this process', async () => {
    const t = await setup();
    await t.authentication.resolveSession(t.login.token, context);
    await t.real.deleteSessionsOfPerson(t.person.id, { at: t.clock.now().toISOString() });
    t.advanceMonotonic(999);
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeDefined();
    t.advanceMonotonic(1);
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeUndefined();
  });

  it('still ends an idle session and a session past its lifetime when the entry is cached', async () => {
    const t = await setup(60 * 60_000);
    await t.authentication.resolveSession(t.login.token, context);
    t.clock.advance(DEFAULT_SESSION_POLICY.idleMs);
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeUndefined();
    expect(await t.real.findSession(t.login.principal.sessionId)).toBeUndefined();
    expect(t.sessionCache.size).toBe(0);
  });

  it('ends a session at its absolute lifetime even while it is busy and cached', async () => {
    const t = await setup(60 * 60_000);
    while (Date.parse(t.login.expiresAt) - t.clock.now().getTime() > DEFAULT_SESSION_POLICY.idleMs / 2) {
      t.clock.advance(DEFAULT_SESSION_POLICY.idleMs / 2);
      await t.authentication.resolveSession(t.login.token, context);
    }
    t.clock.set(new Date(Date.parse(t.login.expiresAt) - 1));
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeDefined();
    t.clock.advance(1);
    expect(await t.authentication.resolveSession(t.login.token, context)).toBeUndefined();
  });

  it('keeps touching the session while cached, so a busy session does not go idle', async () => {
    const t = await setup(60 * 60_000);
    // Three days of a request every half idle period: each one must find the session alive.
    for (let period = 1; period <= 12; period++) {
      t.clock.advance(DEFAULT_SESSION_POLICY.idleMs / 2);
      expect(await t.authentication.resolveSession(t.login.token, context), `after ${period} half idle periods`).toBeDefined();
    }
    const stored = await t.real.findSession(t.login.principal.sessionId);
    expect(stored!.lastSeenAt).toBe(t.clock.now().toISOString());
  });

  it('holds at most maxEntries sessions, dropping the oldest', () => {
    const cache = createSessionCache({ maxEntries: 2, monotonicMs: () => 0 });
    const entry = (id: string) => ({ session: { id, personId: `p-${id}`, csrfToken: 'c', createdAt: '', lastSeenAt: '', expiresAt: '' }, person: { id: `p-${id}`, email: '', name: '', createdAt: '' } });
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.set('c', entry('c'));
    expect([cache.get('a'), cache.get('b')?.session.id, cache.get('c')?.session.id]).toEqual([undefined, 'b', 'c']);
    expect(() => createSessionCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
