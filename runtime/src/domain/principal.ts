import type { Role as WireRole } from '@careloom/format/api';

/**
 * Roles (docs/product.md). A person holds roles per organisation (publishing organisation or care
 * provider) and may hold several; therapist and patient roles are scoped further to a unit.
 */
export const ROLES = ['designer', 'publisher', 'tester', 'permissions_admin', 'care_provider_admin', 'data_admin', 'therapist', 'patient'] as const satisfies readonly WireRole[];
export type Role = (typeof ROLES)[number];
// The wire type (what clients read) and this list name the same roles: adding one on either side alone fails here.
const _sameRoles: [WireRole] extends [Role] ? true : never = true;

/** One role a person holds in one organisation (and, for unit-scoped roles, one unit). */
export interface Membership {
  organisationId: string;
  role: Role;
  unitId?: string;
}

/** The authenticated person behind a request, as the domain sees them: no cookies, no tokens. */
export interface Principal {
  personId: string;
  name: string;
  email: string;
  memberships: readonly Membership[];
  /** The session the request came in on, so logout and revocation can target it. */
  sessionId: string;
}

/** Whether the principal holds `role` in `organisationId`. */
export function hasRole(principal: Principal | undefined, organisationId: string, role: Role): boolean {
  return principal?.memberships.some((membership) => membership.organisationId === organisationId && membership.role === role) ?? false;
}

/** Organisations in which the principal holds any of `roles`. */
export function organisationsWithRole(principal: Principal | undefined, ...roles: Role[]): string[] {
  if (!principal) return [];
  return [...new Set(principal.memberships.filter((membership) => roles.includes(membership.role)).map((membership) => membership.organisationId))];
}
