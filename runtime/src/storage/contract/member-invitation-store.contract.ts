import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore, AuditContext, NewPerson, Organisation } from '../../domain/accounts/accounts-store.js';
import type { MemberInvitationRecord, MemberInvitationStore } from '../../domain/accounts/member-invitation-store.js';
import type { QueuedMail } from '../../domain/care/ports.js';
import type { AuditEntry } from '../types.js';

export interface MemberInvitationStoreHarness {
  invitations: MemberInvitationStore;
  /** The accounts store on the same storage, to set up organisations and people. */
  accounts: AccountsStore;
  readAudit(): Promise<AuditEntry[]>;
  /** The ids of the e-mails written to the outbox, oldest first. */
  readMailIds(): Promise<string[]>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const later = '2026-03-02T08:00:00.000Z';
const expiry = '2026-03-08T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'person-admin', actorRole: 'permissions_admin', ip: '192.0.2.7', requestId: 'req-1' };
const publisher: Organisation = { id: 'org-pub', slug: 'pub', name: 'Publishing', kind: 'publisher', createdAt: at };
const other: Organisation = { id: 'org-other', slug: 'other', name: 'Other', kind: 'publisher', createdAt: at };
const person = (id: string, email: string): NewPerson => ({ id, email, name: `Name of ${id}`, passwordHash: `scrypt$1024$8$1$salt-of-${id}$hash-of-${id}`, createdAt: at });
const managers = ['permissions_admin'] as const;

const invitation = (id: string, email: string, overrides: Partial<MemberInvitationRecord> = {}): MemberInvitationRecord => ({
  id,
  organisationId: publisher.id,
  email,
  roles: ['designer', 'tester'],
  language: 'en',
  tokenHash: `hash-of-${id}`,
  invitedBy: 'person-admin',
  createdAt: at,
  sentAt: at,
  expiresAt: expiry,
  acceptedAt: null,
  acceptedBy: null,
  revokedAt: null,
  revokedBy: null,
  ...overrides,
});
const mail = (id: string, to: string): QueuedMail => ({ id, to, subject: 'Invitation', text: 'Open the link.', organisationId: publisher.id, createdAt: at });

/**
 * The behaviour every MemberInvitationStore must have: the invitation and its e-mail written
 * together, one open invitation per address, withdrawals and renewals by compare-and-set, and an
 * acceptance that happens once, only for the addressee, only while the sender may still manage.
 *
 * @example
 * runMemberInvitationStoreContract('sqlite :memory:', async () => ({ invitations, accounts, readAudit, readMailIds, close }));
 */
export function runMemberInvitationStoreContract(name: string, create: () => Promise<MemberInvitationStoreHarness>): void {
  describe(`MemberInvitationStore contract: ${name}`, () => {
    let harness: MemberInvitationStoreHarness;
    let store: MemberInvitationStore;

    beforeEach(async () => {
      harness = await create();
      store = harness.invitations;
      await harness.accounts.createOrganisation(publisher, { at });
      await harness.accounts.createOrganisation(other, { at });
      await harness.accounts.createPersonWithMemberships(person('person-admin', 'admin@example.org'), publisher.id, [{ role: 'permissions_admin' }], { at });
      await harness.accounts.createPersonWithMemberships(person('person-sam', 'Sam@Example.org'), other.id, [{ role: 'designer' }], { at });
      return () => harness.close();
    });

    it('stores an invitation with its e-mail and an audit row naming no secret', async () => {
      expect(await store.createInvitation({ invitation: invitation('inv-1', 'sam@example.org'), mail: mail('mail-1', 'sam@example.org'), audit: context })).toEqual({ replaced: 0 });
      expect(await store.findInvitation('inv-1')).toEqual(invitation('inv-1', 'sam@example.org'));
      expect(await store.findInvitationByToken('hash-of-inv-1')).toEqual(invitation('inv-1', 'sam@example.org'));
      expect(await store.findInvitationByToken('hash-of-nothing')).toBeUndefined();
      expect(await harness.readMailIds()).toEqual(['mail-1']);
      const row = (await harness.readAudit()).at(-1)!;
      expect(row).toMatchObject({ action: 'member_invitation.create', objectType: 'member_invitation', objectId: 'inv-1', organisationId: publisher.id, actorId: 'person-admin', ip: '192.0.2.7' });
      expect(JSON.stringify(row)).not.toContain('hash-of-inv-1');
    });

    it('writes neither invitation nor e-mail nor audit row when the invitation cannot be stored', async () => {
      await store.createInvitation({ invitation: invitation('inv-1', 'sam@example.org'), mail: mail('mail-1', 'sam@example.org'), audit: context });
      const audit = (await harness.readAudit()).length;
      await expect(store.createInvitation({ invitation: invitation('inv-1', 'other@example.org', { tokenHash: 'another' }), mail: mail('mail-2', 'other@example.org'), audit: context })).rejects.toThrow();
      expect(await harness.readMailIds()).toEqual(['mail-1']);
      expect(await harness.readAudit()).toHaveLength(audit);
      expect((await store.listOpenInvitations(publisher.id)).map((open) => open.email)).toEqual(['sam@example.org']);
    });

    it('keeps one open invitation per address and organisation, in any letter case', async () => {
      await store.createInvitation({ invitation: invitation('inv-1', 'sam@example.org'), mail: mail('mail-1', 'sam@example.org'), audit: context });
      await store.createInvitation({ invitation: invitation('inv-other', 'sam@example.org', { organisationId: other.id }), mail: mail('mail-2', 'sam@example.org'), audit: context });
      expect(await store.createInvitation({ invitation: invitation('inv-2', 'SAM@example.org', { sentAt: later }), mail: mail('mail-3', 'SAM@example.org'), audit: context })).toEqual({ replaced: 1 });
      expect((await store.listOpenInvitations(publisher.id)).map((open) => [open.id, open.invitedByName])).toEqual([['inv-2', 'Name of person-admin']]);
      expect((await store.findInvitation('inv-1'))?.revokedAt).toBe(at);
      expect((await store.listOpenInvitations(other.id)).map((open) => open.id)).toEqual(['inv-other']);
    });

    it('withdraws and renews only open invitations of the named organisation', async () => {
      await store.createInvitation({ invitation: invitation('inv-1', 'sam@example.org'), mail: mail('mail-1', 'sam@example.org'), audit: context });
      expect(await store.revokeInvitation({ id: 'inv-1', organisationId: other.id, at: later, audit: context })).toBe(false);
      const renew = { id: 'inv-1', organisationId: publisher.id, tokenHash: 'new-hash', sentAt: later, expiresAt: '2026-03-09T08:00:00.000Z', invitedBy: 'person-admin', mail: mail('mail-2', 'sam@example.org'), audit: { ...context, at: later } };
      expect(await store.renewInvitation({ ...renew, organisationId: other.id })).toBeUndefined();
      expect(await store.renewInvitation(renew)).toMatchObject({ tokenHash: 'new-hash', sentAt: later, expiresAt: '2026-03-09T08:00:00.000Z' });
      expect(await store.findInvitationByToken('hash-of-inv-1')).toBeUndefined();
      expect(await harness.readMailIds()).toEqual(['mail-1', 'mail-2']);
      expect(await store.revokeInvitation({ id: 'inv-1', organisationId: publisher.id, at: later, audit: context })).toBe(true);
      expect(await store.revokeInvitation({ id: 'inv-1', organisationId: publisher.id, at: later, audit: context })).toBe(false);
      expect(await store.renewInvitation({ ...renew, mail: mail('mail-3', 'sam@example.org') })).toBeUndefined();
      expect(await harness.readMailIds()).toEqual(['mail-1', 'mail-2']);
      expect(await store.listOpenInvitations(publisher.id)).toEqual([]);
      expect((await harness.readAudit()).map((row) => row.action).filter((action) => action.startsWith('member_invitation'))).toEqual(['member_invitation.create', 'member_invitation.resend', 'member_invitation.revoke']);
      // Two e-mails were sent (the refused renewal sent none): one at `at`, one `later`.
      expect(await store.countSentSince(publisher.id, '2026-02-28T08:00:00.000Z')).toBe(2);
      expect(await store.countSentSince(publisher.id, at)).toBe(1);
      expect(await store.countSentSince(publisher.id, later)).toBe(0);
      expect(await store.countSentSince(other.id, '2026-02-28T08:00:00.000Z')).toBe(0);
    });

    it('accepts once for the addressee, granting the roles with the sender as granter; parallel acceptances yield one', async () => {
      await store.createInvitation({ invitation: invitation('inv-1', 'sam@example.org'), mail: mail('mail-1', 'sam@example.org'), audit: context });
      const accept = () => store.acceptInvitation({ tokenHash: 'hash-of-inv-1', at: later, acceptor: { personId: 'person-sam' }, inviterRoles: managers, audit: { at: later, ip: '192.0.2.9' } });
      const results = await Promise.all([accept(), accept(), accept()]);
      expect(results.filter((result) => result.ok)).toEqual([{ ok: true, personId: 'person-sam', organisationId: publisher.id, rolesBefore: [], rolesAfter: [{ role: 'designer' }, { role: 'tester' }] }]);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'closed' }, { ok: false, reason: 'closed' }]);
      expect((await harness.accounts.listMemberships('person-sam')).filter((membership) => membership.organisationId === publisher.id)).toEqual([
        { personId: 'person-sam', organisationId: publisher.id, role: 'designer', grantedBy: 'person-admin', grantedAt: later },
        { personId: 'person-sam', organisationId: publisher.id, role: 'tester', grantedBy: 'person-admin', grantedAt: later },
      ]);
      expect(await store.findInvitation('inv-1')).toMatchObject({ acceptedAt: later, acceptedBy: 'person-sam' });
      const rows = (await harness.readAudit()).filter((row) => row.actorId === 'person-sam');
      expect(rows.map((row) => row.action)).toEqual(['member_invitation.accept', 'member.add']);
    });

    it('refuses another account, an expired or withdrawn invitation, and a sender who no longer manages, changing nothing', async () => {
      await harness.accounts.createPersonWithMemberships(person('person-eve', 'eve@example.org'), other.id, [{ role: 'designer' }], { at });
      await store.createInvitation({ invitation: invitation('inv-1', 'sam@example.org'), mail: mail('mail-1', 'sam@example.org'), audit: context });
      await store.createInvitation({ invitation: invitation('inv-2', 'gone@example.org', { expiresAt: later }), mail: mail('mail-2', 'gone@example.org'), audit: context });
      const audit = (await harness.readAudit()).length;
      const attempt = (tokenHash: string, acceptor: { personId: string } | { newPerson: NewPerson }, inviterRoles: readonly ('permissions_admin' | 'designer')[] = managers) =>
        store.acceptInvitation({ tokenHash, at: later, acceptor, inviterRoles, audit: { at: later } });
      expect(await attempt('hash-of-inv-1', { personId: 'person-eve' })).toEqual({ ok: false, reason: 'wrong_person' });
      expect(await attempt('hash-of-inv-2', { newPerson: person('person-new', 'gone@example.org') })).toEqual({ ok: false, reason: 'expired' });
      expect(await attempt('hash-of-nothing', { personId: 'person-sam' })).toEqual({ ok: false, reason: 'missing' });
      expect(await attempt('hash-of-inv-1', { personId: 'person-sam' }, ['designer'])).toEqual({ ok: false, reason: 'inviter_gone' });
      expect(await attempt('hash-of-inv-1', { newPerson: person('person-new', 'sam@example.org') })).toEqual({ ok: false, reason: 'account_exists' });
      await store.revokeInvitation({ id: 'inv-1', organisationId: publisher.id, at, audit: context });
      expect(await attempt('hash-of-inv-1', { personId: 'person-sam' })).toEqual({ ok: false, reason: 'closed' });
      expect(await harness.accounts.findPerson('person-new')).toBeUndefined();
      expect(await harness.accounts.listMembers(publisher.id)).toHaveLength(1);
      expect(await harness.readAudit()).toHaveLength(audit + 1);
    });

    it('creates a new person with the address it was sent to, rolled back with a refused acceptance', async () => {
      await store.createInvitation({ invitation: invitation('inv-1', 'new@example.org'), mail: mail('mail-1', 'new@example.org'), audit: context });
      // Refused because the sender lost the role: the new account must not stay behind.
      expect(await store.acceptInvitation({ tokenHash: 'hash-of-inv-1', at: later, acceptor: { newPerson: person('person-new', 'whatever@example.org') }, inviterRoles: ['designer'], audit: { at: later } })).toEqual({ ok: false, reason: 'inviter_gone' });
      expect(await harness.accounts.findPerson('person-new')).toBeUndefined();
      const accepted = await store.acceptInvitation({ tokenHash: 'hash-of-inv-1', at: later, acceptor: { newPerson: person('person-new', 'whatever@example.org') }, inviterRoles: managers, audit: { at: later } });
      expect(accepted).toMatchObject({ ok: true, personId: 'person-new' });
      expect((await harness.accounts.findPerson('person-new'))?.email).toBe('new@example.org');
      // A password they chose: no care invitation may replace it later.
      expect(await harness.accounts.hasChosenPassword('person-new')).toBe(true);
      expect((await harness.readAudit()).filter((row) => row.actorId === 'person-new').map((row) => row.action)).toEqual(['person.create', 'member_invitation.accept', 'member.add']);
    });
  });
}
