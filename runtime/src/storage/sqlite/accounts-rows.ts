import type { MembershipRecord, Organisation, OrganisationKind, Person, RoleGrant, SessionRecord } from '../../domain/accounts/accounts-store.js';
import type { Role } from '../../domain/principal.js';

/* Row shapes of the accounts tables (migrations/002-accounts.sql) and their mapping to domain records. */

export interface PersonRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** NULL for an account made for a never-redeemed invitation (migrations/009-invitation-acceptance.sql). */
  password_chosen_at: string | null;
}

export interface SessionRow {
  id: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  /** Since migrations/050-external-identities.sql. */
  sign_in_method: 'password' | 'oidc';
  /** Since migrations/100-second-factor-in-open-sessions.sql. */
  second_factor_owed: number;
}

export interface MembershipRow {
  person_id: string;
  organisation_id: string;
  role: Role;
  unit_id: string | null;
  granted_by: string | null;
  granted_at: string;
}

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  created_at: string;
}

export const toOrganisation = (row: OrganisationRow): Organisation => ({ id: row.id, slug: row.slug, name: row.name, kind: row.kind, createdAt: row.created_at });
export const toPerson = (row: PersonRow): Person => ({ id: row.id, email: row.email, name: row.name, createdAt: row.created_at, ...(row.disabled_at === null ? {} : { disabledAt: row.disabled_at }) });
export const toMembership = (row: MembershipRow): MembershipRecord => ({
  personId: row.person_id,
  organisationId: row.organisation_id,
  role: row.role,
  grantedAt: row.granted_at,
  ...(row.unit_id === null ? {} : { unitId: row.unit_id }),
  ...(row.granted_by === null ? {} : { grantedBy: row.granted_by }),
});
/**
 * A session row as the session check reads it. The mark "owes a second factor" counts only while
 * the person has no confirmed second factor: on PostgreSQL (READ COMMITTED) an organisation turning
 * the rule on and the person confirming their enrolment at the same moment can each miss the
 * other's uncommitted write (the rule's UPDATE does not see the confirmation, the confirmation's
 * "free my sessions" UPDATE does not see the new mark) and leave a mark beside a confirmed factor.
 * Reading the mark against second_factors makes that state harmless on every store, whatever order
 * the writes take, instead of locking every staff member's row when a rule changes. Portable SQL;
 * `$ID` is the placeholder of the session id (`?` or `$1`).
 */
export const SESSION_BY_ID = `SELECT s.id, s.person_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at, s.ip, s.user_agent, s.sign_in_method,
    CASE WHEN s.second_factor_owed = 1 AND NOT EXISTS (SELECT 1 FROM second_factors f WHERE f.person_id = s.person_id AND f.confirmed_at IS NOT NULL) THEN 1 ELSE 0 END AS second_factor_owed
  FROM sessions s WHERE s.id = $ID`;

export const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  personId: row.person_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
  ...(row.ip === null ? {} : { ip: row.ip }),
  ...(row.user_agent === null ? {} : { userAgent: row.user_agent }),
  ...(row.sign_in_method === 'oidc' ? { signInMethod: 'oidc' as const } : {}),
  ...(Number(row.second_factor_owed) === 1 ? { secondFactorOwed: true as const } : {}),
});
export const grantOf = (grant: RoleGrant): RoleGrant => (grant.unitId === undefined ? { role: grant.role } : { role: grant.role, unitId: grant.unitId });

/** Whether better-sqlite3 refused a write because of a UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
