import { insertIdentityLinkPg } from './postgres-external-identity-store.js';
import type pg from 'pg';
import type { AuditContext, RoleGrant } from '../../domain/accounts/accounts-store.js';
import type { AcceptResult, MemberInvitationStore, OpenInvitation } from '../../domain/accounts/member-invitation-store.js';
import type { Role } from '../../domain/principal.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { grantOf } from '../sqlite/accounts-rows.js';
import { toInvitation, type InvitationRow } from '../sqlite/member-invitation-rows.js';
import { inTransaction, isUniqueViolation } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';
import type { PostgresMailOutbox } from './postgres-mail-outbox.js';

type Db = pg.ClientBase | pg.Pool;

/** Thrown inside a transaction to roll it back with a refusal the caller returns. */
class Refused extends Error {
  constructor(readonly reason: Extract<AcceptResult, { ok: false }>['reason']) {
    super(reason);
  }
}

/**
 * Membership invitations on PostgreSQL, with the behaviour of the SQLite store (the contract suite
 * runs against both): each write one transaction with its audit row and, for a new or renewed
 * invitation, its e-mail; acceptance a compare-and-set on the open, unexpired row, so two
 * acceptances of one link (from two processes too) cannot both succeed.
 */
export function createPostgresMemberInvitationStore(pool: pg.Pool, options: { mail: Pick<PostgresMailOutbox, 'stage' | 'notify'>; ids?: IdGenerator }): MemberInvitationStore {
  const ids = options.ids ?? uuidGenerator;
  const mailOutbox = options.mail;
  const audit = (db: Db, context: AuditContext, row: { action: string; objectType: string; objectId: string; organisationId: string; details?: Record<string, unknown> }) =>
    writeAuditEntryPg(db, { id: ids.newId(), ...context, ...row });
  const first = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]) => (await db.query<T>(text, values)).rows[0];
  const rolesOf = async (db: Db, organisationId: string, personId: string): Promise<RoleGrant[]> =>
    (await db.query<{ role: Role; unit_id: string | null }>("SELECT role, unit_id FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role <> 'patient' ORDER BY role, unit_id NULLS FIRST", [personId, organisationId])).rows.map(
      (row) => grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }),
    );

  return {
    async createInvitation(input) {
      const result = await inTransaction(pool, async (db) => {
        const { invitation } = input;
        const replaced = (await db.query(
          'UPDATE member_invitations SET revoked_at = $3, revoked_by = $4 WHERE organisation_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND revoked_at IS NULL',
          [invitation.organisationId, invitation.email, invitation.createdAt, input.audit.actorId ?? null],
        )).rowCount ?? 0;
        await db.query(
          `INSERT INTO member_invitations (id, organisation_id, email, roles, language, token_hash, invited_by, created_at, sent_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [invitation.id, invitation.organisationId, invitation.email, JSON.stringify(invitation.roles), invitation.language, invitation.tokenHash, invitation.invitedBy, invitation.createdAt, invitation.sentAt, invitation.expiresAt],
        );
        await mailOutbox.stage(db, input.mail);
        await audit(db, input.audit, { action: 'member_invitation.create', objectType: 'member_invitation', objectId: invitation.id, organisationId: invitation.organisationId, details: { roles: invitation.roles, expiresAt: invitation.expiresAt, replaced } });
        return { replaced };
      });
      mailOutbox.notify();
      return result;
    },
    async findInvitation(id) {
      const row = await first<InvitationRow>(pool, 'SELECT * FROM member_invitations WHERE id = $1', [id]);
      return row && toInvitation(row);
    },
    async findInvitationByToken(tokenHash) {
      const row = await first<InvitationRow>(pool, 'SELECT * FROM member_invitations WHERE token_hash = $1', [tokenHash]);
      return row && toInvitation(row);
    },
    async countSentSince(organisationId, since) {
      // Every e-mail an invitation caused is an audit row (create or resend), so the count is exact.
      const row = await first<{ count: number }>(pool, "SELECT count(*)::int AS count FROM audit_log WHERE organisation_id = $1 AND action IN ('member_invitation.create', 'member_invitation.resend') AND at > $2", [organisationId, since]);
      return row?.count ?? 0;
    },
    async listOpenInvitations(organisationId): Promise<OpenInvitation[]> {
      const { rows } = await pool.query<InvitationRow & { invited_by_name: string }>(
        `SELECT i.*, p.name AS invited_by_name FROM member_invitations i JOIN people p ON p.id = i.invited_by
          WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL ORDER BY i.sent_at DESC, i.id`,
        [organisationId],
      );
      return rows.map((row) => ({ ...toInvitation(row), invitedByName: row.invited_by_name }));
    },
    async revokeInvitation(input) {
      return inTransaction(pool, async (db) => {
        const revoked = await db.query('UPDATE member_invitations SET revoked_at = $3, revoked_by = $4 WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL', [input.id, input.organisationId, input.at, input.audit.actorId ?? null]);
        if ((revoked.rowCount ?? 0) === 0) return false;
        await audit(db, input.audit, { action: 'member_invitation.revoke', objectType: 'member_invitation', objectId: input.id, organisationId: input.organisationId });
        return true;
      });
    },
    async renewInvitation(input) {
      const renewed = await inTransaction(pool, async (db) => {
        const row = await first<InvitationRow>(
          db,
          `UPDATE member_invitations SET token_hash = $3, sent_at = $4, expires_at = $5, invited_by = $6
            WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING *`,
          [input.id, input.organisationId, input.tokenHash, input.sentAt, input.expiresAt, input.invitedBy],
        );
        if (!row) return undefined;
        await mailOutbox.stage(db, input.mail);
        await audit(db, input.audit, { action: 'member_invitation.resend', objectType: 'member_invitation', objectId: input.id, organisationId: input.organisationId, details: { expiresAt: input.expiresAt } });
        return toInvitation(row);
      });
      if (renewed) mailOutbox.notify();
      return renewed;
    },
    async acceptInvitation(input) {
      try {
        return await inTransaction(pool, async (db): Promise<AcceptResult> => {
          // The row is locked for the rest of the transaction: a second acceptance waits, then finds it accepted.
          const row = await first<InvitationRow>(db, 'SELECT * FROM member_invitations WHERE token_hash = $1 FOR UPDATE', [input.tokenHash]);
          if (!row) return { ok: false, reason: 'missing' };
          if (row.accepted_at !== null || row.revoked_at !== null) return { ok: false, reason: 'closed' };
          if (row.expires_at <= input.at) return { ok: false, reason: 'expired' };
          let personId: string;
          const created = 'newPerson' in input.acceptor;
          if ('newPerson' in input.acceptor) {
            const person = { ...input.acceptor.newPerson, email: row.email };
            const inserted = await db.query(
              // The new person chose this password themselves: no care invitation may ever replace it.
              'INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING',
              [person.id, person.email, person.name, person.passwordHash, person.createdAt],
            ).catch((error: unknown) => {
              if (isUniqueViolation(error)) return { rowCount: 0 };
              throw error;
            });
            if ((inserted.rowCount ?? 0) === 0) return { ok: false, reason: 'account_exists' };
            personId = person.id;
            if (input.acceptor.identity) await insertIdentityLinkPg(db, { ...input.acceptor.identity, personId, at: input.at, audit: { ...input.audit, actorId: personId } });
          } else {
            personId = input.acceptor.personId;
            const person = await first<{ email: string }>(db, 'SELECT email FROM people WHERE id = $1', [personId]);
            if (!person || person.email.toLowerCase() !== row.email.toLowerCase()) return { ok: false, reason: 'wrong_person' };
          }
          // The sender must still be able to manage the organisation's people.
          const standing = await first(db, 'SELECT 1 FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role = ANY($3)', [row.invited_by, row.organisation_id, [...input.inviterRoles]]);
          if (!standing) throw new Refused('inviter_gone');
          await db.query('UPDATE member_invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1', [row.id, input.at, personId]);
          const context: AuditContext = { ...input.audit, actorId: personId };
          if (created) await audit(db, context, { action: 'person.create', objectType: 'person', objectId: personId, organisationId: row.organisation_id, details: { invitationId: row.id } });
          const rolesBefore = await rolesOf(db, row.organisation_id, personId);
          for (const role of JSON.parse(row.roles) as Role[]) {
            await db.query('INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ($1, $2, $3, NULL, $4, $5) ON CONFLICT DO NOTHING', [personId, row.organisation_id, role, row.invited_by, input.at]);
          }
          const rolesAfter = await rolesOf(db, row.organisation_id, personId);
          await audit(db, context, { action: 'member_invitation.accept', objectType: 'member_invitation', objectId: row.id, organisationId: row.organisation_id, details: { invitedBy: row.invited_by } });
          if (rolesAfter.length !== rolesBefore.length) {
            await audit(db, context, { action: rolesBefore.length === 0 ? 'member.add' : 'member.roles_change', objectType: 'person', objectId: personId, organisationId: row.organisation_id, details: { rolesBefore, rolesAfter, invitationId: row.id } });
          }
          return { ok: true, personId, organisationId: row.organisation_id, rolesBefore, rolesAfter };
        });
      } catch (error) {
        if (error instanceof Refused) return { ok: false, reason: error.reason };
        throw error;
      }
    },
  };
}
