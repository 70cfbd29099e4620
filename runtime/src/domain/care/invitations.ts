import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { invitationHash } from './enrollments.js';

const UNKNOWN = 'This invitation code is unknown, already used or expired. Ask your care unit for a new one.';

export function createInvitationCommands(deps: CareDeps) {
  return {
    /**
     * Redeems a one-time invitation: the patient chooses a password and is signed in. The password is
     * checked before the code is used up; the code is used up by a compare-and-set, so two redeems of
     * one code cannot both succeed.
     */
    async redeemInvitation(context: CareContext, input: { code: string; password: string }): Promise<{ token: string; principal: Principal }> {
      const codeHash = invitationHash(input.code.trim());
      const invitation = await deps.store.findInvitation(codeHash);
      const now = deps.now();
      if (!invitation || invitation.redeemedAt !== null || Date.parse(invitation.expiresAt) <= now.getTime()) throw new DomainError('not_found', UNKNOWN);
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
