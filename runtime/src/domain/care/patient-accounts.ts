import type { AccountsStore } from '../accounts/accounts-store.js';
import type { AuthenticationService } from '../accounts/authentication-service.js';
import type { PasswordHasher } from '../accounts/password-hasher.js';
import { passwordIssues } from '../accounts/password-policy.js';
import { newSecretToken } from '../accounts/session-token.js';
import { DomainError } from '../errors.js';
import type { InvitedSessions } from './care-deps.js';
import type { PatientAccounts } from './ports.js';

/**
 * Patient accounts on the accounts store. A new patient gets a password nobody knows (the hash of a
 * random secret) until they redeem their invitation and choose their own.
 *
 * @example
 * const accounts = createPatientAccounts({ store: accountsStore, hasher, newId: () => ids.newId() });
 */
export function createPatientAccounts(deps: { store: AccountsStore; hasher: PasswordHasher; newId: () => string }): PatientAccounts {
  return {
    async ensurePatient(input) {
      const grant = { role: 'patient' as const, unitId: input.unitId };
      const audit = { at: input.at, actorId: input.actorId, actorRole: 'therapist' as const };
      const existing = await deps.store.findPersonByEmail(input.email);
      if (existing) {
        await deps.store.grantRole(input.organisationId, existing.id, grant, audit);
        return { personId: existing.id, name: existing.name, email: existing.email };
      }
      const passwordHash = await deps.hasher.hash(newSecretToken());
      const person = await deps.store.createPersonWithMemberships({ id: deps.newId(), email: input.email, name: input.name, passwordHash, createdAt: input.at }, input.organisationId, [grant], audit);
      return { personId: person.id, name: person.name, email: person.email };
    },
    async email(personId) {
      return (await deps.store.findPerson(personId))?.email;
    },
  };
}

/** Invitation sign-in through the authentication service. */
export function invitedSessionsOf(authentication: AuthenticationService): InvitedSessions {
  return {
    checkPassword(password) {
      const issues = passwordIssues(password, '/password');
      if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
    },
    async startSession(personId, password, context) {
      const login = await authentication.startInvitedSession(personId, password, {
        ...(context.ip !== null ? { ip: context.ip } : {}),
        ...(context.requestId !== null ? { requestId: context.requestId } : {}),
        ...(context.userAgent !== undefined ? { userAgent: context.userAgent } : {}),
      });
      return { token: login.token, principal: login.principal };
    },
  };
}
