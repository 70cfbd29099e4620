import { createAttemptLimiter } from '../attempt-limiter.js';
import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { invitationHash } from './enrollments.js';
import { normalizeInvitationCode } from './invitation-code.js';

const UNKNOWN = 'This invitation code is unknown, already used or expired. Ask your care unit for a new one.';

/** Wrong invitation codes allowed per client IP and window. */
export interface RedeemLimits {
  perIp: number;
  windowMs: number;
}

/** 10 wrong codes per 15 minutes: a typo or two is fine; guessing 50-bit codes is hopeless. */
export const DEFAULT_REDEEM_LIMITS: RedeemLimits = Object.freeze({ perIp: 10, windowMs: 15 * 60_000 });


export function createInvitationCommands(deps: CareDeps, limits: RedeemLimits = DEFAULT_REDEEM_LIMITS) {
  // Counted before the lookup, like failed logins, so parallel guesses cannot all slip through.
  const throttle = createAttemptLimiter(() => deps.now().getTime(), { limit: limits.perIp, windowMs: limits.windowMs });

  return {
    /**
     * Redeems a one-time invitation: the patient chooses a password and is signed in. The code is
     * accepted in any case, with or without its dash. Each wrong code counts against the client IP
     * (429 with Retry-After once too many). The password is checked before the code is used up; the
     * code is used up by a compare-and-set, so two redeems of one code cannot both succeed.
     */
    async redeemInvitation(context: CareContext, input: { code: string; password: string }): Promise<{ token: string; principal: Principal }> {
      const ip = context.ip ?? 'unknown';
      const retryAfterSeconds = throttle.retryAfterSeconds(ip);
      if (retryAfterSeconds !== undefined) throw new DomainError('rate_limited', `Too many wrong invitation codes from this address. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
      throttle.recordAttempt(ip);
      const canonical = normalizeInvitationCode(input.code);
      if (canonical === undefined) throw new DomainError('not_found', UNKNOWN);
      const codeHash = invitationHash(canonical);
      const invitation = await deps.store.findInvitation(codeHash);
      const now = deps.now();
      if (!invitation || invitation.redeemedAt !== null || Date.parse(invitation.expiresAt) <= now.getTime()) throw new DomainError('not_found', UNKNOWN);
      // A live code is no guess: retrying with a better password must not use up the IP's allowance.
      throttle.takeBack(ip);
      deps.sessions.checkPassword(input.password);
      const enrollment = await deps.store.getEnrollment(invitation.enrollmentId);
      const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
      const at = now.toISOString();
      const result = await deps.store.redeemInvitation({
        codeHash,
        at,
        audit: { ...careAudit(deps, context, { at, role: 'patient', action: 'invitation.redeem', objectType: 'enrollment', objectId: invitation.enrollmentId, unit: unit ?? null, patientId: invitation.personId }), actorId: invitation.personId },
      });
      if (!result.ok) throw new DomainError('not_found', UNKNOWN);
      return deps.sessions.startSession(invitation.personId, input.password, { ip: context.ip, requestId: context.requestId, ...(context.userAgent ? { userAgent: context.userAgent } : {}) });
    },
  };
}
