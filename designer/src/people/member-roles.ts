import type { ApiError } from '@careloom/client/api';
import type { Role } from '@careloom/format/api';

/** The roles a permissions admin gives in a publishing organisation, in the order the screen shows them. */
export const MEMBER_ROLES: readonly Role[] = ['designer', 'publisher', 'tester', 'permissions_admin'];

/** The fields of the invite form that the server's issues can point at. */
export type InviteField = 'email' | 'roles' | 'language';
const FIELDS: readonly InviteField[] = ['email', 'roles', 'language'];

/**
 * Sorts the server's refusal of an invitation onto the form: each issue goes to the field its JSON
 * Pointer starts with (`/roles/1` → roles); the rest (and a refusal without issues) to `form`. A
 * 409 names no field but is about the e-mail address (the person is a member already), so it goes
 * there.
 *
 * @example
 * fieldMessages(error); // { email: ['"email" must be an e-mail address.'], roles: [], language: [], form: [] }
 */
export function fieldMessages(error: Pick<ApiError, 'status' | 'issues' | 'detail' | 'title'>): Record<InviteField | 'form', string[]> {
  const messages: Record<InviteField | 'form', string[]> = { email: [], roles: [], language: [], form: [] };
  for (const issue of error.issues) {
    const field = FIELDS.find((candidate) => issue.path === `/${candidate}` || issue.path.startsWith(`/${candidate}/`));
    messages[field ?? 'form'].push(issue.message);
  }
  if (error.issues.length === 0) messages[error.status === 409 ? 'email' : 'form'].push(error.detail || error.title);
  return messages;
}

/** Whether two role lists hold the same roles, in any order. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((role) => set.has(role));
}

/** The roles of `roles` that the screen knows, in the screen's order. */
export function orderedRoles(roles: readonly string[]): Role[] {
  return MEMBER_ROLES.filter((role) => roles.includes(role));
}
