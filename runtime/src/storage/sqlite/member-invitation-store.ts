import { insertIdentityLink } from './external-identity-store.js';
import type Database from 'better-sqlite3';
import type { AuditContext, RoleGrant } from '../../domain/accounts/accounts-store.js';
import type { AcceptResult, MemberInvitationStore, OpenInvitation } from '../../domain/accounts/member-invitation-store.js';
import type { Role } from '../../domain/principal.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { grantOf, isUniqueViolation } from './accounts-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import { toInvitation, type InvitationRow } from './member-invitation-rows.js';
import { outboxWriter, type SqliteMailOutbox } from './sqlite-mail-outbox.js';

/** Thrown inside a transaction to roll it back with a refusal the caller returns. */
class Refused extends Error {
  constructor(readonly reason: Extract<AcceptResult, { ok: false }>['reason']) {
    super(reason);
  }
}

/**
 * Membership invitations on SQLite (migrations/007-member-invitations.sql). Each write is one
 * synchronous better-sqlite3 transaction with its audit_log row, and a new or renewed invitation's
 * e-mail is staged in the mail outbox inside that transaction (exactly as the care store does for
 * a patient's invitation), so the mail exists exactly when the invitation does. Acceptance is a
 * compare-and-set on the open, unexpired row: two acceptances of one link cannot both succeed.
 *
 * @param options.mail - where e-mails are staged; the development outbox (held) by default.
 * @example
 * const invitations = createSqliteMemberInvitationStore(db, { mail });
 * await invitations.createInvitation({ invitation, mail: { id, to, subject, text, createdAt }, audit });
 */
export function createSqliteMemberInvitationStore(db: Database.Database, options: { ids?: IdGenerator; mail?: Pick<SqliteMailOutbox, 'stage' | 'notify'> } = {}): MemberInvitationStore {
  const ids = options.ids ?? uuidGenerator;
  const mailOutbox = options.mail ?? { stage: outboxWriter(db, 'held'), notify: () => undefined };
  // The details guard (no token, nor its hash) runs in writeAuditEntry.
  const audit = (context: AuditContext, row: { action: string; objectType: string; objectId: string; organisationId: string; details?: Record<string, unknown> }) => {
    writeAuditEntry(db, { id: ids.newId(), ...context, ...row });
  };

  const statements = {
    byId: db.prepare<[string], InvitationRow>('SELECT * FROM member_invitations WHERE id = ?'),
    byToken: db.prepare<[string], InvitationRow>('SELECT * FROM member_invitations WHERE token_hash = ?'),
    // Every e-mail an invitation caused is an audit row (create or resend), so the count is exact.
    sentSince: db.prepare<[string, string], { count: number }>(
      "SELECT count(*) AS count FROM audit_log WHERE organisation_id = ? AND action IN ('member_invitation.create', 'member_invitation.resend') AND at > ?",
    ),
    open: db.prepare<[string], InvitationRow & { invited_by_name: string }>(
      `SELECT i.*, p.name AS invited_by_name FROM member_invitations i JOIN people p ON p.id = i.invited_by
       WHERE i.organisation_id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL ORDER BY i.sent_at DESC, i.id`,
    ),
    replaceOpen: db.prepare<{ organisationId: string; email: string; at: string; by: string | null }>(
      'UPDATE member_invitations SET revoked_at = @at, revoked_by = @by WHERE organisation_id = @organisationId AND email = @email AND accepted_at IS NULL AND revoked_at IS NULL',
    ),
    insert: db.prepare(
      `INSERT INTO member_invitations (id, organisation_id, email, roles, language, token_hash, invited_by, created_at, sent_at, expires_at, accepted_at, accepted_by, revoked_at, revoked_by)
       VALUES (@id, @organisationId, @email, @roles, @language, @tokenHash, @invitedBy, @createdAt, @sentAt, @expiresAt, NULL, NULL, NULL, NULL)`,
    ),
    revoke: db.prepare('UPDATE member_invitations SET revoked_at = @at, revoked_by = @by WHERE id = @id AND organisation_id = @organisationId AND accepted_at IS NULL AND revoked_at IS NULL'),
    renew: db.prepare(
      `UPDATE member_invitations SET token_hash = @tokenHash, sent_at = @sentAt, expires_at = @expiresAt, invited_by = @invitedBy
       WHERE id = @id AND organisation_id = @organisationId AND accepted_at IS NULL AND revoked_at IS NULL`,
    ),
    // The compare-and-set of an acceptance: still open, unexpired, addressed to this person's
    // e-mail (both columns compare without regard to case), and sent by someone who may still
    // manage the organisation's people.
    accept: (managerRoles: readonly Role[]) =>
      db.prepare(
        `UPDATE member_invitations SET accepted_at = @at, accepted_by = @personId
         WHERE id = @id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @at
           AND EXISTS (SELECT 1 FROM people p WHERE p.id = @personId AND p.email = member_invitations.email)
           AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = member_invitations.invited_by AND m.organisation_id = member_invitations.organisation_id
                       AND m.role IN (${managerRoles.map((_, index) => `@manager${index}`).join(', ') || 'NULL'}))`,
      ),
    person: db.prepare<[string], { id: string; email: string }>('SELECT id, email FROM people WHERE id = ?'),
    // The new person chose this password themselves: no care invitation may ever replace it.
    insertPerson: db.prepare('INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES (@id, @email, @name, @passwordHash, @createdAt, @createdAt)'),
    // Staff roles, as the members API counts them: a patient role is care's business.
    rolesOf: db.prepare<[string, string], { role: Role; unit_id: string | null }>("SELECT role, unit_id FROM memberships WHERE person_id = ? AND organisation_id = ? AND role <> 'patient' ORDER BY role, unit_id"),
    grant: db.prepare(
      'INSERT OR IGNORE INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES (@personId, @organisationId, @role, NULL, @grantedBy, @grantedAt)',
    ),
  };

  const rolesOf = (organisationId: string, personId: string): RoleGrant[] =>
    statements.rolesOf.all(personId, organisationId).map((row) => grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));

  const transactions = {
    create: db.transaction((input: Parameters<MemberInvitationStore['createInvitation']>[0]) => {
      const { invitation } = input;
      const replaced = statements.replaceOpen.run({ organisationId: invitation.organisationId, email: invitation.email, at: invitation.createdAt, by: input.audit.actorId ?? null }).changes;
      statements.insert.run({ ...invitation, roles: JSON.stringify(invitation.roles) });
      mailOutbox.stage(input.mail);
      audit(input.audit, { action: 'member_invitation.create', objectType: 'member_invitation', objectId: invitation.id, organisationId: invitation.organisationId, details: { roles: invitation.roles, expiresAt: invitation.expiresAt, replaced } });
      return { replaced };
    }),
    revoke: db.transaction((input: Parameters<MemberInvitationStore['revokeInvitation']>[0]) => {
      if (statements.revoke.run({ id: input.id, organisationId: input.organisationId, at: input.at, by: input.audit.actorId ?? null }).changes === 0) return false;
      audit(input.audit, { action: 'member_invitation.revoke', objectType: 'member_invitation', objectId: input.id, organisationId: input.organisationId });
      return true;
    }),
    renew: db.transaction((input: Parameters<MemberInvitationStore['renewInvitation']>[0]) => {
      const { mail, audit: context, ...fields } = input;
      if (statements.renew.run(fields).changes === 0) return undefined;
      mailOutbox.stage(mail);
      audit(context, { action: 'member_invitation.resend', objectType: 'member_invitation', objectId: input.id, organisationId: input.organisationId, details: { expiresAt: input.expiresAt } });
      return toInvitation(statements.byId.get(input.id)!);
    }),
    accept: db.transaction((input: Parameters<MemberInvitationStore['acceptInvitation']>[0]): AcceptResult => {
      const row = statements.byToken.get(input.tokenHash);
      if (!row) return { ok: false, reason: 'missing' };
      if (row.accepted_at !== null || row.revoked_at !== null) return { ok: false, reason: 'closed' };
      if (row.expires_at <= input.at) return { ok: false, reason: 'expired' };
      let personId: string;
      const created = 'newPerson' in input.acceptor;
      if ('newPerson' in input.acceptor) {
        const { passwordChosen: _passwordChosen, ...newPerson } = input.acceptor.newPerson;
        const person = { ...newPerson, email: row.email };
        try {
          statements.insertPerson.run(person);
        } catch (error) {
          if (isUniqueViolation(error)) return { ok: false, reason: 'account_exists' };
          throw error;
        }
        personId = person.id;
        if (input.acceptor.identity) insertIdentityLink(db, { ...input.acceptor.identity, personId, at: input.at, audit: { ...input.audit, actorId: personId } });
      } else {
        personId = input.acceptor.personId;
        const person = statements.person.get(personId);
        if (!person || person.email.toLowerCase() !== row.email.toLowerCase()) return { ok: false, reason: 'wrong_person' };
      }
      const managers = Object.fromEntries(input.inviterRoles.map((role, index) => [`manager${index}`, role]));
      if (statements.accept(input.inviterRoles).run({ id: row.id, at: input.at, personId, ...managers }).changes === 0) {
        // Only the sender's standing can fail here (everything else was read above in this
        // transaction); the new account, if any, is rolled back with the refusal.
        throw new Refused('inviter_gone');
      }
      const context: AuditContext = { ...input.audit, actorId: personId };
      if (created) audit(context, { action: 'person.create', objectType: 'person', objectId: personId, organisationId: row.organisation_id, details: { invitationId: row.id } });
      const rolesBefore = rolesOf(row.organisation_id, personId);
      for (const role of JSON.parse(row.roles) as Role[]) statements.grant.run({ personId, organisationId: row.organisation_id, role, grantedBy: row.invited_by, grantedAt: input.at });
      const rolesAfter = rolesOf(row.organisation_id, personId);
      audit(context, { action: 'member_invitation.accept', objectType: 'member_invitation', objectId: row.id, organisationId: row.organisation_id, details: { invitedBy: row.invited_by } });
      if (rolesAfter.length !== rolesBefore.length) {
        audit(context, { action: rolesBefore.length === 0 ? 'member.add' : 'member.roles_change', objectType: 'person', objectId: personId, organisationId: row.organisation_id, details: { rolesBefore, rolesAfter, invitationId: row.id } });
      }
      return { ok: true, personId, organisationId: row.organisation_id, rolesBefore, rolesAfter };
    }),
  };

  return {
    async createInvitation(input) {
      const result = transactions.create(input);
      mailOutbox.notify();
      return result;
    },
    async findInvitation(id) {
      const row = statements.byId.get(id);
      return row && toInvitation(row);
    },
    async findInvitationByToken(tokenHash) {
      const row = statements.byToken.get(tokenHash);
      return row && toInvitation(row);
    },
    async countSentSince(organisationId, since) {
      return statements.sentSince.get(organisationId, since)?.count ?? 0;
    },
    async listOpenInvitations(organisationId): Promise<OpenInvitation[]> {
      return statements.open.all(organisationId).map((row) => ({ ...toInvitation(row), invitedByName: row.invited_by_name }));
    },
    async revokeInvitation(input) {
      return transactions.revoke(input);
    },
    async renewInvitation(input) {
      const renewed = transactions.renew(input);
      if (renewed) mailOutbox.notify();
      return renewed;
    },
    async acceptInvitation(input) {
      try {
        return transactions.accept(input);
      } catch (error) {
        if (error instanceof Refused) return { ok: false, reason: error.reason };
        throw error;
      }
    },
  };
}
