import type { Role } from '../principal.js';

/** What kind of organisation: one that authors and publishes modules, or one that delivers them to patients. */
export type OrganisationKind = 'publisher' | 'care_provider';

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  createdAt: string;
}

/** A person as anyone but the login code sees them: no password hash. */
export interface Person {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  disabledAt?: string;
}

/** A person with the stored password hash, for login and password change only. */
export interface PersonWithCredentials extends Person {
  passwordHash: string;
}

/** One role held by one person in one organisation (and, for unit-scoped roles, one unit). */
export interface MembershipRecord {
  personId: string;
  organisationId: string;
  role: Role;
  unitId?: string;
  grantedBy?: string;
  grantedAt: string;
}

/** A role to grant, without the bookkeeping the store fills in. */
export interface RoleGrant {
  role: Role;
  unitId?: string;
}

/** A member of an organisation with the roles they hold there. */
export interface Member {
  person: Person;
  roles: RoleGrant[];
}

/** A login session. `id` is the SHA-256 of the cookie token; the token itself is never stored. */
export interface SessionRecord {
  id: string;
  personId: string;
  csrfToken: string;
  createdAt: string;
  /** Absolute expiry; idle expiry is computed from `lastSeenAt`. */
  expiresAt: string;
  lastSeenAt: string;
  ip?: string;
  userAgent?: string;
  /** How the person signed in; 'password' when left out. Logging out of an 'oidc' session also ends the provider's. */
  signInMethod?: SignInMethod;
  /**
   * The person's organisation requires a second factor they do not have: the session may only set
   * one up (auth/second-factor-owed.ts). Set when the rule is turned on with the session open
   * (SecondFactorStore.setPolicy); cleared by the enrolment or the rule turned off. `findSession`
   * never answers it while the person has a confirmed second factor, whatever the stored mark says
   * (the rule and an enrolment crossing can leave both; storage/sqlite/accounts-rows.ts).
   */
  secondFactorOwed?: true;
}

/** How a session was started: a local password, or an OpenID Connect provider. */
export type SignInMethod = 'password' | 'oidc';

/**
 * Who does a write, from where: the store turns it into the audit row it writes in the same
 * transaction as the change. `actorId` is undefined for the system (seeding, expiry).
 */
export interface AuditContext {
  at: string;
  actorId?: string;
  actorRole?: Role;
  ip?: string;
  requestId?: string;
}

/**
 * Guards the "someone must still be able to manage this organisation" invariant inside the write:
 * if after the change nobody holds any of `roles` in the organisation, the store rolls back and
 * throws DomainError('conflict').
 */
export interface KeepAdminGuard {
  roles: readonly Role[];
}

export interface NewPerson {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  /**
   * False for an account made for a care invitation: its hash is of a secret nobody knows, and the
   * person chooses their first password by redeeming the invitation. Anything else (an admin's
   * initial password, the demo seed) is a chosen password; an invitation never replaces one.
   */
  passwordChosen?: boolean;
}

/**
 * The accounts port. Each method is one atomic unit (one transaction in SQL) and each write records
 * its own audit row in that unit. Implementations: storage/sqlite/accounts-store.ts; behaviour is
 * pinned by storage/contract/accounts-store.contract.ts.
 *
 * Refusals are DomainErrors: 'conflict' for a taken slug or e-mail, an existing membership or the
 * last admin; 'not_found' for an unknown organisation or person where the method needs one.
 */
export interface AccountsStore {
  createOrganisation(organisation: Organisation, audit: AuditContext): Promise<Organisation>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  findOrganisationBySlug(slug: string): Promise<Organisation | undefined>;
  /** The organisations with these ids, by name. */
  listOrganisations(ids: readonly string[]): Promise<Organisation[]>;

  /** Creates a person and grants them roles in one organisation (none when `roles` is empty). */
  createPersonWithMemberships(person: NewPerson, organisationId: string | undefined, roles: readonly RoleGrant[], audit: AuditContext): Promise<Person>;
  findPerson(id: string): Promise<Person | undefined>;
  /** Case-insensitive. The only read that returns the password hash. */
  findPersonByEmail(email: string): Promise<PersonWithCredentials | undefined>;
  findPersonWithCredentials(id: string): Promise<PersonWithCredentials | undefined>;
  /** Whether the person has a password of their own (false only for an account made for a never-redeemed invitation). */
  hasChosenPassword(personId: string): Promise<boolean>;
  /** Replaces the password hash and ends the person's other sessions; returns the ended session ids. */
  changePassword(personId: string, passwordHash: string, keepSessionId: string | undefined, audit: AuditContext): Promise<string[]>;

  listMemberships(personId: string): Promise<MembershipRecord[]>;
  /**
   * The organisation's staff: people holding a role other than patient, with those roles. Patient
   * roles are care's business (granted when a patient takes up an invitation, listed per unit by
   * the clinic): they never make a person a member here, and the member writes below
   * (`addMember`, `setRoles`, `removeMember`) neither see nor change them.
   */
  listMembers(organisationId: string): Promise<Member[]>;
  /** Grants roles to a person who holds no staff role in the organisation yet ('conflict' if they do). */
  addMember(organisationId: string, personId: string, roles: readonly RoleGrant[], audit: AuditContext): Promise<void>;
  /** Grants one role; a no-op if already held. */
  grantRole(organisationId: string, personId: string, grant: RoleGrant, audit: AuditContext): Promise<void>;
  /** Revokes one role; returns whether it was held. */
  revokeRole(organisationId: string, personId: string, grant: RoleGrant, guard: KeepAdminGuard, audit: AuditContext): Promise<boolean>;
  /** Replaces a member's staff roles in the organisation ('not_found' if not a member). */
  setRoles(organisationId: string, personId: string, roles: readonly RoleGrant[], guard: KeepAdminGuard, audit: AuditContext): Promise<void>;
  /** Removes every staff role the person holds in the organisation ('not_found' if none). */
  removeMember(organisationId: string, personId: string, guard: KeepAdminGuard, audit: AuditContext): Promise<void>;

  createSession(session: SessionRecord, audit: AuditContext): Promise<void>;
  findSession(id: string): Promise<SessionRecord | undefined>;
  /** Moves `lastSeenAt`. Not audited: it is bookkeeping, once a minute per active session. */
  touchSession(id: string, at: string): Promise<void>;
  /** Returns whether the session existed. `action` names why (logout, expiry) in the audit row. */
  deleteSession(id: string, action: 'auth.logout' | 'session.expired', audit: AuditContext): Promise<boolean>;
  /** Ends every session of the person; returns the ended session ids. */
  deleteSessionsOfPerson(personId: string, audit: AuditContext): Promise<string[]>;

  /** Writes only an audit row, for refused logins of a known person (no password, no e-mail). */
  recordLoginRefused(personId: string, reason: 'wrong_password' | 'disabled' | 'throttled', audit: AuditContext): Promise<void>;
}
