import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { IdGenerator } from '../../ids.js';
import { MAIL_SECRET } from '../care/ports.js';
import { DomainError } from '../errors.js';
import type { AccountsStore, AuditContext } from './accounts-store.js';
import type { InvitationLanguage } from './member-invitation-store.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordIssues } from './password-policy.js';
import { passwordResetMail } from './password-reset-mail.js';
import type { RequestContext } from './request-context.js';
import type { SessionRevokedHub } from './session-revoked.js';
import { isWellFormedToken, newSecretToken } from './session-token.js';
import type { StaffStore } from './staff-store.js';

/** An hour: long enough to find the e-mail, short enough that a link left in a mailbox dies. */
export const PASSWORD_RESET_TTL_MS = 3600_000;
/** Links one account may be sent per hour: a forgetful person needs two, a nuisance gets no more. */
export const PASSWORD_RESETS_PER_HOUR = 3;

export interface PasswordResetServiceDeps {
  store: StaffStore;
  accounts: AccountsStore;
  hasher: PasswordHasher;
  sessionRevoked: SessionRevokedHub;
  clock: Clock;
  ids: IdGenerator;
  publicUrl: () => string;
  /** The secret in the link; 32 random bytes (base64url) unless a test chooses. */
  newToken?: () => string;
}

export interface PasswordResetService {
  /** Sends a link to the address if it belongs to an account that may reset; answers the same either way. */
  request(input: { email: string; language?: InvitationLanguage }, context: RequestContext): Promise<void>;
  /** Uses the link: the new password replaces the old one and every session of the person ends. */
  complete(input: { token: string; password: string }, context: RequestContext): Promise<void>;
}

/** One wording for every link that does not work. */
export const UNUSABLE_RESET = 'This link is unknown, already used or expired. Ask for a new one on the sign-in page.';

export function resetTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Forgotten passwords: an e-mailed one-time link. The answer to a request never tells whether the
 * address has an account. No link is sent for a disabled account, nor for one that never chose a
 * password (made for a patient's invitation that was not redeemed): such an account is claimed
 * only through its invitation, so a mistyped address never hands a stranger a patient's account.
 *
 * @example
 * await resets.request({ email: 'sam@example.org' }, { ip });
 * await resets.complete({ token, password: 'a new long password' }, { ip });
 */
export function createPasswordResetService(deps: PasswordResetServiceDeps): PasswordResetService {
  const newToken = deps.newToken ?? newSecretToken;
  const auditOf = (context: RequestContext, actorId?: string): AuditContext => ({
    at: deps.clock.now().toISOString(),
    ...(actorId === undefined ? {} : { actorId }),
    ...(context.ip === undefined ? {} : { ip: context.ip }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
  });

  return {
    async request(input, context) {
      const person = await deps.accounts.findPersonByEmail(input.email.trim());
      if (!person || person.disabledAt !== undefined || !(await deps.accounts.hasChosenPassword(person.id))) return;
      const at = deps.clock.now();
      if ((await deps.store.countPasswordResetsSince(person.id, new Date(at.getTime() - 3600_000).toISOString())) >= PASSWORD_RESETS_PER_HOUR) return;
      const token = newToken();
      const expiresAt = new Date(at.getTime() + PASSWORD_RESET_TTL_MS).toISOString();
      const url = `${deps.publicUrl().replace(/\/$/, '')}/#/password-reset/${MAIL_SECRET}`;
      await deps.store.createPasswordReset({
        reset: { tokenHash: resetTokenHash(token), personId: person.id, createdAt: at.toISOString(), expiresAt },
        mail: { id: deps.ids.newId(), to: person.email, ...passwordResetMail({ language: input.language ?? 'en', url, expiresAt }), secret: token, organisationId: null, createdAt: at.toISOString() },
        audit: auditOf(context),
      });
    },

    async complete(input, context) {
      const issues = passwordIssues(input.password, '/password');
      if (issues.length > 0) throw new DomainError('invalid', issues[0]!.message, { issues });
      if (!isWellFormedToken(input.token)) throw new DomainError('not_found', UNUSABLE_RESET);
      const passwordHash = await deps.hasher.hash(input.password);
      const result = await deps.store.completePasswordReset({ tokenHash: resetTokenHash(input.token), at: deps.clock.now().toISOString(), passwordHash, audit: auditOf(context) });
      if (!result.ok) throw new DomainError('not_found', UNUSABLE_RESET);
      if (result.endedSessions.length > 0) deps.sessionRevoked.emit({ personId: result.personId, sessionIds: result.endedSessions, reason: 'password_reset' });
    },
  };
}
