import { localDateOf } from '@careloom/format/engine';
import { DomainError } from '../errors.js';
import { careAudit, enrollmentFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { DEFAULT_INVITATION_TTL_MS, invitationHash, invitationUrl } from './enrollments.js';
import type { InvitationView } from './enrollments.js';
import { normalizeInvitationCode } from './invitation-code.js';
import { contentLanguages, invitationMail } from './invitation-mail.js';
import { MAIL_SECRET } from './ports.js';

const ALREADY_ACCEPTED = 'The patient has already accepted the invitation; there is nothing to send again.';
const ENDED = 'This enrollment has ended; enroll the patient again to invite them.';

/**
 * Sending a patient a new invitation when the first was lost, expired or went to a spam folder. The
 * new code replaces every earlier one (they stop working in the same transaction), so a forwarded
 * or leaked old e-mail cannot be used after the therapist sent another. The e-mail goes to the
 * address the patient was enrolled with, in the language they were enrolled in.
 */
export function createInvitationResendCommands(deps: CareDeps) {
  return {
    async resendInvitation(context: CareContext, enrollmentId: string): Promise<InvitationView> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.write');
      if (enrollment.acceptedAt !== null) throw new DomainError('conflict', ALREADY_ACCEPTED, { issues: [{ code: 'invitation.already_accepted', path: '', message: ALREADY_ACCEPTED }] });
      if (enrollment.status === 'ended') throw new DomainError('conflict', ENDED, { issues: [{ code: 'invitation.enrollment_ended', path: '', message: ENDED }] });
      const deployment = await deps.store.getDeployment(enrollment.deploymentId);
      const email = await deps.accounts.email(enrollment.patientId);
      if (!deployment || email === undefined) throw new Error(`enrollment ${enrollment.id} has no deployment or patient address`);
      const declared = await contentLanguages(deps, deployment.documentId, deployment.version);
      const language = enrollment.language ?? declared.defaultLanguage;
      const now = deps.now();
      const at = now.toISOString();
      const code = deps.newInvitationCode();
      const canonical = normalizeInvitationCode(code);
      if (canonical === undefined) throw new Error('newInvitationCode made a code that cannot be typed back.');
      const expiresAt = new Date(now.getTime() + (deps.invitationTtlMs ?? DEFAULT_INVITATION_TTL_MS)).toISOString();
      const patientName = enrollment.invitedName ?? (await deps.store.personName(enrollment.patientId)) ?? '';
      const mail = invitationMail({ language, patientName, unitName: unit.name, title: declared.title(language) ?? deployment.title, url: invitationUrl(deps, MAIL_SECRET, language), code: MAIL_SECRET, expiresOn: localDateOf(expiresAt, unit.timeZone) });
      const result = await deps.store.replaceInvitation({
        invitation: { codeHash: invitationHash(canonical), enrollmentId: enrollment.id, personId: enrollment.patientId, createdAt: at, expiresAt, redeemedAt: null },
        mail: { id: deps.newId(), to: email, ...mail, secret: code, organisationId: unit.organisationId, createdAt: at },
        audit: careAudit(deps, context, { at, role, action: 'invitation.resend', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { language } }),
      });
      if (!result.ok) {
        // Accepted or ended between the check above and the write: say which.
        const message = result.reason === 'accepted' ? ALREADY_ACCEPTED : result.reason === 'ended' ? ENDED : `There is no enrollment "${enrollmentId}".`;
        throw new DomainError(result.reason === 'missing' ? 'not_found' : 'conflict', message);
      }
      return { code, url: invitationUrl(deps, code, language), expiresAt };
    },
  };
}
