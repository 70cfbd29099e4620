import type pg from 'pg';
import type { AccountsStore, AuditContext, KeepAdminGuard, Member, Organisation, RoleGrant } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { SESSION_BY_ID, grantOf, toMembership, toOrganisation, toPerson, toSession, type MembershipRow, type OrganisationRow, type PersonRow, type SessionRow } from '../sqlite/accounts-rows.js';
import { inTransaction, isUniqueViolation } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

interface AuditRow {
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string;
  details?: Record<string, unknown>;
}

type Db = pg.ClientBase | pg.Pool;

/**
 * The accounts store on PostgreSQL, with the behaviour of the SQLite store (the accounts contract
 * suite runs against both). Each write is one transaction that includes its audit_log row.
 *
 * Member changes lock the organisation's row first (`FOR UPDATE`): PostgreSQL runs transactions
 * concurrently, and without the lock two admins removing each other at the same moment could both
 * pass the "someone must still manage this organisation" check.
 */
export function createPostgresAccountsStore(pool: pg.Pool, options: { ids?: IdGenerator } = {}): AccountsStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (db: Db, context: AuditContext, row: AuditRow) => writeAuditEntryPg(db, { id: ids.newId(), ...context, ...row });

  const one = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]): Promise<T | undefined> => (await db.query<T>(text, values)).rows[0];

  const lockOrganisation = async (db: Db, id: string): Promise<Organisation> => {
    const row = await one<OrganisationRow>(db, 'SELECT * FROM organisations WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw new DomainError('not_found', 'No such organisation.');
    return toOrganisation(row);
  };
  const requirePerson = async (db: Db, id: string): Promise<PersonRow> => {
    const row = await one<PersonRow>(db, 'SELECT * FROM people WHERE id = $1', [id]);
    if (!row) throw new DomainError('not_found', 'No such person.');
    return row;
  };
  const grantsOf = (rows: MembershipRow[]) => rows.map((row) => grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));
  const rolesOf = async (db: Db, organisationId: string, personId: string) =>
    grantsOf((await db.query<MembershipRow>('SELECT * FROM memberships WHERE person_id = $1 AND organisation_id = $2 ORDER BY role, unit_id NULLS FIRST', [personId, organisationId])).rows);
  /** The roles the members API manages: all but patient roles. */
  const staffRolesOf = async (db: Db, organisationId: string, personId: string) =>
    grantsOf((await db.query<MembershipRow>("SELECT * FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role <> 'patient' ORDER BY role, unit_id NULLS FIRST", [personId, organisationId])).rows);

  const insertGrants = async (db: Db, organisationId: string, personId: string, grants: readonly RoleGrant[], context: AuditContext) => {
    for (const grant of grants) {
      await db.query(
        `INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [personId, organisationId, grant.role, grant.unitId ?? null, context.actorId ?? null, context.at],
      );
    }
  };
  const checkGuard = async (db: Db, organisationId: string, guard: KeepAdminGuard) => {
    if (guard.roles.length === 0) return;
    const remaining = await one<{ count: number }>(db, 'SELECT count(*)::int AS count FROM memberships WHERE organisation_id = $1 AND role = ANY($2)', [organisationId, [...guard.roles]]);
    if (!remaining || remaining.count === 0) {
      throw new DomainError('conflict', `This would leave the organisation without anyone who can manage its people (${guard.roles.join(' or ')}). Give that role to someone else first.`);
    }
  };
  const memberChange = (db: Db, action: string, organisationId: string, personId: string, before: RoleGrant[], after: RoleGrant[], context: AuditContext) =>
    audit(db, context, { action, objectType: 'person', objectId: personId, organisationId, details: { rolesBefore: before, rolesAfter: after } });
  const endSessions = async (db: Db, personId: string, keep: string) =>
    (await db.query<{ id: string }>('DELETE FROM sessions WHERE person_id = $1 AND id <> $2 RETURNING id', [personId, keep])).rows.map((row) => row.id);

  return {
    async createOrganisation(organisation, context) {
      await inTransaction(pool, async (db) => {
        try {
          await db.query('INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ($1, $2, $3, $4, $5)', [organisation.id, organisation.slug, organisation.name, organisation.kind, organisation.createdAt]);
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError('conflict', `An organisation with the slug "${organisation.slug}" already exists.`);
          throw error;
        }
        await audit(db, context, { action: 'organisation.create', objectType: 'organisation', objectId: organisation.id, organisationId: organisation.id, details: { slug: organisation.slug, kind: organisation.kind } });
      });
      return { ...organisation };
    },
    async findOrganisation(id) {
      const row = await one<OrganisationRow>(pool, 'SELECT * FROM organisations WHERE id = $1', [id]);
      return row && toOrganisation(row);
    },
    async findOrganisationBySlug(slug) {
      const row = await one<OrganisationRow>(pool, 'SELECT * FROM organisations WHERE slug = $1', [slug]);
      return row && toOrganisation(row);
    },
    async listOrganisations(organisationIds) {
      const unique = [...new Set(organisationIds)];
      if (unique.length === 0) return [];
      return (await pool.query<OrganisationRow>('SELECT * FROM organisations WHERE id = ANY($1) ORDER BY lower(name), id', [unique])).rows.map(toOrganisation);
    },
    async createPersonWithMemberships(person, organisationId, roles, context) {
      return inTransaction(pool, async (db) => {
        if (organisationId !== undefined) await lockOrganisation(db, organisationId);
        try {
          await db.query(
            'INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ($1, $2, $3, $4, $5, $6)',
            [person.id, person.email, person.name, person.passwordHash, person.createdAt, person.passwordChosen === false ? null : person.createdAt],
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError('conflict', 'Someone with this e-mail address already has an account.');
          throw error;
        }
        await audit(db, context, { action: 'person.create', objectType: 'person', objectId: person.id, ...(organisationId === undefined ? {} : { organisationId }) });
        if (organisationId !== undefined && roles.length > 0) {
          await insertGrants(db, organisationId, person.id, roles, context);
          await memberChange(db, 'member.add', organisationId, person.id, [], await rolesOf(db, organisationId, person.id), context);
        }
        return toPerson(await requirePerson(db, person.id));
      });
    },
    async findPerson(id) {
      const row = await one<PersonRow>(pool, 'SELECT * FROM people WHERE id = $1', [id]);
      return row && toPerson(row);
    },
    async findPersonByEmail(email) {
      const row = await one<PersonRow>(pool, 'SELECT * FROM people WHERE lower(email) = lower($1)', [email]);
      return row && { ...toPerson(row), passwordHash: row.password_hash };
    },
    async findPersonWithCredentials(id) {
      const row = await one<PersonRow>(pool, 'SELECT * FROM people WHERE id = $1', [id]);
      return row && { ...toPerson(row), passwordHash: row.password_hash };
    },
    async hasChosenPassword(personId) {
      const row = await one<{ chosen: boolean }>(pool, 'SELECT password_chosen_at IS NOT NULL AS chosen FROM people WHERE id = $1', [personId]);
      return row?.chosen === true;
    },
    async changePassword(personId, passwordHash, keepSessionId, context) {
      return inTransaction(pool, async (db) => {
        await requirePerson(db, personId);
        await db.query('UPDATE people SET password_hash = $1, password_chosen_at = $2 WHERE id = $3', [passwordHash, context.at, personId]);
        const ended = await endSessions(db, personId, keepSessionId ?? '');
        await audit(db, context, { action: 'person.password_change', objectType: 'person', objectId: personId, details: { sessionsEnded: ended.length } });
        return ended;
      });
    },
    async listMemberships(personId) {
      return (await pool.query<MembershipRow>('SELECT * FROM memberships WHERE person_id = $1 ORDER BY organisation_id, role, unit_id NULLS FIRST', [personId])).rows.map(toMembership);
    },
    async listMembers(organisationId): Promise<Member[]> {
      const { rows } = await pool.query<MembershipRow & PersonRow>(
        `SELECT m.*, p.* FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE m.organisation_id = $1 AND m.role <> 'patient' ORDER BY lower(p.name), p.id, m.role, m.unit_id NULLS FIRST`,
        [organisationId],
      );
      const members = new Map<string, Member>();
      for (const row of rows) {
        let member = members.get(row.person_id);
        if (!member) {
          member = { person: toPerson({ ...row, id: row.person_id }), roles: [] };
          members.set(row.person_id, member);
        }
        member.roles.push(grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));
      }
      return [...members.values()];
    },
    async addMember(organisationId, personId, roles, context) {
      await inTransaction(pool, async (db) => {
        await lockOrganisation(db, organisationId);
        await requirePerson(db, personId);
        if ((await staffRolesOf(db, organisationId, personId)).length > 0) throw new DomainError('conflict', 'This person is already a member of the organisation; change their roles instead.');
        await insertGrants(db, organisationId, personId, roles, context);
        await memberChange(db, 'member.add', organisationId, personId, [], await staffRolesOf(db, organisationId, personId), context);
      });
    },
    async grantRole(organisationId, personId, grant, context) {
      await inTransaction(pool, async (db) => {
        await lockOrganisation(db, organisationId);
        await requirePerson(db, personId);
        const before = await rolesOf(db, organisationId, personId);
        await insertGrants(db, organisationId, personId, [grant], context);
        const after = await rolesOf(db, organisationId, personId);
        if (after.length !== before.length) await memberChange(db, 'member.roles_change', organisationId, personId, before, after, context);
      });
    },
    async revokeRole(organisationId, personId, grant, guard, context) {
      return inTransaction(pool, async (db) => {
        await db.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
        const before = await rolesOf(db, organisationId, personId);
        const removed = await db.query("DELETE FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role = $3 AND coalesce(unit_id, '') = $4", [personId, organisationId, grant.role, grant.unitId ?? '']);
        if ((removed.rowCount ?? 0) === 0) return false;
        await checkGuard(db, organisationId, guard);
        await memberChange(db, 'member.roles_change', organisationId, personId, before, await rolesOf(db, organisationId, personId), context);
        return true;
      });
    },
    async setRoles(organisationId, personId, roles, guard, context) {
      await inTransaction(pool, async (db) => {
        await db.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
        const before = await staffRolesOf(db, organisationId, personId);
        if (before.length === 0) throw new DomainError('not_found', 'This person is not a member of the organisation.');
        await db.query("DELETE FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role <> 'patient'", [personId, organisationId]);
        await insertGrants(db, organisationId, personId, roles, context);
        await checkGuard(db, organisationId, guard);
        await memberChange(db, 'member.roles_change', organisationId, personId, before, await staffRolesOf(db, organisationId, personId), context);
      });
    },
    async removeMember(organisationId, personId, guard, context) {
      await inTransaction(pool, async (db) => {
        await db.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
        const before = await staffRolesOf(db, organisationId, personId);
        if (before.length === 0) throw new DomainError('not_found', 'This person is not a member of the organisation.');
        await db.query("DELETE FROM memberships WHERE person_id = $1 AND organisation_id = $2 AND role <> 'patient'", [personId, organisationId]);
        await checkGuard(db, organisationId, guard);
        await memberChange(db, 'member.remove', organisationId, personId, before, [], context);
      });
    },
    async createSession(session, context) {
      await inTransaction(pool, async (db) => {
        await db.query(
          'INSERT INTO sessions (id, person_id, csrf_token, created_at, expires_at, last_seen_at, ip, user_agent, sign_in_method, second_factor_owed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [session.id, session.personId, session.csrfToken, session.createdAt, session.expiresAt, session.lastSeenAt, session.ip ?? null, session.userAgent ?? null, session.signInMethod ?? 'password', session.secondFactorOwed ? 1 : 0],
        );
        await audit(db, context, { action: 'auth.login', objectType: 'session', objectId: sessionLabel(session.id), details: { personId: session.personId, method: session.signInMethod ?? 'password', ...(session.secondFactorOwed ? { secondFactorOwed: true } : {}) } });
      });
    },
    async findSession(id) {
      const row = await one<SessionRow>(pool, SESSION_BY_ID.replace('$ID', '$1'), [id]);
      return row && toSession(row);
    },
    async touchSession(id, at) {
      await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1', [at, id]);
    },
    async deleteSession(id, action, context) {
      return inTransaction(pool, async (db) => {
        const row = await one<SessionRow>(db, 'DELETE FROM sessions WHERE id = $1 RETURNING *', [id]);
        if (!row) return false;
        await audit(db, context, { action, objectType: 'session', objectId: sessionLabel(id), details: { personId: row.person_id } });
        return true;
      });
    },
    async deleteSessionsOfPerson(personId, context) {
      return inTransaction(pool, async (db) => {
        const ended = await endSessions(db, personId, '');
        await audit(db, context, { action: 'session.revoke_all', objectType: 'person', objectId: personId, details: { sessionsEnded: ended.length } });
        return ended;
      });
    },
    async recordLoginRefused(personId, reason, context) {
      await audit(pool, context, { action: 'auth.login_refused', objectType: 'person', objectId: personId, details: { reason } });
    },
  };
}

/** An audit label for a session: a prefix of its id, which is itself a hash of the token, so the log cannot be replayed into a cookie. */
function sessionLabel(id: string): string {
  return `session:${id.slice(0, 12)}`;
}
