import type { AcceptedEnrollment as WireAcceptedEnrollment } from '@careloom/format/api';
import { createAttemptLimiter } from '../attempt-limiter.js';
import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { invitationHash } from './enrollments.js';
import { normalizeInvitationCode } from './invitation-code.js';
import type { ExternalIdentity } from '../oidc/external-identity-store.js';
import type { AcceptInvitationResult, InvitationRecord } from './ports.js';

const UNKNOWN = 'This invitation code is unknown, already used or expired. Ask your care unit for a new one.';
const SIGN_IN_TO_ACCEPT = 'This e-mail address already has a Careloom account. Sign in with your own password, then accept the invitation there; a password chosen here would change nothing.';
const NOT_YOURS = 'This invitation was sent to another e-mail address. Sign in with the account of the address it was sent to, or ask your care unit to invite this one.';

/** Wrong invitation codes allowed per client IP and window. */
export interface RedeemLimits {
  perIp: number;
  windowMs: number;
}

/** 10 wrong codes per 15 minutes: a typo or two is fine; guessing 50-bit codes is hopeless. */
export const DEFAULT_REDEEM_LIMITS: RedeemLimits = Object.freeze({ perIp: 10, windowMs: 15 * 60_000 });

/** What accepting an invitation gave the signed-in person: the wire type. */
export type AcceptedEnrollment = WireAcceptedEnrollment;

/**
 * Taking an invitation up. An invitation is addressed to one person (the account that had the
 * address when the therapist enrolled it, or one made for it). A new patient redeems it by choosing
 * their first password and is signed in; a person who already has a password signs in with it and
 * accepts. No invitation ever sets or replaces a password that was chosen, or opens a session for
 * an account that had one: the code proves only that someone can read the patient's e-mail, or is
 * the therapist who made it.
 */
export function createInvitationCommands(deps: CareDeps, limits: RedeemLimits = DEFAULT_REDEEM_LIMITS) {
  // Counted before the lookup, so parallel guesses cannot all slip through; redeem and accept share it.
  const guesses = createAttemptLimiter(() => deps.now().getTime(), { limit: limits.perIp, windowMs: limits.windowMs });

  /** The live invitation behind a typed code; each wrong code counts against the client IP (429 once too many). */
  const liveInvitation = async (context: CareContext, code: string): Promise<{ invitation: InvitationRecord; codeHash: string }> => {
    const ip = context.ip ?? 'unknown';
    const retryAfterSeconds = guesses.retryAfterSeconds(ip);
    if (retryAfterSeconds !== undefined) throw new DomainError('rate_limited', `Too many wrong invitation codes from this address. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
    guesses.recordAttempt(ip);
    const canonical = normalizeInvitationCode(code);
    if (canonical === undefined) throw new DomainError('not_found', UNKNOWN);
    const codeHash = invitationHash(canonical);
    const invitation = await deps.store.findInvitation(codeHash);
    if (!invitation || invitation.redeemedAt !== null || Date.parse(invitation.expiresAt) <= deps.now().getTime()) throw new DomainError('not_found', UNKNOWN);
    // A live code is no guess: retrying with a better password must not use up the IP's allowance.
    guesses.takeBack(ip);
    return { invitation, codeHash };
  };

  const signInToAccept = () => new DomainError('conflict', SIGN_IN_TO_ACCEPT, { issues: [{ code: 'invitation.sign_in_to_accept', path: '/code', message: SIGN_IN_TO_ACCEPT }] });

  /** Turns a refused store write into the answer the person can act on. */
  const refusal = (result: Extract<AcceptInvitationResult, { ok: false }>): DomainError => {
    if (result.reason === 'has_password') return signInToAccept();
    if (result.reason === 'not_yours') return new DomainError('forbidden', NOT_YOURS);
    return new DomainError('not_found', UNKNOWN);
  };

  return {
    /**
     * Redeems a one-time invitation for a new account: the patient chooses their first password and
     * is signed in. The code is accepted in any case, with or without its dash. An address that
     * already had an account answers 409 (sign in and accept instead) and changes nothing. The
     * password is checked before the code is used up; the code, the first password, the enrollment
     * and the patient role are one compare-and-set transaction, so two redeems cannot both succeed.
     */
    async redeemInvitation(context: CareContext, input: { code: string; password: string }): Promise<{ token: string; principal: Principal }> {
      const { invitation, codeHash } = await liveInvitation(context, input.code);
      if (await deps.accounts.hasChosenPassword(invitation.personId)) throw signInToAccept();
      deps.sessions.checkPassword(input.password);
      const firstPasswordHash = await deps.sessions.hashPassword(input.password);
      const enrollment = await deps.store.getEnrollment(invitation.enrollmentId);
      const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
      const at = deps.now().toISOString();
      const result = await deps.store.acceptInvitation({
        codeHash,
        personId: invitation.personId,
        at,
        firstPasswordHash,
        audit: { ...careAudit(deps, context, { at, role: 'patient', action: 'invitation.redeem', objectType: 'enrollment', objectId: invitation.enrollmentId, unit: unit ?? null, patientId: invitation.personId }), actorId: invitation.personId },
      });
      if (!result.ok) throw refusal(result);
      return deps.sessions.startSession(invitation.personId, { ip: context.ip, requestId: context.requestId, ...(context.userAgent ? { userAgent: context.userAgent } : {}) });
    },

    /**
     * A new patient takes the invitation up by signing in with OpenID Connect instead of choosing a
     * password: the identity is linked to the account made for the invitation in the same
     * transaction that uses the code. An account with a chosen password answers 409 (sign in with
     * it and accept there). Returns the person, whom the caller signs in (oidc/oidc-sign-in.ts).
     */
    async redeemInvitationWithIdentity(context: CareContext, input: { code: string; identity: ExternalIdentity }): Promise<{ personId: string }> {
      const { invitation, codeHash } = await liveInvitation(context, input.code);
      if (await deps.accounts.hasChosenPassword(invitation.personId)) throw signInToAccept();
      const enrollment = await deps.store.getEnrollment(invitation.enrollmentId);
      const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
      const at = deps.now().toISOString();
      const result = await deps.store.acceptInvitation({
        codeHash,
        personId: invitation.personId,
        at,
        identity: { identity: input.identity, auditId: deps.newId() },
        audit: { ...careAudit(deps, context, { at, role: 'patient', action: 'invitation.redeem', objectType: 'enrollment', objectId: invitation.enrollmentId, unit: unit ?? null, patientId: invitation.personId, details: { method: 'oidc' } }), actorId: invitation.personId },
      });
      if (!result.ok) throw refusal(result);
      return { personId: invitation.personId };
    },

    /**
     * A signed-in person accepts an invitation addressed to them (`POST /api/me/invitations/accept`):
     * the enrollment becomes theirs and they get the patient role at its unit. Needs only a session,
     * not the patient role, which is what accepting gives. An invitation addressed to someone else
     * is refused (403) and the refusal audited; a wrong code counts like a wrong redeem.
     */
    async acceptInvitation(context: CareContext, input: { code: string }): Promise<AcceptedEnrollment> {
      const principal = context.principal;
      if (!principal) throw new DomainError('unauthenticated', 'Sign in with your own account to accept the invitation.');
      const { invitation, codeHash } = await liveInvitation(context, input.code);
      const enrollment = await deps.store.getEnrollment(invitation.enrollmentId);
      const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
      const deployment = enrollment ? await deps.store.getDeployment(enrollment.deploymentId) : undefined;
      if (!enrollment || !unit || !deployment) throw new DomainError('not_found', UNKNOWN);
      const at = deps.now().toISOString();
      const result = await deps.store.acceptInvitation({
        codeHash,
        personId: principal.personId,
        at,
        audit: careAudit(deps, context, { at, role: 'patient', action: 'invitation.accept', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: principal.personId }),
      });
      if (!result.ok) {
        if (result.reason === 'not_yours') {
          await deps.store.recordReads([
            careAudit(deps, context, { at, role: null, action: 'access.refused', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: invitation.personId, details: { permission: 'invitation.accept', outcome: 'forbidden' } }),
          ]);
        }
        throw refusal(result);
      }
      const accepted = result.value.enrollment;
      return { enrollment: { id: accepted.id, title: deployment.title, status: accepted.status, startedOn: accepted.startedOn, unit: { id: unit.id, name: unit.name } } };
    },
  };
}
