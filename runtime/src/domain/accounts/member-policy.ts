import type { Principal } from '../principal.js';
import type { Organisation } from './accounts-store.js';
import { MEMBER_MANAGER_ROLES } from './organisation-roles.js';

/** What a principal may do with an organisation's people: nothing visible, or see that it exists, or manage. */
export type MemberAccess = 'none' | 'member' | 'manage';

/**
 * Pure policy for the members API. A person with no role in the organisation gets 'none' (the
 * organisation is reported as not found, so its existence does not leak); a member without a
 * manager role gets 'member' (refused); a permissions admin (or, at a care provider, its admin) gets 'manage'.
 *
 * @example
 * memberAccess(principal, organisation) === 'manage'
 */
export function memberAccess(principal: Principal | undefined, organisation: Organisation): MemberAccess {
  const mine = principal?.memberships.filter((membership) => membership.organisationId === organisation.id) ?? [];
  if (mine.length === 0) return 'none';
  const managers = MEMBER_MANAGER_ROLES[organisation.kind];
  return mine.some((membership) => managers.includes(membership.role)) ? 'manage' : 'member';
}
