import type { AccountsStore } from '../accounts/accounts-store.js';
import type { AuthenticationService } from '../accounts/authentication-service.js';
import type { PasswordHasher } from '../accounts/password-hasher.js';
import { passwordIssues } from '../accounts/password-policy.js';
import { newSecretToken } from '../accounts/session-token.js';
import { DomainError } from '../errors.js';
import type { InvitedSessions } from './care-deps.js';
import type { PatientAccounts } from './ports.js';

/**
 * Patient accounts on the accounts store. A new patient gets an account without a password of
 * their own (the hash of a random secret nobody knows, marked as not chosen) and without any role,
 * until they redeem their invitation and choose one. An address that already has an account gets
 * nothing at all: its holder takes the invitation up by signing in with their own password.
 *
 * @example
 * const accounts = createPatientAccounts({ store: accountsStore, hasher, newId: () => ids.newId() });
 */
export function createPatientAccounts(deps: { store: AccountsStore; hasher: PasswordHasher; newId: () => string }): PatientAccounts {
  return {
    async invitee(input) {
      // Hashed before the lookup, used or not: a new account must not take measurably longer to
      // enroll than an existing one, or the timing would tell the therapist which it was.
      const passwordHash = await deps.hasher.hash(newSecretToken());
      const existing = await deps.store.findPersonByEmail(input.email);
      if (existing) return { personId: existing.id };
      const audit = { at: input.at, actorId: input.actorId, actorRole: 'therapist' as const };
      const person = await deps.store.createPersonWithMemberships({ id: deps.newId(), email: input.email, name: input.name, passwordHash, createdAt: input.at, passwordChosen: false }, input.organisationId, [], audit);
      return { personId: person.id };
    },
    async hasChosenPassword(personId) {
      return deps.store.hasChosenPassword(personId);
    },
    async email(personId) {
      return (await deps.store.findPerson(personId))?.email;
    },
  };
}

/** Invitation sign-in through the authentication service. */
export function invitedSessionsOf(authentication: AuthenticationService, hasher: PasswordHasher): InvitedSessions {
  return {
    checkPassword(password) {
      const issues = passwordIssues(password, '/password');
      if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
    },
    hashPassword(password) {
      return hasher.hash(password);
    },
    async startSession(personId, context) {
      const login = await authentication.startInvitedSession(personId, {
        ...(context.ip !== null ? { ip: context.ip } : {}),
        ...(context.requestId !== null ? { requestId: context.requestId } : {}),
        ...(context.userAgent !== undefined ? { userAgent: context.userAgent } : {}),
      });
      return { token: login.token, principal: login.principal };
    },
  };
}
