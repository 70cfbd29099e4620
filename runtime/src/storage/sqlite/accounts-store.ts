import type Database from 'better-sqlite3';
import type { AccountsStore, AuditContext, KeepAdminGuard, Member, Organisation, PersonWithCredentials, RoleGrant, SessionRecord } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import { SESSION_BY_ID, grantOf, isUniqueViolation, toMembership, toOrganisation, toPerson, toSession, type MembershipRow, type OrganisationRow, type PersonRow, type SessionRow } from './accounts-rows.js';

interface AuditRow {
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string;
  details?: Record<string, unknown>;
}

/**
 * The accounts store on SQLite (tables from migrations/002-accounts.sql). Each write is one
 * synchronous better-sqlite3 transaction that includes its audit_log row; nothing is awaited inside.
 * Audit rows never carry passwords, hashes, tokens or CSRF tokens: sessions are named by the first
 * 12 characters of their (already hashed) id.
 *
 * @param options.ids - audit row ids; random UUIDs unless a test wants them predictable.
 * @example
 * const store = createSqliteAccountsStore(db);
 * await store.createOrganisation(organisation, { at: clock.now().toISOString() });
 */
export function createSqliteAccountsStore(db: Database.Database, options: { ids?: IdGenerator } = {}): AccountsStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (context: AuditContext, row: AuditRow) =>
    writeAuditEntry(db, { id: ids.newId(), ...context, ...row });

  const statements = {
    insertOrganisation: db.prepare('INSERT INTO organisations (id, slug, name, kind, created_at) VALUES (@id, @slug, @name, @kind, @createdAt)'),
    organisationById: db.prepare<[string], OrganisationRow>('SELECT * FROM organisations WHERE id = ?'),
    organisationBySlug: db.prepare<[string], OrganisationRow>('SELECT * FROM organisations WHERE slug = ?'),
    insertPerson: db.prepare('INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES (@id, @email, @name, @passwordHash, @createdAt, @passwordChosenAt)'),
    personById: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?'),
    personByEmail: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE email = ?'),
    updatePassword: db.prepare('UPDATE people SET password_hash = ?, password_chosen_at = ? WHERE id = ?'),
    passwordChosen: db.prepare<[string], { chosen: number }>('SELECT password_chosen_at IS NOT NULL AS chosen FROM people WHERE id = ?'),
    insertMembership: db.prepare(
      'INSERT OR IGNORE INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES (@personId, @organisationId, @role, @unitId, @grantedBy, @grantedAt)',
    ),
    deleteMembership: db.prepare('DELETE FROM memberships WHERE person_id = ? AND organisation_id = ? AND role = ? AND ifnull(unit_id, \'\') = ?'),
    // Staff roles only: a patient role stays with the patient's care (see AccountsStore.listMembers).
    deleteMemberships: db.prepare("DELETE FROM memberships WHERE person_id = ? AND organisation_id = ? AND role <> 'patient'"),
    membershipsOfPerson: db.prepare<[string], MembershipRow>('SELECT * FROM memberships WHERE person_id = ? ORDER BY organisation_id, role, unit_id'),
    membershipsInOrganisation: db.prepare<[string, string], MembershipRow>('SELECT * FROM memberships WHERE person_id = ? AND organisation_id = ? ORDER BY role, unit_id'),
    staffMembershipsInOrganisation: db.prepare<[string, string], MembershipRow>("SELECT * FROM memberships WHERE person_id = ? AND organisation_id = ? AND role <> 'patient' ORDER BY role, unit_id"),
    membersOfOrganisation: db.prepare<[string], MembershipRow & PersonRow>(
      `SELECT m.*, p.* FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.organisation_id = ? AND m.role <> 'patient' ORDER BY p.name COLLATE NOCASE, p.id, m.role, m.unit_id`,
    ),
    insertSession: db.prepare(
      'INSERT INTO sessions (id, person_id, csrf_token, created_at, expires_at, last_seen_at, ip, user_agent, sign_in_method, second_factor_owed) VALUES (@id, @personId, @csrfToken, @createdAt, @expiresAt, @lastSeenAt, @ip, @userAgent, @signInMethod, @secondFactorOwed)',
    ),
    sessionById: db.prepare<[string], SessionRow>(SESSION_BY_ID.replace('$ID', '?')),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?'),
    deleteSession: db.prepare<[string], SessionRow>('DELETE FROM sessions WHERE id = ? RETURNING *'),
    deleteSessionsOfPerson: db.prepare<[string, string], { id: string }>('DELETE FROM sessions WHERE person_id = ? AND id <> ? RETURNING id'),
  };

  const requireOrganisation = (id: string): Organisation => {
    const row = statements.organisationById.get(id);
    if (!row) throw new DomainError('not_found', 'No such organisation.');
    return toOrganisation(row);
  };
  const requirePerson = (id: string): PersonRow => {
    const row = statements.personById.get(id);
    if (!row) throw new DomainError('not_found', 'No such person.');
    return row;
  };

  const rolesOf = (organisationId: string, personId: string): RoleGrant[] =>
    statements.membershipsInOrganisation.all(personId, organisationId).map((row) => grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));
  /** The roles the members API manages: all but patient roles. */
  const staffRolesOf = (organisationId: string, personId: string): RoleGrant[] =>
    statements.staffMembershipsInOrganisation.all(personId, organisationId).map((row) => grantOf({ role: row.role, ...(row.unit_id === null ? {} : { unitId: row.unit_id }) }));

  const insertGrants = (organisationId: string, personId: string, grants: readonly RoleGrant[], context: AuditContext) => {
    for (const grant of grants) {
      statements.insertMembership.run({ personId, organisationId, role: grant.role, unitId: grant.unitId ?? null, grantedBy: context.actorId ?? null, grantedAt: context.at });
    }
  };

  const checkGuard = (organisationId: string, guard: KeepAdminGuard) => {
    if (guard.roles.length === 0) return;
    const placeholders = guard.roles.map(() => '?').join(', ');
    const remaining = db.prepare<unknown[], { count: number }>(`SELECT count(*) AS count FROM memberships WHERE organisation_id = ? AND role IN (${placeholders})`).get(organisationId, ...guard.roles);
    if (!remaining || remaining.count === 0) {
      throw new DomainError('conflict', `This would leave the organisation without anyone who can manage its people (${guard.roles.join(' or ')}). Give that role to someone else first.`);
    }
  };

  const memberChange = (action: string, organisationId: string, personId: string, before: RoleGrant[], after: RoleGrant[], context: AuditContext) =>
    audit(context, { action, objectType: 'person', objectId: personId, organisationId, details: { rolesBefore: before, rolesAfter: after } });

  const transactions = {
    createOrganisation: db.transaction((organisation: Organisation, context: AuditContext) => {
      try {
        statements.insertOrganisation.run(organisation);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('conflict', `An organisation with the slug "${organisation.slug}" already exists.`);
        throw error;
      }
      audit(context, { action: 'organisation.create', objectType: 'organisation', objectId: organisation.id, organisationId: organisation.id, details: { slug: organisation.slug, kind: organisation.kind } });
    }),
    createPerson: db.transaction((person: Parameters<AccountsStore['createPersonWithMemberships']>[0], organisationId: string | undefined, roles: readonly RoleGrant[], context: AuditContext) => {
      if (organisationId !== undefined) requireOrganisation(organisationId);
      try {
        const { passwordChosen, ...row } = person;
        statements.insertPerson.run({ ...row, passwordChosenAt: passwordChosen === false ? null : person.createdAt });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('conflict', 'Someone with this e-mail address already has an account.');
        throw error;
      }
      audit(context, { action: 'person.create', objectType: 'person', objectId: person.id, ...(organisationId === undefined ? {} : { organisationId }) });
      if (organisationId !== undefined && roles.length > 0) {
        insertGrants(organisationId, person.id, roles, context);
        memberChange('member.add', organisationId, person.id, [], rolesOf(organisationId, person.id), context);
      }
    }),
    changePassword: db.transaction((personId: string, passwordHash: string, keepSessionId: string | undefined, context: AuditContext): string[] => {
      requirePerson(personId);
      statements.updatePassword.run(passwordHash, context.at, personId);
      const ended = statements.deleteSessionsOfPerson.all(personId, keepSessionId ?? '').map((row) => row.id);
      audit(context, { action: 'person.password_change', objectType: 'person', objectId: personId, details: { sessionsEnded: ended.length } });
      return ended;
    }),
    addMember: db.transaction((organisationId: string, personId: string, roles: readonly RoleGrant[], context: AuditContext) => {
      requireOrganisation(organisationId);
      requirePerson(personId);
      if (staffRolesOf(organisationId, personId).length > 0) throw new DomainError('conflict', 'This person is already a member of the organisation; change their roles instead.');
      insertGrants(organisationId, personId, roles, context);
      memberChange('member.add', organisationId, personId, [], staffRolesOf(organisationId, personId), context);
    }),
    grantRole: db.transaction((organisationId: string, personId: string, grant: RoleGrant, context: AuditContext) => {
      requireOrganisation(organisationId);
      requirePerson(personId);
      const before = rolesOf(organisationId, personId);
      insertGrants(organisationId, personId, [grant], context);
      const after = rolesOf(organisationId, personId);
      if (after.length !== before.length) memberChange('member.roles_change', organisationId, personId, before, after, context);
    }),
    revokeRole: db.transaction((organisationId: string, personId: string, grant: RoleGrant, guard: KeepAdminGuard, context: AuditContext): boolean => {
      const before = rolesOf(organisationId, personId);
      const removed = statements.deleteMembership.run(personId, organisationId, grant.role, grant.unitId ?? '').changes > 0;
      if (!removed) return false;
      checkGuard(organisationId, guard);
      memberChange('member.roles_change', organisationId, personId, before, rolesOf(organisationId, personId), context);
      return true;
    }),
    setRoles: db.transaction((organisationId: string, personId: string, roles: readonly RoleGrant[], guard: KeepAdminGuard, context: AuditContext) => {
      const before = staffRolesOf(organisationId, personId);
      if (before.length === 0) throw new DomainError('not_found', 'This person is not a member of the organisation.');
      statements.deleteMemberships.run(personId, organisationId);
      insertGrants(organisationId, personId, roles, context);
      checkGuard(organisationId, guard);
      memberChange('member.roles_change', organisationId, personId, before, staffRolesOf(organisationId, personId), context);
    }),
    removeMember: db.transaction((organisationId: string, personId: string, guard: KeepAdminGuard, context: AuditContext) => {
      const before = staffRolesOf(organisationId, personId);
      if (before.length === 0) throw new DomainError('not_found', 'This person is not a member of the organisation.');
      statements.deleteMemberships.run(personId, organisationId);
      checkGuard(organisationId, guard);
      memberChange('member.remove', organisationId, personId, before, [], context);
    }),
    createSession: db.transaction((session: SessionRecord, context: AuditContext) => {
      statements.insertSession.run({ ...session, ip: session.ip ?? null, userAgent: session.userAgent ?? null, signInMethod: session.signInMethod ?? 'password', secondFactorOwed: session.secondFactorOwed ? 1 : 0 });
      audit(context, { action: 'auth.login', objectType: 'session', objectId: sessionLabel(session.id), details: { personId: session.personId, method: session.signInMethod ?? 'password', ...(session.secondFactorOwed ? { secondFactorOwed: true } : {}) } });
    }),
    deleteSession: db.transaction((id: string, action: string, context: AuditContext): boolean => {
      const row = statements.deleteSession.get(id);
      if (!row) return false;
      audit(context, { action, objectType: 'session', objectId: sessionLabel(id), details: { personId: row.person_id } });
      return true;
    }),
    deleteSessionsOfPerson: db.transaction((personId: string, context: AuditContext): string[] => {
      const ended = statements.deleteSessionsOfPerson.all(personId, '').map((row) => row.id);
      audit(context, { action: 'session.revoke_all', objectType: 'person', objectId: personId, details: { sessionsEnded: ended.length } });
      return ended;
    }),
  };

  return {
    async createOrganisation(organisation, context) {
      transactions.createOrganisation(organisation, context);
      return { ...organisation };
    },
    async findOrganisation(id) {
      const row = statements.organisationById.get(id);
      return row && toOrganisation(row);
    },
    async findOrganisationBySlug(slug) {
      const row = statements.organisationBySlug.get(slug);
      return row && toOrganisation(row);
    },
    async listOrganisations(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const placeholders = unique.map(() => '?').join(', ');
      return db.prepare<string[], OrganisationRow>(`SELECT * FROM organisations WHERE id IN (${placeholders}) ORDER BY name COLLATE NOCASE, id`).all(...unique).map(toOrganisation);
    },
    async createPersonWithMemberships(person, organisationId, roles, context) {
      transactions.createPerson(person, organisationId, roles, context);
      return toPerson(requirePerson(person.id));
    },
    async findPerson(id) {
      const row = statements.personById.get(id);
      return row && toPerson(row);
    },
    async findPersonByEmail(email) {
      const row = statements.personByEmail.get(email);
      return row && { ...toPerson(row), passwordHash: row.password_hash };
    },
    async findPersonWithCredentials(id): Promise<PersonWithCredentials | undefined> {
      const row = statements.personById.get(id);
      return row && { ...toPerson(row), passwordHash: row.password_hash };
    },
    async hasChosenPassword(personId) {
      return statements.passwordChosen.get(personId)?.chosen === 1;
    },
    async changePassword(personId, passwordHash, keepSessionId, context) {
      return transactions.changePassword(personId, passwordHash, keepSessionId, context);
    },
    async listMemberships(personId) {
      return statements.membershipsOfPerson.all(personId).map(toMembership);
    },
    async listMembers(organisationId): Promise<Member[]> {
      const members = new Map<string, Member>();
      for (const row of statements.membersOfOrganisation.all(organisationId)) {
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
      transactions.addMember(organisationId, personId, roles, context);
    },
    async grantRole(organisationId, personId, grant, context) {
      transactions.grantRole(organisationId, personId, grant, context);
    },
    async revokeRole(organisationId, personId, grant, guard, context) {
      return transactions.revokeRole(organisationId, personId, grant, guard, context);
    },
    async setRoles(organisationId, personId, roles, guard, context) {
      transactions.setRoles(organisationId, personId, roles, guard, context);
    },
    async removeMember(organisationId, personId, guard, context) {
      transactions.removeMember(organisationId, personId, guard, context);
    },
    async createSession(session, context) {
      transactions.createSession(session, context);
    },
    async findSession(id) {
      const row = statements.sessionById.get(id);
      return row && toSession(row);
    },
    async touchSession(id, at) {
      statements.touchSession.run(at, id, at);
    },
    async deleteSession(id, action, context) {
      return transactions.deleteSession(id, action, context);
    },
    async deleteSessionsOfPerson(personId, context) {
      return transactions.deleteSessionsOfPerson(personId, context);
    },
    async recordLoginRefused(personId, reason, context) {
      audit(context, { action: 'auth.login_refused', objectType: 'person', objectId: personId, details: { reason } });
    },
  };
}

/** An audit label for a session: a prefix of its id, which is itself a hash of the token, so the log cannot be replayed into a cookie. */
function sessionLabel(id: string): string {
  return `session:${id.slice(0, 12)}`;
}
