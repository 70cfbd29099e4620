import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore, AuditContext, NewPerson, Organisation, SessionRecord } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import type { AuditEntry } from '../types.js';

export interface AccountsStoreHarness {
  store: AccountsStore;
  /** Every audit row, oldest first. */
  readAudit(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'person-admin', actorRole: 'permissions_admin', ip: '192.0.2.7', requestId: 'req-1' };
const publisher: Organisation = { id: 'org-pub', slug: 'pub', name: 'Publishing', kind: 'publisher', createdAt: at };
const provider: Organisation = { id: 'org-care', slug: 'care', name: 'Care', kind: 'care_provider', createdAt: at };
const person = (id: string, email: string): NewPerson => ({ id, email, name: `Name of ${id}`, passwordHash: `scrypt$1024$8$1$salt-of-${id}$hash-of-${id}`, createdAt: at });
const session = (id: string, personId: string, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  personId,
  csrfToken: `csrf-secret-${id}`,
  createdAt: at,
  expiresAt: '2026-03-08T08:00:00.000Z',
  lastSeenAt: at,
  ip: '192.0.2.7',
  userAgent: 'test',
  ...overrides,
});
const admins = { roles: ['permissions_admin'] as const };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/**
 * The behaviour every AccountsStore must have: atomic writes that each leave one audit trail, the
 * last-admin guard, case-insensitive e-mail, sessions. Run it from each implementation's test.
 *
 * @example
 * runAccountsStoreContract('sqlite :memory:', async () => ({ store, readAudit, close }));
 */
export function runAccountsStoreContract(name: string, create: () => Promise<AccountsStoreHarness>): void {
  describe(`AccountsStore contract: ${name}`, () => {
    let harness: AccountsStoreHarness;
    let store: AccountsStore;

    beforeEach(async () => {
      harness = await create();
      store = harness.store;
      await store.createOrganisation(publisher, { at });
      await store.createOrganisation(provider, { at });
      await store.createPersonWithMemberships(person('person-admin', 'admin@example.org'), publisher.id, [{ role: 'permissions_admin' }], { at });
      return () => harness.close();
    });

    describe('refusals', () => {
      it('refuses a taken slug, leaving no trace', async () => {
        const before = (await harness.readAudit()).length;
        expect(await refusal(store.createOrganisation({ ...publisher, id: 'org-other' }, context))).toBe('conflict');
        expect(await store.findOrganisation('org-other')).toBeUndefined();
        expect(await harness.readAudit()).toHaveLength(before);
      });

      it('refuses a taken e-mail in any letter case, atomically with the memberships', async () => {
        const before = (await harness.readAudit()).length;
        expect(await refusal(store.createPersonWithMemberships(person('person-x', 'ADMIN@example.org'), provider.id, [{ role: 'therapist' }], context))).toBe('conflict');
        expect(await store.findPerson('person-x')).toBeUndefined();
        expect(await store.listMembers(provider.id)).toEqual([]);
        expect(await harness.readAudit()).toHaveLength(before);
      });

      it('refuses a person in an unknown organisation without creating them', async () => {
        expect(await refusal(store.createPersonWithMemberships(person('person-x', 'x@example.org'), 'org-missing', [{ role: 'designer' }], context))).toBe('not_found');
        expect(await store.findPerson('person-x')).toBeUndefined();
      });

      it('refuses to add someone who is already a member', async () => {
        expect(await refusal(store.addMember(publisher.id, 'person-admin', [{ role: 'designer' }], context))).toBe('conflict');
      });

      it('refuses to remove, demote or revoke the last permissions admin, changing nothing', async () => {
        const before = (await harness.readAudit()).length;
        expect(await refusal(store.removeMember(publisher.id, 'person-admin', admins, context))).toBe('conflict');
        expect(await refusal(store.setRoles(publisher.id, 'person-admin', [{ role: 'designer' }], admins, context))).toBe('conflict');
        expect(await refusal(store.revokeRole(publisher.id, 'person-admin', { role: 'permissions_admin' }, admins, context))).toBe('conflict');
        expect((await store.listMembers(publisher.id)).map((member) => member.roles)).toEqual([[{ role: 'permissions_admin' }]]);
        expect(await harness.readAudit()).toHaveLength(before);
      });

      it('reports a non-member as not found', async () => {
        expect(await refusal(store.setRoles(provider.id, 'person-admin', [{ role: 'therapist' }], admins, context))).toBe('not_found');
        expect(await refusal(store.removeMember(provider.id, 'person-admin', admins, context))).toBe('not_found');
        expect(await store.revokeRole(provider.id, 'person-admin', { role: 'therapist' }, admins, context)).toBe(false);
      });
    });

    describe('organisations and people', () => {
      it('finds organisations by id, slug and id list (sorted by name)', async () => {
        expect(await store.findOrganisation(publisher.id)).toEqual(publisher);
        expect(await store.findOrganisationBySlug('care')).toEqual(provider);
        expect(await store.listOrganisations([publisher.id, provider.id, publisher.id, 'org-missing'])).toEqual([provider, publisher]);
        expect(await store.listOrganisations([])).toEqual([]);
      });

      it('creates a person with roles, found by e-mail in any case; only the credentials reads carry the hash', async () => {
        const created = await store.createPersonWithMemberships(person('person-d', 'Dana@Example.org'), publisher.id, [{ role: 'designer' }, { role: 'tester' }], context);
        expect(created).toEqual({ id: 'person-d', email: 'Dana@Example.org', name: 'Name of person-d', createdAt: at });
        expect(await store.findPerson('person-d')).toEqual(created);
        expect((await store.findPersonByEmail('dana@EXAMPLE.org'))?.passwordHash).toBe('scrypt$1024$8$1$salt-of-person-d$hash-of-person-d');
        expect((await store.findPersonWithCredentials('person-d'))?.id).toBe('person-d');
        expect((await store.listMemberships('person-d')).map(({ organisationId, role, grantedBy, grantedAt }) => ({ organisationId, role, grantedBy, grantedAt }))).toEqual([
          { organisationId: publisher.id, role: 'designer', grantedBy: 'person-admin', grantedAt: at },
          { organisationId: publisher.id, role: 'tester', grantedBy: 'person-admin', grantedAt: at },
        ]);
      });

      it('adds, grants, revokes, sets roles and removes members, grouped per person and sorted by name', async () => {
        await store.createPersonWithMemberships(person('person-b', 'b@example.org'), undefined, [], context);
        await store.addMember(publisher.id, 'person-b', [{ role: 'designer' }], context);
        await store.grantRole(publisher.id, 'person-b', { role: 'designer' }, context);
        await store.grantRole(publisher.id, 'person-b', { role: 'permissions_admin' }, context);
        expect((await store.listMembers(publisher.id)).map((member) => [member.person.id, member.roles])).toEqual([
          ['person-admin', [{ role: 'permissions_admin' }]],
          ['person-b', [{ role: 'designer' }, { role: 'permissions_admin' }]],
        ]);
        // Now that person-b is also an admin, the first admin can step down.
        await store.setRoles(publisher.id, 'person-admin', [{ role: 'publisher' }], admins, context);
        expect(await store.revokeRole(publisher.id, 'person-b', { role: 'designer' }, admins, context)).toBe(true);
        await store.removeMember(publisher.id, 'person-admin', admins, context);
        expect((await store.listMembers(publisher.id)).map((member) => [member.person.id, member.roles])).toEqual([['person-b', [{ role: 'permissions_admin' }]]]);
        expect(await store.findPerson('person-admin')).toBeDefined();
      });

      it('keeps unit-scoped grants of one role apart', async () => {
        await store.createPersonWithMemberships(person('person-t', 't@example.org'), provider.id, [{ role: 'therapist', unitId: 'unit-1' }, { role: 'therapist', unitId: 'unit-2' }, { role: 'therapist', unitId: 'unit-1' }], context);
        expect((await store.listMembers(provider.id))[0]?.roles).toEqual([{ role: 'therapist', unitId: 'unit-1' }, { role: 'therapist', unitId: 'unit-2' }]);
        expect(await store.revokeRole(provider.id, 'person-t', { role: 'therapist', unitId: 'unit-2' }, { roles: [] }, context)).toBe(true);
        expect((await store.listMemberships('person-t')).map((membership) => membership.unitId)).toEqual(['unit-1']);
      });

      it('lists only staff: a patient role neither makes a member nor is touched by the member writes', async () => {
        await store.createPersonWithMemberships(person('person-p', 'p@example.org'), provider.id, [{ role: 'patient', unitId: 'unit-1' }], context);
        await store.createPersonWithMemberships(person('person-t', 't@example.org'), provider.id, [{ role: 'therapist', unitId: 'unit-1' }], context);
        await store.grantRole(provider.id, 'person-t', { role: 'patient', unitId: 'unit-2' }, context);
        await store.createPersonWithMemberships(person('person-c', 'c@example.org'), provider.id, [{ role: 'care_provider_admin' }], context);
        expect((await store.listMembers(provider.id)).map((member) => [member.person.id, member.roles])).toEqual([
          ['person-c', [{ role: 'care_provider_admin' }]],
          ['person-t', [{ role: 'therapist', unitId: 'unit-1' }]],
        ]);
        // A patient can be taken on as staff; their patient role stays as it is.
        await store.addMember(provider.id, 'person-p', [{ role: 'therapist', unitId: 'unit-3' }], context);
        await store.setRoles(provider.id, 'person-t', [{ role: 'care_provider_admin' }], { roles: ['care_provider_admin'] }, context);
        await store.removeMember(provider.id, 'person-p', { roles: ['care_provider_admin'] }, context);
        expect((await store.listMemberships('person-t')).map(({ role, unitId }) => [role, unitId])).toEqual([['care_provider_admin', undefined], ['patient', 'unit-2']]);
        expect((await store.listMemberships('person-p')).map(({ role, unitId }) => [role, unitId])).toEqual([['patient', 'unit-1']]);
        expect(await refusal(store.setRoles(provider.id, 'person-p', [{ role: 'therapist' }], { roles: [] }, context))).toBe('not_found');
      });
    });

    describe('passwords', () => {
      it('knows whether a person chose their password: not for an invitation account, until its password is set', async () => {
        await store.createPersonWithMemberships({ ...person('person-i', 'i@example.org'), passwordChosen: false }, undefined, [], context);
        await store.createPersonWithMemberships(person('person-s', 's@example.org'), publisher.id, [{ role: 'designer' }], context);
        expect(await store.hasChosenPassword('person-i')).toBe(false);
        expect(await store.hasChosenPassword('person-s')).toBe(true);
        expect(await store.hasChosenPassword('person-admin')).toBe(true);
        expect(await store.hasChosenPassword('nobody')).toBe(false);
        await store.changePassword('person-i', 'scrypt$chosen', undefined, context);
        expect(await store.hasChosenPassword('person-i')).toBe(true);
      });
    });

    describe('sessions', () => {
      it('creates, finds, touches (never backwards) and deletes a session once', async () => {
        await store.createSession(session('s1', 'person-admin'), context);
        expect(await store.findSession('s1')).toEqual(session('s1', 'person-admin'));
        await store.touchSession('s1', '2026-03-01T09:00:00.000Z');
        await store.touchSession('s1', '2026-03-01T08:30:00.000Z');
        expect((await store.findSession('s1'))?.lastSeenAt).toBe('2026-03-01T09:00:00.000Z');
        expect(await store.deleteSession('s1', 'auth.logout', context)).toBe(true);
        expect(await store.deleteSession('s1', 'auth.logout', context)).toBe(false);
        expect(await store.findSession('s1')).toBeUndefined();
      });

      it('ends all sessions of a person, or all but the current one on a password change', async () => {
        for (const id of ['s1', 's2', 's3']) await store.createSession(session(id, 'person-admin'), context);
        expect((await store.changePassword('person-admin', 'scrypt$new', 's2', context)).sort()).toEqual(['s1', 's3']);
        expect((await store.findPersonWithCredentials('person-admin'))?.passwordHash).toBe('scrypt$new');
        expect(await store.findSession('s2')).toBeDefined();
        expect(await store.deleteSessionsOfPerson('person-admin', context)).toEqual(['s2']);
        expect(await store.findSession('s2')).toBeUndefined();
      });
    });

    describe('audit', () => {
      it('records who, what, which object, when and from where for every write', async () => {
        await store.createPersonWithMemberships(person('person-d', 'd@example.org'), publisher.id, [{ role: 'designer' }], context);
        await store.setRoles(publisher.id, 'person-d', [{ role: 'tester' }], admins, context);
        await store.removeMember(publisher.id, 'person-d', admins, context);
        await store.createSession(session('s1', 'person-d'), { ...context, actorId: 'person-d' });
        await store.changePassword('person-d', 'scrypt$new', 's1', { ...context, actorId: 'person-d' });
        await store.deleteSession('s1', 'auth.logout', { ...context, actorId: 'person-d' });
        await store.recordLoginRefused('person-d', 'wrong_password', { ...context, actorId: 'person-d' });
        const rows = (await harness.readAudit()).filter((row) => row.requestId === 'req-1');
        expect(rows.map((row) => [row.action, row.objectType, row.organisationId])).toEqual([
          ['person.create', 'person', publisher.id],
          ['member.add', 'person', publisher.id],
          ['member.roles_change', 'person', publisher.id],
          ['member.remove', 'person', publisher.id],
          ['auth.login', 'session', null],
          ['person.password_change', 'person', null],
          ['auth.logout', 'session', null],
          ['auth.login_refused', 'person', null],
        ]);
        for (const row of rows) expect(row).toMatchObject({ at, ip: '192.0.2.7', requestId: 'req-1' });
        expect(rows[2]).toMatchObject({ actorId: 'person-admin', actorRole: 'permissions_admin', objectId: 'person-d', details: { rolesBefore: [{ role: 'designer' }], rolesAfter: [{ role: 'tester' }] } });
        const text = JSON.stringify(await harness.readAudit());
        expect(text).not.toMatch(/scrypt|hash-of|csrf-secret/);
        expect(text).not.toContain('"s1"');
      });
    });
  });
}
