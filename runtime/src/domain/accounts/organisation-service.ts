import type { Issue } from '@careloom/format';
import type { Clock } from '../../clock.js';
import type { IdGenerator } from '../../ids.js';
import { DomainError } from '../errors.js';
import { hasRole, type Principal, type Role } from '../principal.js';
import type { AccountsStore, AuditContext, Member, Organisation, OrganisationKind, Person, RoleGrant } from './accounts-store.js';
import { memberAccess } from './member-policy.js';
import { ASSIGNABLE_ROLES, MEMBER_MANAGER_ROLES } from './organisation-roles.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordIssues } from './password-policy.js';
import type { RequestContext } from './request-context.js';
import type { SessionRevokedHub } from './session-revoked.js';

export interface OrganisationServiceDeps {
  store: AccountsStore;
  hasher: PasswordHasher;
  sessionRevoked: SessionRevokedHub;
  clock: Clock;
  ids: IdGenerator;
}

/** An organisation as its member sees it: with the roles they hold there. */
export interface MyOrganisation extends Organisation {
  roles: RoleGrant[];
}

/** System-level creation, for seeding and operator tools; never reachable over HTTP. */
export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

export interface OrganisationService {
  listMine(principal: Principal): Promise<MyOrganisation[]>;
  listMembers(principal: Principal, organisationId: string): Promise<Member[]>;
  setRoles(principal: Principal, organisationId: string, personId: string, roles: Role[], context: RequestContext): Promise<Member>;
  removeMember(principal: Principal, organisationId: string, personId: string, context: RequestContext): Promise<void>;
  /** System: creates an organisation (or returns the one with this slug). */
  ensureOrganisation(input: { slug: string; name: string; kind: OrganisationKind }): Promise<Organisation>;
  /** System: creates an account with roles in one organisation (or grants the roles to the existing account with this e-mail). */
  ensureAccount(account: NewAccount, organisationId: string, roles: Role[]): Promise<Person>;
}

/**
 * Organisations and their people: the members API of permissions admins (list, change roles,
 * remove; people join only by accepting an invitation, see member-invitations.ts), and the
 * system-level helpers the demo seed uses. Every refusal is a DomainError; authorisation is the pure
 * `memberAccess` policy; every write is one store call that writes its own audit row.
 *
 * @example
 * const organisations = createOrganisationService({ store, hasher, sessionRevoked, clock, ids });
 * await organisations.setRoles(principal, orgId, personId, ['designer'], { ip });
 */
export function createOrganisationService(deps: OrganisationServiceDeps): OrganisationService {
  /** The audit context of a member change, naming the manager role the actor acted in. */
  const audit = (context: RequestContext, principal: Principal, organisation: Organisation): AuditContext => {
    const actorRole = MEMBER_MANAGER_ROLES[organisation.kind].find((role) => hasRole(principal, organisation.id, role));
    return {
      at: deps.clock.now().toISOString(),
      actorId: principal.personId,
      ...(actorRole ? { actorRole } : {}),
      ...(context.ip === undefined ? {} : { ip: context.ip }),
      ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
    };
  };

  /** Loads the organisation and refuses anyone who may not manage its people. */
  const managed = async (principal: Principal, organisationId: string): Promise<Organisation> => {
    const organisation = await deps.store.findOrganisation(organisationId);
    const access = organisation ? memberAccess(principal, organisation) : 'none';
    if (!organisation || access === 'none') throw new DomainError('not_found', 'No such organisation.');
    if (access !== 'manage') throw new DomainError('forbidden', "Only the organisation's permissions admins may manage its people.");
    return organisation;
  };

  const checkRoles = (organisation: Organisation, roles: readonly Role[]) => {
    const allowed = ASSIGNABLE_ROLES[organisation.kind];
    const issues: Issue[] = roles.flatMap((role, index) =>
      allowed.includes(role) ? [] : [{ code: 'role.not_assignable', path: `/roles/${index}`, message: `The role "${role}" cannot be given in a ${organisation.kind.replace('_', ' ')} organisation; choose one of ${allowed.join(', ')}.` }],
    );
    if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
    return [...new Set(roles)].map((role) => ({ role }));
  };

  const memberOf = async (organisationId: string, personId: string): Promise<Member> => {
    const member = (await deps.store.listMembers(organisationId)).find((candidate) => candidate.person.id === personId);
    if (!member) throw new DomainError('not_found', 'This person is not a member of the organisation.');
    return member;
  };

  const guard = (organisation: Organisation) => ({ roles: MEMBER_MANAGER_ROLES[organisation.kind] });

  const createAccount = async (account: NewAccount, organisationId: string, roles: RoleGrant[], context: AuditContext): Promise<Person> => {
    const issues: Issue[] = [
      ...(account.name.trim() === '' ? [{ code: 'person.name_required', path: '/name', message: 'A new account needs a name.' }] : []),
      ...passwordIssues(account.password, '/password'),
    ];
    if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
    const passwordHash = await deps.hasher.hash(account.password);
    return deps.store.createPersonWithMemberships({ id: deps.ids.newId(), email: account.email.trim(), name: account.name.trim(), passwordHash, createdAt: context.at }, organisationId, roles, context);
  };

  return {
    async listMine(principal) {
      const organisations = await deps.store.listOrganisations(principal.memberships.map((membership) => membership.organisationId));
      return organisations.map((organisation) => ({
        ...organisation,
        roles: principal.memberships.filter((membership) => membership.organisationId === organisation.id).map(({ role, unitId }) => (unitId === undefined ? { role } : { role, unitId })),
      }));
    },

    async listMembers(principal, organisationId) {
      await managed(principal, organisationId);
      return deps.store.listMembers(organisationId);
    },

    async setRoles(principal, organisationId, personId, roles, context) {
      const organisation = await managed(principal, organisationId);
      const before = await memberOf(organisationId, personId);
      // A therapist keeps the units they work in for as long as they keep the therapist role.
      const grants: RoleGrant[] = [...checkRoles(organisation, roles), ...before.roles.filter((held) => held.unitId !== undefined && roles.includes(held.role))];
      await deps.store.setRoles(organisationId, personId, grants, guard(organisation), audit(context, principal, organisation));
      if (before.roles.some((held) => !grants.some((grant) => grant.role === held.role && grant.unitId === held.unitId))) {
        deps.sessionRevoked.emit({ personId, organisationId, reason: 'roles_changed' });
      }
      return memberOf(organisationId, personId);
    },

    async removeMember(principal, organisationId, personId, context) {
      const organisation = await managed(principal, organisationId);
      await deps.store.removeMember(organisationId, personId, guard(organisation), audit(context, principal, organisation));
      deps.sessionRevoked.emit({ personId, organisationId, reason: 'member_removed' });
    },

    async ensureOrganisation(input) {
      const existing = await deps.store.findOrganisationBySlug(input.slug);
      if (existing) return existing;
      const at = deps.clock.now().toISOString();
      return deps.store.createOrganisation({ id: deps.ids.newId(), slug: input.slug, name: input.name, kind: input.kind, createdAt: at }, { at });
    },

    async ensureAccount(account, organisationId, roles) {
      const context: AuditContext = { at: deps.clock.now().toISOString() };
      const existing = await deps.store.findPersonByEmail(account.email);
      if (!existing) return createAccount(account, organisationId, roles.map((role) => ({ role })), context);
      for (const role of roles) await deps.store.grantRole(organisationId, existing.id, { role }, context);
      const { passwordHash: _passwordHash, ...person } = existing;
      return person;
    },
  };
}
