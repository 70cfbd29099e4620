import type { Principal, Role } from '../principal.js';

/**
 * Who may do what in care: a pure table over role, organisation, unit and patient.
 *
 * Refusals follow one rule (routes/care/README.md): no session → `unauthenticated`; a session
 * without any role the action needs → `forbidden`; the role, but the object lies outside the
 * caller's organisation, unit or own enrollments → `not_found`, so ids do not leak.
 * Care-provider admins manage units and deployments but never see answers or messages.
 *
 * @example
 * const decision = authorizeUnit(principal, 'alerts.read', unit);
 * if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
 */
export type CarePermission =
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'deployment.read'
  | 'deployment.write'
  | 'report.read'
  | 'patients.read'
  | 'enrollment.create'
  | 'enrollment.read'
  | 'enrollment.write'
  | 'referral.read'
  | 'referral.decide'
  | 'outbox.read'
  | 'api_token.manage'
  | 'webhook.manage'
  | 'notice.post';

const ADMIN: Role = 'care_provider_admin';
const THERAPIST: Role = 'therapist';

const PERMISSION_ROLES: Readonly<Record<CarePermission, readonly Role[]>> = {
  'unit.read': [ADMIN, THERAPIST],
  'unit.create': [ADMIN],
  'unit.update': [ADMIN],
  'deployment.read': [ADMIN, THERAPIST],
  'deployment.write': [ADMIN],
  'report.read': [ADMIN, THERAPIST],
  'patients.read': [THERAPIST],
  'enrollment.create': [THERAPIST],
  'enrollment.read': [THERAPIST],
  'enrollment.write': [THERAPIST],
  'referral.read': [THERAPIST],
  'referral.decide': [THERAPIST],
  'outbox.read': [ADMIN],
  'api_token.manage': [ADMIN],
  'webhook.manage': [ADMIN],
  'notice.post': [ADMIN],
};

export type CareDecision = { allowed: true; role: Role } | { allowed: false; code: 'unauthenticated' | 'not_found' | 'forbidden'; reason: string };

/** Where a unit sits: its care provider and its id. */
export interface UnitScope {
  id: string;
  organisationId: string;
}

/**
 * Decides a permission on an object of a unit. An admin acts on every unit of their provider; a
 * therapist only on the units they are a therapist in.
 */
export function authorizeUnit(principal: Principal | undefined, permission: CarePermission, unit: UnitScope): CareDecision {
  const refused = roleRefusal(principal, permission);
  if (refused) return refused;
  const role = PERMISSION_ROLES[permission].find((candidate) => holdsIn(principal as Principal, candidate, unit));
  return role ? { allowed: true, role } : { allowed: false, code: 'not_found', reason: 'There is no such unit, or it is not one of yours.' };
}

/** Decides a permission on a care-provider organisation (creating units, reading its outbox). */
export function authorizeProvider(principal: Principal | undefined, permission: CarePermission, organisationId: string): CareDecision {
  const refused = roleRefusal(principal, permission);
  if (refused) return refused;
  const role = PERMISSION_ROLES[permission].find((candidate) => (principal as Principal).memberships.some((membership) => membership.role === candidate && membership.organisationId === organisationId));
  return role ? { allowed: true, role } : { allowed: false, code: 'not_found', reason: 'There is no such care provider, or you are not its admin.' };
}

/** The unit scope of a principal's care roles: organisations they administer and units they treat in. */
export function careScope(principal: Principal): { organisationIds: string[]; unitIds: string[] } {
  const organisationIds = principal.memberships.filter((membership) => membership.role === ADMIN).map((membership) => membership.organisationId);
  const unitIds = principal.memberships.filter((membership) => membership.role === THERAPIST && membership.unitId !== undefined).map((membership) => membership.unitId as string);
  return { organisationIds: [...new Set(organisationIds)], unitIds: [...new Set(unitIds)] };
}

/** A caller of `/api/me`: any session with the patient role; which enrollments are theirs is checked per object. */
export function patientRefusal(principal: Principal | undefined): Extract<CareDecision, { allowed: false }> | undefined {
  if (!principal) return { allowed: false, code: 'unauthenticated', reason: 'Sign in to see your program.' };
  if (!principal.memberships.some((membership) => membership.role === 'patient')) return { allowed: false, code: 'forbidden', reason: 'This is for patients enrolled in a program.' };
  return undefined;
}

function roleRefusal(principal: Principal | undefined, permission: CarePermission): Extract<CareDecision, { allowed: false }> | undefined {
  if (!principal) return { allowed: false, code: 'unauthenticated', reason: 'Sign in to work with care units.' };
  const needed = PERMISSION_ROLES[permission];
  if (!principal.memberships.some((membership) => needed.includes(membership.role))) {
    return { allowed: false, code: 'forbidden', reason: `This needs the ${needed.map((role) => role.replace(/_/g, ' ')).join(' or ')} role.` };
  }
  return undefined;
}

function holdsIn(principal: Principal, role: Role, unit: UnitScope): boolean {
  return principal.memberships.some(
    (membership) => membership.role === role && membership.organisationId === unit.organisationId && (role === ADMIN || membership.unitId === unit.id),
  );
}
