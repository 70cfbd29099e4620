import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore, AuditContext } from '../../domain/accounts/accounts-store.js';
import type { ExternalIdentityStore } from '../../domain/oidc/external-identity-store.js';
import { isDomainError } from '../../domain/errors.js';
import type { AuditEntry } from '../types.js';

export interface ExternalIdentityStoreHarness {
  identities: ExternalIdentityStore;
  /** The accounts store on the same storage: the people, and sessions with their sign-in method. */
  accounts: AccountsStore;
  readAudit(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, ip: '192.0.2.7', requestId: 'req-1' };
const issuer = 'https://idp.example.org';
const digest = (n: number) => `${String(n).repeat(64)}`.slice(0, 64);
const person = (id: string) => ({ id, email: `${id}@example.org`, name: id, passwordHash: 'scrypt$1$1$1$s$h', createdAt: at });

/** Behaviour every ExternalIdentityStore implementation must have. */
export function runExternalIdentityStoreContract(name: string, open: () => Promise<ExternalIdentityStoreHarness>): void {
  describe(`ExternalIdentityStore contract: ${name}`, () => {
    let h: ExternalIdentityStoreHarness;
    beforeEach(async () => {
      h = await open();
      await h.accounts.createPersonWithMemberships(person('ann'), undefined, [], context);
      await h.accounts.createPersonWithMemberships(person('bo'), undefined, [], context);
    });
    afterEach(async () => h.close());

    it('links an identity once, finds the person by it, and audits the link without the claim', async () => {
      expect(await h.identities.findByDigest(digest(1))).toBeUndefined();
      expect(await h.identities.link({ identity: { issuer, subjectDigest: digest(1) }, personId: 'ann', at, audit: { ...context, actorId: 'ann' } })).toBe(true);
      expect(await h.identities.link({ identity: { issuer, subjectDigest: digest(1) }, personId: 'ann', at, audit: context })).toBe(false);
      expect(await h.identities.findByDigest(digest(1))).toEqual({ issuer, subjectDigest: digest(1), personId: 'ann', linkedAt: at });
      expect(await h.identities.listOfPerson('ann')).toEqual([{ issuer, subjectDigest: digest(1), personId: 'ann', linkedAt: at }]);
      expect(await h.identities.listOfPerson('bo')).toEqual([]);
      const links = (await h.readAudit()).filter((entry) => entry.action === 'identity.link');
      expect(links).toEqual([expect.objectContaining({ actorId: 'ann', objectType: 'external_identity', details: { personId: 'ann', issuer } })]);
      expect(JSON.stringify(links)).not.toContain(digest(1));
    });

    it('refuses an identity linked to someone else, and a person who does not exist', async () => {
      await h.identities.link({ identity: { issuer, subjectDigest: digest(2) }, personId: 'ann', at, audit: context });
      const taken = await h.identities.link({ identity: { issuer, subjectDigest: digest(2) }, personId: 'bo', at, audit: context }).catch((error: unknown) => error);
      expect(isDomainError(taken, 'conflict')).toBe(true);
      const nobody = await h.identities.link({ identity: { issuer, subjectDigest: digest(3) }, personId: 'nobody', at, audit: context }).catch((error: unknown) => error);
      expect(isDomainError(nobody, 'not_found')).toBe(true);
      expect((await h.identities.findByDigest(digest(2)))?.personId).toBe('ann');
      expect(await h.identities.findByDigest(digest(3))).toBeUndefined();
      expect((await h.readAudit()).filter((entry) => entry.action === 'identity.link')).toHaveLength(1);
    });

    it('two links of one identity at once give one link and one conflict', async () => {
      const results = await Promise.allSettled([
        h.identities.link({ identity: { issuer, subjectDigest: digest(4) }, personId: 'ann', at, audit: context }),
        h.identities.link({ identity: { issuer, subjectDigest: digest(4) }, personId: 'bo', at, audit: context }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((result) => result.status === 'rejected' && isDomainError(result.reason, 'conflict'))).toHaveLength(1);
    });

    it('keeps the hint of an identity, never more than it was given', async () => {
      await h.identities.link({ identity: { issuer, subjectDigest: digest(5), hint: '2391' }, personId: 'ann', at, audit: context });
      expect(await h.identities.listOfPerson('ann')).toEqual([{ issuer, subjectDigest: digest(5), hint: '2391', personId: 'ann', linkedAt: at }]);
    });

    it('unlinks one of the person\'s own identities by its label, audited without the claim', async () => {
      await h.identities.link({ identity: { issuer, subjectDigest: digest(6) }, personId: 'ann', at, audit: context });
      await h.identities.link({ identity: { issuer, subjectDigest: digest(7) }, personId: 'ann', at, audit: context });
      // Bo cannot name Ann's link: not found, and Ann keeps it.
      expect(await h.identities.unlink({ personId: 'bo', label: digest(6).slice(0, 12), at, audit: { ...context, actorId: 'bo' } })).toBe('not_found');
      expect(await h.identities.unlink({ personId: 'ann', label: 'f'.repeat(12), at, audit: context })).toBe('not_found');
      expect(await h.identities.unlink({ personId: 'ann', label: digest(6).slice(0, 12), at, audit: { ...context, actorId: 'ann' } })).toBe('unlinked');
      expect(await h.identities.unlink({ personId: 'ann', label: digest(6).slice(0, 12), at, audit: context })).toBe('not_found');
      expect((await h.identities.listOfPerson('ann')).map((link) => link.subjectDigest)).toEqual([digest(7)]);
      expect(await h.identities.findByDigest(digest(6))).toBeUndefined();
      const unlinks = (await h.readAudit()).filter((entry) => entry.action === 'identity.unlink');
      expect(unlinks).toEqual([expect.objectContaining({ actorId: 'ann', objectType: 'external_identity', objectId: digest(6).slice(0, 12), details: { personId: 'ann', issuer, identitiesLeft: 1 } })]);
      expect(JSON.stringify(unlinks)).not.toContain(digest(6));
      // Ann has a password of her own: her last identity may go too.
      expect(await h.identities.unlink({ personId: 'ann', label: digest(7).slice(0, 12), at, audit: context })).toBe('unlinked');
      expect(await h.identities.listOfPerson('ann')).toEqual([]);
    });

    it('refuses to unlink the last way in of an account without a password of its own, even two at once', async () => {
      await h.accounts.createPersonWithMemberships({ ...person('cy'), passwordChosen: false }, undefined, [], context);
      await h.identities.link({ identity: { issuer, subjectDigest: digest(8) }, personId: 'cy', at, audit: context });
      expect(await h.identities.unlink({ personId: 'cy', label: digest(8).slice(0, 12), at, audit: context })).toBe('last_way_in');
      await h.identities.link({ identity: { issuer: 'https://other-idp.example.org', subjectDigest: digest(9) }, personId: 'cy', at, audit: context });
      const both = await Promise.all([
        h.identities.unlink({ personId: 'cy', label: digest(8).slice(0, 12), at, audit: context }),
        h.identities.unlink({ personId: 'cy', label: digest(9).slice(0, 12), at, audit: context }),
      ]);
      expect(both.sort()).toEqual(['last_way_in', 'unlinked']);
      expect(await h.identities.listOfPerson('cy')).toHaveLength(1);
      expect((await h.readAudit()).filter((entry) => entry.action === 'identity.unlink')).toHaveLength(1);
    });

    it('records a refused sign-in with its reason only', async () => {
      await h.identities.recordRefusedSignIn({ issuer, reason: 'unknown_identity', audit: context });
      await h.identities.recordRefusedSignIn({ issuer, reason: 'account_disabled', personId: 'bo', audit: { ...context, actorId: 'bo' } });
      expect((await h.readAudit()).filter((entry) => entry.action === 'auth.oidc_refused').map((entry) => [entry.objectId, entry.details])).toEqual([
        [null, { issuer, reason: 'unknown_identity' }],
        ['bo', { issuer, reason: 'account_disabled' }],
      ]);
    });

    it('keeps how a session was started, and audits the sign-in with it', async () => {
      const session = { id: 'a'.repeat(64), personId: 'ann', csrfToken: 'csrf', createdAt: at, lastSeenAt: at, expiresAt: '2026-03-08T08:00:00.000Z' };
      await h.accounts.createSession({ ...session, signInMethod: 'oidc' }, { ...context, actorId: 'ann' });
      await h.accounts.createSession({ ...session, id: 'b'.repeat(64) }, { ...context, actorId: 'ann' });
      expect((await h.accounts.findSession('a'.repeat(64)))?.signInMethod).toBe('oidc');
      expect((await h.accounts.findSession('b'.repeat(64)))?.signInMethod).toBeUndefined();
      expect((await h.readAudit()).filter((entry) => entry.action === 'auth.login').map((entry) => entry.details.method)).toEqual(['oidc', 'password']);
    });
  });
}
