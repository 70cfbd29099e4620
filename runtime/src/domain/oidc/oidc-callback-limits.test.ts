import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../clock.js';
import { openDatabase } from '../../storage/sqlite/open-database.js';
import { createSqliteRateLimits } from '../../storage/sqlite/sqlite-rate-limits.js';
import type { ExternalIdentityStore } from './external-identity-store.js';
import { OidcCallbackError, type OidcProviderPort } from './oidc-provider-port.js';
import { createOidcSignInService, OIDC_CALLBACK_LIMITS, type OidcSignInDeps } from './oidc-sign-in.js';

/** A provider whose token endpoint refuses every code, counting how often it is asked. */
function refusingProvider() {
  let exchanges = 0;
  const port: OidcProviderPort = {
    issuer: 'https://id.example.org',
    displayName: 'Test e-ID',
    identityClaim: 'sub',
    redirectUri: () => 'https://careloom.example.org/api/auth/oidc/callback',
    authorizationUrl: async ({ state }) => `https://id.example.org/auth?state=${state}`,
    exchange: async () => {
      exchanges++;
      throw new OidcCallbackError('failed', 'invalid_grant');
    },
    endSessionUrl: async () => undefined,
  };
  return { port, exchanges: () => exchanges };
}

/** The sign-in service with only what a refused callback touches; the limits counted in one database for two "processes". */
function services() {
  const { db } = openDatabase({ file: ':memory:', now: () => new Date() });
  const clock = createTestClock('2026-03-02T08:00:00Z');
  const provider = refusingProvider();
  const refusals: string[] = [];
  const deps = {
    provider: provider.port,
    identities: { recordRefusedSignIn: async ({ reason }: { reason: string }) => void refusals.push(reason) } as unknown as ExternalIdentityStore,
    sealer: { seal: (text: string) => text, open: (text: string) => text },
    clock,
    publicUrl: () => 'https://careloom.example.org',
  } as unknown as OidcSignInDeps;
  const one = createOidcSignInService({ ...deps, rateLimits: createSqliteRateLimits(db) });
  const two = createOidcSignInService({ ...deps, rateLimits: createSqliteRateLimits(db) });
  const callback = async (service: typeof one, ip: string) => {
    const { authorizationUrl, flow } = await service.begin({ app: 'clinic' }, undefined);
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    return service.complete({ callbackUrl: new URL(`https://careloom.example.org/api/auth/oidc/callback?code=x&state=${state}`), flow, principal: undefined }, { ip });
  };
  return { one, two, callback, provider, refusals, clock };
}

describe('the OpenID Connect callback limits, counted in the database', () => {
  it('stops a client address after its callbacks per window on every process, without asking the provider, and lets it in again after the window', async () => {
    const { one, two, callback, provider, clock } = services();
    for (let index = 0; index < OIDC_CALLBACK_LIMITS.limit; index++) {
      expect(await callback(index % 2 === 0 ? one : two, '198.51.100.7')).toMatchObject({ ok: false, reason: 'failed' });
    }
    expect(provider.exchanges()).toBe(OIDC_CALLBACK_LIMITS.limit);
    expect(await callback(one, '198.51.100.7')).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await callback(two, '198.51.100.7')).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(provider.exchanges()).toBe(OIDC_CALLBACK_LIMITS.limit);
    // Another address is not held, and the window ends.
    expect(await callback(two, '203.0.113.9')).toMatchObject({ reason: 'failed' });
    clock.advance(OIDC_CALLBACK_LIMITS.windowMs);
    expect(await callback(one, '198.51.100.7')).toMatchObject({ reason: 'failed' });
  });

  it('completes a flow once, whichever process its callback reaches', async () => {
    const { one, two, provider } = services();
    const { authorizationUrl, flow } = await one.begin({ app: 'patient' }, undefined);
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const callbackUrl = new URL(`https://careloom.example.org/api/auth/oidc/callback?code=x&state=${state}`);
    await one.complete({ callbackUrl, flow, principal: undefined }, { ip: '198.51.100.8' });
    expect(provider.exchanges()).toBe(1);
    expect(await two.complete({ callbackUrl, flow, principal: undefined }, { ip: '198.51.100.9' })).toMatchObject({ ok: false, reason: 'failed' });
    expect(provider.exchanges()).toBe(1);
  });
});
