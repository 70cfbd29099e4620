import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore, AuditContext, NewPerson, Organisation } from '../../domain/accounts/accounts-store.js';
import type { StaffStore } from '../../domain/accounts/staff-store.js';
import type { AuditEntry } from '../types.js';

export interface StaffStoreHarness {
  staff: StaffStore;
  /** The accounts store on the same storage, to set up organisations, people and roles. */
  accounts: AccountsStore;
  /** Creates a care unit of the organisation (care's business; not part of this port). */
  createUnit(id: string, organisationId: string): Promise<void>;
  readAudit(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'person-admin', actorRole: 'permissions_admin', ip: '192.0.2.7', requestId: 'req-1' };
const care: Organisation = { id: 'care-a', slug: 'care-a', name: 'Care A', kind: 'care_provider', createdAt: at };
const careB: Organisation = { id: 'care-b', slug: 'care-b', name: 'Care B', kind: 'care_provider', createdAt: at };
const person = (id: string, passwordChosen = true): NewPerson => ({ id, email: `${id}@example.org`, name: `Name of ${id}`, passwordHash: `hash-of-${id}`, createdAt: at, passwordChosen });
const mail = (id: string, to: string) => ({ id, to, subject: 'Choose a new password', text: 'Link: {{careloom:secret}}', secret: 'secret-token-value', organisationId: null, createdAt: at });
const hash = (n: number) => String(n).padStart(64, 'a');

/**
 * The behaviour every StaffStore implementation must have (domain/accounts/staff-store.ts).
 *
 * @example
 * runStaffStoreContract('sqlite in memory', async () => harness(':memory:'));
 */
export function runStaffStoreContract(name: string, create: () => Promise<StaffStoreHarness>): void {
  describe(`StaffStore contract: ${name}`, () => {
    let h: StaffStoreHarness;
    beforeEach(async () => {
      h = await create();
      await h.accounts.createOrganisation(care, { at });
      await h.accounts.createOrganisation(careB, { at });
      await h.accounts.createPersonWithMemberships(person('person-admin'), care.id, [{ role: 'permissions_admin' }], { at });
      await h.accounts.createPersonWithMemberships(person('person-tess'), care.id, [{ role: 'therapist' }], { at });
      await h.accounts.createPersonWithMemberships(person('person-dana'), care.id, [{ role: 'data_admin' }], { at });
      await h.accounts.createPersonWithMemberships(person('person-new', false), undefined, [], { at });
      await h.createUnit('unit-a', care.id);
      await h.createUnit('unit-b', careB.id);
      return () => h.close();
    });

    it('assigns a holder of the therapist role to a unit once, with an audit row, and lists it in the directory', async () => {
      expect(await h.staff.assignTherapist({ unitId: 'unit-a', personId: 'person-tess', audit: context })).toBe(true);
      expect(await h.staff.assignTherapist({ unitId: 'unit-a', personId: 'person-tess', audit: context })).toBe(false);
      expect(await h.staff.isTherapistOfUnit('unit-a', 'person-tess')).toBe(true);
      const directory = await h.staff.staffDirectory(care.id);
      expect(directory.units.map((unit) => unit.id)).toEqual(['unit-a']);
      expect(directory.members.find((member) => member.person.id === 'person-tess')?.roles).toEqual([{ role: 'therapist' }, { role: 'therapist', unitId: 'unit-a' }]);
      expect((await h.readAudit()).filter((entry) => entry.action === 'unit.therapist_assign')).toEqual([expect.objectContaining({ objectId: 'person-tess', unitId: 'unit-a', organisationId: care.id, actorId: 'person-admin' })]);
    });

    it('refuses assigning someone without the therapist role of the unit\'s provider, and an unknown unit', async () => {
      await expect(h.staff.assignTherapist({ unitId: 'unit-a', personId: 'person-dana', audit: context })).rejects.toMatchObject({ code: 'conflict' });
      await expect(h.staff.assignTherapist({ unitId: 'unit-b', personId: 'person-tess', audit: context })).rejects.toMatchObject({ code: 'conflict' });
      await expect(h.staff.assignTherapist({ unitId: 'no-unit', personId: 'person-tess', audit: context })).rejects.toMatchObject({ code: 'not_found' });
      expect(await h.staff.isTherapistOfUnit('unit-a', 'person-dana')).toBe(false);
    });

    it('unassigns once', async () => {
      await h.staff.assignTherapist({ unitId: 'unit-a', personId: 'person-tess', audit: context });
      expect(await h.staff.unassignTherapist({ unitId: 'unit-a', personId: 'person-tess', audit: context })).toBe(true);
      expect(await h.staff.unassignTherapist({ unitId: 'unit-a', personId: 'person-tess', audit: context })).toBe(false);
      expect(await h.staff.isTherapistOfUnit('unit-a', 'person-tess')).toBe(false);
    });

    it('disables and enables a staff account, ending its sessions, and never the last people manager', async () => {
      await h.accounts.createSession({ id: 'session-tess', personId: 'person-tess', csrfToken: 'csrf', createdAt: at, expiresAt: '2026-03-08T08:00:00.000Z', lastSeenAt: at }, { at });
      expect(await h.staff.setDisabled({ organisationId: care.id, personId: 'person-tess', disabled: true, managerRoles: ['permissions_admin'], audit: context })).toEqual({ changed: true, endedSessions: ['session-tess'] });
      expect((await h.accounts.findPerson('person-tess'))?.disabledAt).toBe(at);
      expect(await h.accounts.findSession('session-tess')).toBeUndefined();
      expect(await h.staff.setDisabled({ organisationId: care.id, personId: 'person-tess', disabled: true, managerRoles: ['permissions_admin'], audit: context })).toEqual({ changed: false, endedSessions: [] });
      expect(await h.staff.setDisabled({ organisationId: care.id, personId: 'person-tess', disabled: false, managerRoles: ['permissions_admin'], audit: context })).toEqual({ changed: true, endedSessions: [] });
      expect((await h.accounts.findPerson('person-tess'))?.disabledAt).toBeUndefined();
      await expect(h.staff.setDisabled({ organisationId: care.id, personId: 'person-admin', disabled: true, managerRoles: ['permissions_admin'], audit: context })).rejects.toMatchObject({ code: 'conflict' });
      expect((await h.accounts.findPerson('person-admin'))?.disabledAt).toBeUndefined();
      await expect(h.staff.setDisabled({ organisationId: care.id, personId: 'person-new', disabled: true, managerRoles: ['permissions_admin'], audit: context })).rejects.toMatchObject({ code: 'not_found' });
      expect((await h.readAudit()).map((entry) => entry.action).filter((action) => action.startsWith('person.'))).toEqual(['person.create', 'person.create', 'person.create', 'person.create', 'person.disable', 'person.enable']);
    });

    it('uses a password-reset link once, before it expires, and only for an enabled account that chose its password', async () => {
      await h.staff.createPasswordReset({ reset: { tokenHash: hash(1), personId: 'person-tess', createdAt: at, expiresAt: '2026-03-01T09:00:00.000Z' }, mail: mail('mail-1', 'person-tess@example.org'), audit: { at } });
      await h.staff.createPasswordReset({ reset: { tokenHash: hash(2), personId: 'person-tess', createdAt: at, expiresAt: '2026-03-01T09:00:00.000Z' }, mail: mail('mail-2', 'person-tess@example.org'), audit: { at } });
      expect(await h.staff.countPasswordResetsSince('person-tess', '2026-03-01T07:00:00.000Z')).toBe(2);
      expect(await h.staff.completePasswordReset({ tokenHash: hash(1), at: '2026-03-01T09:00:00.000Z', passwordHash: 'new-hash', audit: { at } })).toEqual({ ok: false, reason: 'unusable' });
      expect(await h.staff.completePasswordReset({ tokenHash: hash(1), at: '2026-03-01T08:30:00.000Z', passwordHash: 'new-hash', audit: { at } })).toEqual({ ok: true, personId: 'person-tess', endedSessions: [] });
      expect((await h.accounts.findPersonWithCredentials('person-tess'))?.passwordHash).toBe('new-hash');
      // The other link of the same person stopped working with the new password.
      expect(await h.staff.completePasswordReset({ tokenHash: hash(2), at: '2026-03-01T08:31:00.000Z', passwordHash: 'other-hash', audit: { at } })).toEqual({ ok: false, reason: 'unusable' });

      await h.staff.createPasswordReset({ reset: { tokenHash: hash(3), personId: 'person-new', createdAt: at, expiresAt: '2026-03-01T09:00:00.000Z' }, mail: mail('mail-3', 'person-new@example.org'), audit: { at } });
      expect(await h.staff.completePasswordReset({ tokenHash: hash(3), at: '2026-03-01T08:30:00.000Z', passwordHash: 'claimed', audit: { at } })).toEqual({ ok: false, reason: 'no_password' });
      expect((await h.accounts.findPersonWithCredentials('person-new'))?.passwordHash).toBe('hash-of-person-new');
    });
  });
}
