import type { Principal, Role } from '../principal.js';
import { ACTION_ROLE } from './workflow.js';
import type { WorkflowAction } from './workflow.js';

/**
 * Who may do what with a publishing organisation's modules and programs: a pure table.
 *
 * Visibility: a document exists only for the designers, publishers and testers of its owning
 * organisation. Everyone else (another organisation's publisher, a care-provider admin, a
 * therapist) gets `not_found`, so ids do not leak which organisation is working on what. A member
 * of the owning organisation who lacks the role for the action (a tester submitting, a designer
 * releasing, the organisation's permissions admin reading) gets `forbidden`, because they may know
 * the document exists. Released content is public to those who deploy it, through the catalog.
 *
 * @example
 * const decision = authorize(principal, 'version.submit', { organisationId: document.organisationId });
 * if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
 */
export type AuthoringPermission =
  | 'document.create'
  | 'document.read'
  | 'draft.edit'
  | 'version.submit'
  | 'comment.write'
  | 'test_enrollment.create'
  | `transition.${WorkflowAction}`;

/** Roles of the owning organisation that see its documents at all. */
export const AUTHORING_ROLES: readonly Role[] = ['designer', 'publisher', 'tester'];

const PERMISSION_ROLES: Readonly<Record<AuthoringPermission, readonly Role[]>> = {
  'document.create': ['designer'],
  'document.read': AUTHORING_ROLES,
  'draft.edit': ['designer'],
  'version.submit': ['designer'],
  'comment.write': AUTHORING_ROLES,
  'test_enrollment.create': ['tester', 'publisher'],
  'transition.start_review': [ACTION_ROLE.start_review],
  'transition.request_changes': [ACTION_ROLE.request_changes],
  'transition.approve_for_test': [ACTION_ROLE.approve_for_test],
  'transition.release': [ACTION_ROLE.release],
  'transition.retire': [ACTION_ROLE.retire],
  'transition.withdraw': [ACTION_ROLE.withdraw],
};

/**
 * The one answer for a module or program the caller may not know about, whether it exists in
 * another organisation or not at all (HTTP and the collaboration WebSocket alike), so that no
 * wording tells the two apart.
 */
export const NO_SUCH_DOCUMENT = 'There is no such module or program.';

export type Decision = { allowed: true; role: Role } | { allowed: false; code: 'unauthenticated' | 'not_found' | 'forbidden'; reason: string };

/** Roles the principal holds in one organisation. */
export function rolesIn(principal: Principal, organisationId: string): Role[] {
  return principal.memberships.filter((membership) => membership.organisationId === organisationId).map((membership) => membership.role);
}

/**
 * Decides one permission on a resource owned by `organisationId`. `role` in an allowed decision is
 * the role the action is taken in (for the audit log).
 */
export function authorize(principal: Principal | undefined, permission: AuthoringPermission, resource: { organisationId: string }): Decision {
  if (!principal) return { allowed: false, code: 'unauthenticated', reason: 'Sign in to work with modules.' };
  const roles = rolesIn(principal, resource.organisationId);
  const needed = PERMISSION_ROLES[permission];
  const role = needed.find((candidate) => roles.includes(candidate));
  if (role) return { allowed: true, role };
  if (permission !== 'document.create' && roles.length === 0) {
    return { allowed: false, code: 'not_found', reason: NO_SUCH_DOCUMENT };
  }
  return { allowed: false, code: 'forbidden', reason: `This needs the ${needed.join(' or ')} role in the organisation that owns the module.` };
}

/**
 * Organisations whose documents the principal may list (designer, publisher or tester there).
 * Undefined for an anonymous request.
 */
export function readableOrganisations(principal: Principal | undefined): string[] | undefined {
  if (!principal) return undefined;
  return [...new Set(principal.memberships.filter((membership) => AUTHORING_ROLES.includes(membership.role)).map((membership) => membership.organisationId))];
}

/**
 * What part of the catalog the principal may read: everything for a care-provider admin (of any
 * organisation: they deploy released content), their own organisations' entries for any other
 * member of a publishing organisation, nothing for anyone else (`forbidden`).
 */
export function catalogScope(principal: Principal | undefined): { scope: 'all' } | { scope: 'organisations'; organisationIds: string[] } | Extract<Decision, { allowed: false }> {
  if (!principal) return { allowed: false, code: 'unauthenticated', reason: 'Sign in to read the catalog.' };
  if (principal.memberships.some((membership) => membership.role === 'care_provider_admin')) return { scope: 'all' };
  const organisationIds = [...new Set(principal.memberships.filter((membership) => [...AUTHORING_ROLES, 'permissions_admin'].includes(membership.role)).map((membership) => membership.organisationId))];
  if (organisationIds.length === 0) return { allowed: false, code: 'forbidden', reason: 'The catalog is for care-provider admins and publishing organisations.' };
  return { scope: 'organisations', organisationIds };
}
