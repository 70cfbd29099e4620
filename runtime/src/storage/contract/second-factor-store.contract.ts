import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore, AuditContext, Organisation } from '../../domain/accounts/accounts-store.js';
import { isDomainError } from '../../domain/errors.js';
import type { SecondFactorStore } from '../../domain/second-factor/second-factor-store.js';
import type { AuditEntry } from '../types.js';

export interface SecondFactorStoreHarness {
  secondFactors: SecondFactorStore;
  /** The accounts store on the same storage: people, organisations and memberships. */
  accounts: AccountsStore;
  readAudit(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'ann', ip: '192.0.2.7', requestId: 'req-1' };
const care: Organisation = { id: 'care-x', slug: 'care-x', name: 'Care X', kind: 'care_provider', createdAt: at };
const person = (id: string) => ({ id, email: `${id}@example.org`, name: id, passwordHash: 'scrypt$1$1$1$s$h', createdAt: at });

/** Behaviour every SecondFactorStore implementation must have. */
export function runSecondFactorStoreContract(name: string, open: () => Promise<SecondFactorStoreHarness>): void {
  describe(`SecondFactorStore contract: ${name}`, () => {
    let h: SecondFactorStoreHarness;
    beforeEach(async () => {
      h = await open();
      await h.accounts.createOrganisation(care, context);
      await h.accounts.createPersonWithMemberships(person('ann'), care.id, [{ role: 'therapist' }], context);
      await h.accounts.createPersonWithMemberships(person('pat'), care.id, [{ role: 'patient', unitId: 'unit-1' }], context);
    });
    afterEach(async () => h.close());

    it('enrols, confirms once with recovery codes, and accepts each later step once', async () => {
      await h.secondFactors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed-1', at, audit: context });
      await h.secondFactors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed-2', at, audit: context });
      expect(await h.secondFactors.find('ann')).toEqual({ personId: 'ann', secretSealed: 'sealed-2', createdAt: at, confirmedAt: null, lastStep: null, recoveryCodesLeft: 0 });
      expect(await h.secondFactors.acceptStep({ personId: 'ann', step: 100, audit: context })).toBe(false);
      expect(await h.secondFactors.confirmEnrolment({ personId: 'ann', step: 100, recoveryCodeHashes: ['h1', 'h2', 'h2'], at, audit: context })).toBe(true);
      expect(await h.secondFactors.confirmEnrolment({ personId: 'ann', step: 101, recoveryCodeHashes: ['h3'], at, audit: context })).toBe(false);
      expect(await h.secondFactors.find('ann')).toMatchObject({ confirmedAt: at, lastStep: 100, recoveryCodesLeft: 2 });
      const rejected = await h.secondFactors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed-3', at, audit: context }).catch((error: unknown) => error);
      expect(isDomainError(rejected, 'conflict')).toBe(true);

      expect(await h.secondFactors.acceptStep({ personId: 'ann', step: 100, audit: context })).toBe(false);
      expect(await h.secondFactors.acceptStep({ personId: 'ann', step: 99, audit: context })).toBe(false);
      const both = await Promise.all([h.secondFactors.acceptStep({ personId: 'ann', step: 101, audit: context }), h.secondFactors.acceptStep({ personId: 'ann', step: 101, audit: context })]);
      expect(both.filter(Boolean)).toHaveLength(1);

      expect(await h.secondFactors.useRecoveryCode({ personId: 'ann', codeHash: 'h1', at, audit: context })).toBe(true);
      expect(await h.secondFactors.useRecoveryCode({ personId: 'ann', codeHash: 'h1', at, audit: context })).toBe(false);
      expect(await h.secondFactors.useRecoveryCode({ personId: 'ann', codeHash: 'nope', at, audit: context })).toBe(false);
      expect((await h.secondFactors.find('ann'))?.recoveryCodesLeft).toBe(1);

      expect(await h.secondFactors.remove({ personId: 'ann', audit: context })).toBe(true);
      expect(await h.secondFactors.remove({ personId: 'ann', audit: context })).toBe(false);
      expect(await h.secondFactors.find('ann')).toBeUndefined();
      const actions = (await h.readAudit()).map((entry) => entry.action).filter((action) => action.startsWith('second_factor.'));
      expect(actions).toEqual(['second_factor.enrolment_start', 'second_factor.enrolment_start', 'second_factor.enable', 'second_factor.verify', 'second_factor.verify', 'second_factor.disable']);
      expect(JSON.stringify(await h.readAudit())).not.toMatch(/sealed-|"h1"|"h2"/);
    });

    it('an organisation\'s rule applies to its staff, not to its patients', async () => {
      expect(await h.secondFactors.getPolicy(care.id)).toEqual({ organisationId: care.id, required: false, updatedAt: null });
      expect(await h.secondFactors.setPolicy({ organisationId: care.id, required: true, at, audit: context })).toEqual({ organisationId: care.id, required: true, updatedAt: at, peopleAffected: [] });
      expect(await h.secondFactors.requiredFor('ann')).toBe(true);
      expect(await h.secondFactors.requiredFor('pat')).toBe(false);
      await h.secondFactors.setPolicy({ organisationId: care.id, required: false, at, audit: context });
      expect(await h.secondFactors.requiredFor('ann')).toBe(false);
      await h.secondFactors.recordRefused({ personId: 'ann', reason: 'replayed', audit: context });
      const audit = await h.readAudit();
      expect(audit.filter((entry) => entry.action === 'organisation.second_factor_policy').map((entry) => [entry.organisationId, entry.details])).toEqual([[care.id, { required: true, sessionsLimited: 0 }], [care.id, { required: false, sessionsFreed: 0 }]]);
      expect(audit.find((entry) => entry.action === 'second_factor.refused')?.details).toEqual({ reason: 'replayed' });
    });
  
    it('reaches open sessions: turned on, password sessions of staff without a second factor owe one until they enrol or the rule is off', async () => {
      const other: Organisation = { id: 'care-y', slug: 'care-y', name: 'Care Y', kind: 'care_provider', createdAt: at };
      await h.accounts.createOrganisation(other, context);
      await h.accounts.createPersonWithMemberships(person('bo'), care.id, [{ role: 'permissions_admin' }], context);
      await h.accounts.createPersonWithMemberships(person('cy'), care.id, [{ role: 'therapist' }], context);
      await h.accounts.createPersonWithMemberships(person('dee'), other.id, [{ role: 'therapist' }], context);
      const open = (id: string, personId: string, signInMethod?: 'oidc') =>
        h.accounts.createSession({ id, personId, csrfToken: `csrf-${id}`, createdAt: at, expiresAt: '2026-03-08T08:00:00.000Z', lastSeenAt: at, ...(signInMethod ? { signInMethod } : {}) }, context);
      await open('s-ann-1', 'ann');
      await open('s-ann-2', 'ann');
      await open('s-bo', 'bo');
      await open('s-cy-oidc', 'cy', 'oidc');
      await open('s-pat', 'pat');
      await open('s-dee', 'dee');
      // bo has a second factor already.
      await h.secondFactors.beginEnrolment({ personId: 'bo', secretSealed: 'sealed-bo', at, audit: context });
      await h.secondFactors.confirmEnrolment({ personId: 'bo', step: 1, recoveryCodeHashes: ['hb'], at, audit: context });
      const owed = async () => {
        const ids = ['s-ann-1', 's-ann-2', 's-bo', 's-cy-oidc', 's-pat', 's-dee'];
        const sessions = await Promise.all(ids.map((id) => h.accounts.findSession(id)));
        return ids.filter((_, index) => sessions[index]?.secondFactorOwed === true);
      };
      expect(await owed()).toEqual([]);

      const on = await h.secondFactors.setPolicy({ organisationId: care.id, required: true, at, audit: context });
      expect(on.peopleAffected).toEqual(['ann']);
      // Not bo (has one), not cy (signed in at an identity provider), not the patient, not another organisation's staff.
      expect(await owed()).toEqual(['s-ann-1', 's-ann-2']);
      // Turning it on again changes nothing more.
      expect((await h.secondFactors.setPolicy({ organisationId: care.id, required: true, at, audit: context })).peopleAffected).toEqual([]);

      // ann enrols: both her sessions are free again, in the same write.
      await h.secondFactors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed-ann', at, audit: context });
      expect(await owed()).toEqual(['s-ann-1', 's-ann-2']);
      await h.secondFactors.confirmEnrolment({ personId: 'ann', step: 5, recoveryCodeHashes: ['ha'], at, audit: context });
      expect(await owed()).toEqual([]);
      const enabled = (await h.readAudit()).filter((entry) => entry.action === 'second_factor.enable' && entry.objectId === 'ann');
      expect(enabled.map((entry) => entry.details)).toEqual([{ method: 'totp', recoveryCodes: 1, sessionsFreed: 2 }]);

      // Turned off: freed, except for someone another organisation still requires it of.
      await h.secondFactors.remove({ personId: 'ann', audit: context });
      await h.accounts.grantRole(care.id, 'dee', { role: 'therapist' }, context);
      await h.secondFactors.setPolicy({ organisationId: care.id, required: true, at, audit: context });
      await h.secondFactors.setPolicy({ organisationId: other.id, required: true, at, audit: context });
      expect(await owed()).toEqual(['s-ann-1', 's-ann-2', 's-dee']);
      const off = await h.secondFactors.setPolicy({ organisationId: care.id, required: false, at, audit: context });
      expect(off.peopleAffected).toEqual(['ann']);
      expect(await owed()).toEqual(['s-dee']);
      const audit = (await h.readAudit()).filter((entry) => entry.action === 'organisation.second_factor_policy').map((entry) => entry.details);
      expect(audit.at(-1)).toEqual({ required: false, sessionsFreed: 2 });
    });

    it('a mark left beside a confirmed second factor (the rule and the enrolment crossing) does not hold the session back', async () => {
      await h.secondFactors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed-ann', at, audit: context });
      await h.secondFactors.confirmEnrolment({ personId: 'ann', step: 1, recoveryCodeHashes: ['ha'], at, audit: context });
      // The state two crossing transactions can leave on PostgreSQL: the mark written although the factor is confirmed.
      await h.accounts.createSession({ id: 's-ann-marked', personId: 'ann', csrfToken: 'csrf-m', createdAt: at, expiresAt: '2026-03-08T08:00:00.000Z', lastSeenAt: at, secondFactorOwed: true }, context);
      await h.accounts.createSession({ id: 's-pat-marked', personId: 'pat', csrfToken: 'csrf-p', createdAt: at, expiresAt: '2026-03-08T08:00:00.000Z', lastSeenAt: at, secondFactorOwed: true }, context);
      expect(await h.accounts.findSession('s-ann-marked')).toMatchObject({ id: 's-ann-marked', personId: 'ann' });
      expect((await h.accounts.findSession('s-ann-marked'))?.secondFactorOwed).toBeUndefined();
      // Without a confirmed factor the mark holds (pat), and it holds again once ann's factor is removed.
      expect((await h.accounts.findSession('s-pat-marked'))?.secondFactorOwed).toBe(true);
      await h.secondFactors.remove({ personId: 'ann', audit: context });
      expect((await h.accounts.findSession('s-ann-marked'))?.secondFactorOwed).toBe(true);
      // An enrolment begun but not confirmed is no second factor yet.
      await h.secondFactors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed-ann-2', at, audit: context });
      expect((await h.accounts.findSession('s-ann-marked'))?.secondFactorOwed).toBe(true);
    });

    it('reaches someone who joins while signed in: a staff role in an organisation that requires it marks their password sessions until they enrol or leave', async () => {
      const other: Organisation = { id: 'care-y', slug: 'care-y', name: 'Care Y', kind: 'care_provider', createdAt: at };
      await h.accounts.createOrganisation(other, context);
      await h.accounts.createPersonWithMemberships(person('eve'), other.id, [{ role: 'therapist' }], context);
      await h.accounts.createPersonWithMemberships(person('fay'), other.id, [{ role: 'therapist' }], context);
      const open = (id: string, personId: string, signInMethod?: 'oidc') =>
        h.accounts.createSession({ id, personId, csrfToken: `csrf-${id}`, createdAt: at, expiresAt: '2026-03-08T08:00:00.000Z', lastSeenAt: at, ...(signInMethod ? { signInMethod } : {}) }, context);
      await open('s-eve', 'eve');
      await open('s-eve-oidc', 'eve', 'oidc');
      await open('s-fay', 'fay');
      await h.secondFactors.beginEnrolment({ personId: 'fay', secretSealed: 'sealed-fay', at, audit: context });
      await h.secondFactors.confirmEnrolment({ personId: 'fay', step: 1, recoveryCodeHashes: ['hf'], at, audit: context });
      await h.secondFactors.setPolicy({ organisationId: care.id, required: true, at, audit: context });
      const owed = async () => {
        const ids = ['s-eve', 's-eve-oidc', 's-fay'];
        const sessions = await Promise.all(ids.map((id) => h.accounts.findSession(id)));
        return ids.filter((_, index) => sessions[index]?.secondFactorOwed === true);
      };
      expect(await owed()).toEqual([]);

      // A patient role there changes nothing; a staff role does, for the password session only.
      await h.accounts.grantRole(care.id, 'eve', { role: 'patient', unitId: 'unit-1' }, context);
      expect(await owed()).toEqual([]);
      await h.accounts.addMember(care.id, 'eve', [{ role: 'therapist' }], context);
      await h.accounts.grantRole(care.id, 'fay', { role: 'therapist' }, context);
      // Not fay: she has a second factor already.
      expect(await owed()).toEqual(['s-eve']);

      // Losing the last staff role there frees the session again.
      const keep = { roles: [] };
      expect(await h.accounts.revokeRole(care.id, 'eve', { role: 'therapist' }, keep, context)).toBe(true);
      expect(await owed()).toEqual([]);
    });
  });
}
