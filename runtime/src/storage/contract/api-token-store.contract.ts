import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore, AuditContext, Organisation } from '../../domain/accounts/accounts-store.js';
import type { ApiTokenRecord, ApiTokenStore } from '../../domain/api-tokens/api-token-store.js';
import type { AuditEntry } from '../types.js';

export interface ApiTokenStoreHarness {
  tokens: ApiTokenStore;
  /** The accounts store on the same storage, to set up the organisation and the admin. */
  accounts: AccountsStore;
  readAudit(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'person-admin', actorRole: 'care_provider_admin', ip: '192.0.2.7', requestId: 'req-1' };
const provider: Organisation = { id: 'care-x', slug: 'care-x', name: 'Care X', kind: 'care_provider', createdAt: at };
const other: Organisation = { id: 'care-y', slug: 'care-y', name: 'Care Y', kind: 'care_provider', createdAt: at };

const token = (id: string, overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord => ({
  id,
  organisationId: provider.id,
  name: `System ${id}`,
  tokenHash: `hash-of-${id}`,
  scopes: ['patient-data.read'],
  unitIds: null,
  createdBy: 'person-admin',
  createdAt: at,
  expiresAt: null,
  lastUsedAt: null,
  lastUsedIp: null,
  revokedAt: null,
  revokedBy: null,
  ...overrides,
});

/** Behaviour every ApiTokenStore implementation must have. */
export function runApiTokenStoreContract(name: string, open: () => Promise<ApiTokenStoreHarness>): void {
  describe(`ApiTokenStore contract: ${name}`, () => {
    let h: ApiTokenStoreHarness;
    beforeEach(async () => {
      h = await open();
      await h.accounts.createOrganisation(provider, context);
      await h.accounts.createOrganisation(other, context);
      await h.accounts.createPersonWithMemberships({ id: 'person-admin', email: 'admin@example.org', name: 'Admin', passwordHash: 'scrypt$1$1$1$s$h', createdAt: at }, provider.id, [{ role: 'care_provider_admin' }], context);
    });
    afterEach(async () => h.close());

    it('stores a token with its audit row and lists the provider\'s tokens newest first', async () => {
      await h.tokens.createToken({ token: token('t1', { unitIds: ['unit-a'] }), audit: context });
      await h.tokens.createToken({ token: token('t2', { createdAt: '2026-03-02T08:00:00.000Z', scopes: ['questionnaires.read', 'patient-data.read'] }), audit: context });
      await h.tokens.createToken({ token: token('t3', { organisationId: other.id }), audit: context });
      const listed = await h.tokens.listTokens(provider.id);
      expect(listed.map((entry) => entry.id)).toEqual(['t2', 't1']);
      expect(listed[1]).toEqual(token('t1', { unitIds: ['unit-a'] }));
      const rows = (await h.readAudit()).filter((entry) => entry.action === 'api_token.create');
      expect(rows.map((entry) => entry.objectId)).toEqual(['t1', 't2', 't3']);
      expect(JSON.stringify(rows)).not.toContain('hash-of');
    });

    it('refuses a second token with the same hash and keeps no audit row of it', async () => {
      await h.tokens.createToken({ token: token('t1'), audit: context });
      await expect(h.tokens.createToken({ token: token('t2', { tokenHash: 'hash-of-t1' }), audit: context })).rejects.toMatchObject({ code: 'conflict' });
      expect((await h.readAudit()).filter((entry) => entry.action === 'api_token.create')).toHaveLength(1);
    });

    it('a use records the last use and one audit row; unknown, revoked and expired tokens are not used', async () => {
      await h.tokens.createToken({ token: token('t1'), audit: context });
      await h.tokens.createToken({ token: token('t2', { expiresAt: '2026-03-05T00:00:00.000Z' }), audit: context });
      const used = await h.tokens.useToken({ tokenHash: 'hash-of-t1', at: '2026-03-03T10:00:00.000Z', ip: '198.51.100.1', requestId: 'req-use', path: '/fhir/r4/Observation' });
      expect(used).toMatchObject({ id: 't1', lastUsedAt: '2026-03-03T10:00:00.000Z' });
      expect((await h.tokens.listTokens(provider.id)).find((entry) => entry.id === 't1')).toMatchObject({ lastUsedAt: '2026-03-03T10:00:00.000Z', lastUsedIp: '198.51.100.1' });
      expect(await h.tokens.useToken({ tokenHash: 'hash-of-nothing', at: '2026-03-03T10:00:00.000Z', ip: null, requestId: null, path: '/' })).toBeUndefined();
      expect(await h.tokens.useToken({ tokenHash: 'hash-of-t2', at: '2026-03-05T00:00:00.000Z', ip: null, requestId: null, path: '/' })).toBeUndefined();
      expect(await h.tokens.revokeToken({ id: 't1', organisationId: other.id, at, audit: context })).toBe(false);
      expect(await h.tokens.revokeToken({ id: 't1', organisationId: provider.id, at: '2026-03-04T00:00:00.000Z', audit: context })).toBe(true);
      expect(await h.tokens.revokeToken({ id: 't1', organisationId: provider.id, at: '2026-03-04T00:00:00.000Z', audit: context })).toBe(false);
      expect(await h.tokens.useToken({ tokenHash: 'hash-of-t1', at: '2026-03-04T10:00:00.000Z', ip: null, requestId: null, path: '/' })).toBeUndefined();
      const audit = await h.readAudit();
      expect(audit.filter((entry) => entry.action === 'api_token.use').map((entry) => [entry.objectId, entry.organisationId, entry.requestId, entry.details])).toEqual([['t1', provider.id, 'req-use', { path: '/fhir/r4/Observation' }]]);
      expect(audit.filter((entry) => entry.action === 'api_token.revoke').map((entry) => entry.objectId)).toEqual(['t1']);
    });
  });
}
