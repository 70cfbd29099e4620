import { DomainError } from '../errors.js';
import { organisationsWithRole } from '../principal.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { createAlertCommands } from './alerts.js';
import { createChartCommands } from './charts.js';
import { createDeploymentCommands } from './deployments.js';
import { createAlertProtocolCommands } from './alert-safety.js';
import { createDueWorkCommands } from './due-work.js';
import { createEnrollmentContentCommands } from './enrollment-content.js';
import { createEnrollmentCommands } from './enrollments.js';
import { createInvitationCommands } from './invitations.js';
import { createInvitationResendCommands } from './invitation-resend.js';
import type { RedeemLimits } from './invitations.js';
import { createMessageCommands } from './messages.js';
import { createOutreachCommands } from './outreach.js';
import { createStaffNoticeCommands } from './staff-notices.js';
import { createPatientHomeCommands } from './patient-home.js';
import { createPatientScheduleCommands } from './patient-schedule.js';
import { createPlanCommands } from './plans.js';
import { createReferralCommands } from './referrals.js';
import type { IntakeLimits } from './referrals.js';
import { createReportCommands } from './report.js';
import { createResponseCommands } from './responses.js';
import { createUnitCommands } from './units.js';
import { createVersionMoveCommands } from './version-moves.js';

/**
 * The care service: units and deployments (care-provider admins), enrollments, answers, scores,
 * alerts, plans and messages (therapists), the patient's own views and submissions, self-referral,
 * and the minute job. Each command takes a `CareContext`, authorises with the pure policy, computes
 * everything with the engine, then makes one store call that also writes its audit row.
 *
 * @example
 * const care = createCareService({ store, content, accounts, sessions, mail, now: () => clock.now(), newId, newInvitationCode, publicUrl: () => url });
 * await care.recordResponse(context, enrollmentId, body);
 */
export function createCareService(deps: CareDeps, options: { intakeLimits?: IntakeLimits; redeemLimits?: RedeemLimits } = {}) {
  const dueWork = createDueWorkCommands(deps);
  const alertProtocol = createAlertProtocolCommands(deps);
  const outreach = createOutreachCommands(deps);
  return {
    ...createUnitCommands(deps),
    ...createDeploymentCommands(deps),
    ...createEnrollmentCommands(deps),
    ...createEnrollmentContentCommands(deps),
    ...createResponseCommands(deps),
    ...createAlertCommands(deps),
    ...createPlanCommands(deps),
    ...createPatientScheduleCommands(deps),
    ...createMessageCommands(deps),
    ...outreach,
    ...createStaffNoticeCommands(deps),
    ...createChartCommands(deps),
    ...createPatientHomeCommands(deps),
    ...createInvitationCommands(deps, options.redeemLimits),
    ...createInvitationResendCommands(deps),
    ...createReferralCommands(deps, options.intakeLimits),
    ...createReportCommands(deps),
    ...createVersionMoveCommands(deps),

    /** The minute job: missing reports, reminders and new-material notices (due-work.ts), the alerts' safety protocol (alert-safety.ts), then message notices (outreach.ts). */
    async runDueWork(at: Date) {
      const result = await dueWork.runDueWork(at);
      const protocol = await alertProtocol.runAlertProtocol(at);
      return { ...result, messageNotices: await outreach.runMessageNotices(at), alertProtocol: protocol };
    },

    /** Whether e-mail goes to the development outbox (no SMTP configured). */
    hasOutbox: () => deps.outbox !== undefined,

    /**
     * What would have been e-mailed, in demo mode without SMTP: only the mail of the organisations
     * the caller administers (care providers, and publishers for their staff invitations), because
     * it holds live invitation codes. Without the outbox the route does not exist for anyone.
     */
    async outbox(context: CareContext) {
      if (!deps.outbox) throw new DomainError('not_found', 'There is no development outbox: it exists only in demo mode without SMTP.');
      if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to read the outbox.');
      const administered = [...organisationsWithRole(context.principal, 'care_provider_admin'), ...organisationsWithRole(context.principal, 'permissions_admin')];
      if (administered.length === 0) throw new DomainError('forbidden', 'The outbox is for care-provider admins.');
      return deps.outbox.list([...new Set(administered)]);
    },
  };
}

export type CareService = ReturnType<typeof createCareService>;
