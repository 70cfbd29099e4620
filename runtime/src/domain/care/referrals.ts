import type { IntakeForm as WireIntakeForm, Referral as WireReferral } from '@careloom/format/api';
import type { AnswerValue, Answers } from '@careloom/format/engine';
import { relevantAnswers } from '@careloom/format/engine';
import type { Issue } from '@careloom/format';
import { validateResponse } from '@careloom/format/validate';
import { memoryRateLimits } from '../rate-limits.js';
import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import { auditRefusal, careAudit, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule } from './care-content.js';
import type { EnrollmentView, InvitationView } from './enrollments.js';
import { createEnrollmentCommands } from './enrollments.js';
import { authorizeUnit } from './policy.js';
import type { ReferralContact, ReferralRecord, UnitRecord } from './ports.js';
import { checkIntakeAnswers } from './responses.js';
import { scoreModule } from './response-scoring.js';

/** A referral as the unit's staff see it: the wire type. */
export type ReferralView = WireReferral;

/** The public intake form of a unit: the wire type. */
export type IntakeView = WireIntakeForm;

/** Limits on public intake submissions per client IP. */
export interface IntakeLimits {
  perIp: number;
  windowMs: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = Object.freeze({ perIp: 5, windowMs: 60 * 60_000 });

function presentReferral(referral: ReferralRecord): ReferralView {
  const { id, contact, moduleId, answers, scores, receivedAt, status } = referral;
  return { id, contact, moduleId, answers, scores, receivedAt, status };
}

function prefixed(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.map((issue) => ({ ...issue, path: `${prefix}${issue.path}` }));
}

/** Self-referral: a unit's public intake questionnaire, and the referral queue therapists work through. */
export function createReferralCommands(deps: CareDeps, limits: IntakeLimits = DEFAULT_INTAKE_LIMITS) {
  // Counted per IP and attempt, like failed logins: the intake form is public and writes to the database.
  const throttle = (deps.rateLimits ?? memoryRateLimits).attemptLimiter(() => deps.now().getTime(), 'self-referral', { limit: limits.perIp, windowMs: limits.windowMs });
  const enrollments = createEnrollmentCommands(deps);

  const intakeOf = async (unitId: string) => {
    const unit = await deps.store.getUnit(unitId);
    const deployment = unit?.active && unit.intakeDeploymentId ? await deps.store.getDeployment(unit.intakeDeploymentId) : undefined;
    if (!unit || !deployment || deployment.status !== 'active' || deployment.kind !== 'module') throw new DomainError('not_found', 'This unit takes no self-referrals online.');
    return { unit, loaded: await loadModule(deps, deployment.modules[0]!) };
  };

  const referralFor = async (context: CareContext, referralId: string): Promise<{ referral: ReferralRecord; unit: UnitRecord; role: Role }> => {
    const referral = await deps.store.getReferral(referralId);
    const unit = referral ? await deps.store.getUnit(referral.unitId) : undefined;
    const decision = authorizeUnit(context.principal, 'referral.decide', unit ?? { id: '', organisationId: '' });
    if (!decision.allowed || !referral || !unit) {
      const refusal = decision.allowed ? { code: 'not_found' as const, reason: `There is no referral "${referralId}".` } : decision;
      const enrolled = referral?.enrollmentId ? await deps.store.getEnrollment(referral.enrollmentId) : undefined;
      await auditRefusal(deps, context, refusal, { permission: 'referral.decide', objectType: 'referral', objectId: referralId, unit, patientId: enrolled?.patientId });
      throw new DomainError(refusal.code, refusal.reason);
    }
    const role = decision.role;
    if (referral.status !== 'new') throw new DomainError('conflict', `The referral was already ${referral.status}.`);
    return { referral, unit, role };
  };

  return {
    async intake(unitId: string): Promise<IntakeView> {
      const { unit, loaded } = await intakeOf(unitId);
      return { unit: { id: unit.id, name: unit.name, settings: unit.settings }, module: loaded.module, version: loaded.version.number, contentHash: loaded.version.contentHash };
    },

    async submitIntake(context: CareContext, unitId: string, input: { contact: ReferralContact; response: unknown }): Promise<{ id: string }> {
      const { unit, loaded } = await intakeOf(unitId);
      const retryAfterSeconds = context.ip ? await throttle.admit(context.ip) : undefined;
      if (retryAfterSeconds !== undefined) throw new DomainError('rate_limited', `Too many referrals from this address. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
      const validation = validateResponse(input.response);
      if (!validation.ok) throw new DomainError('invalid', 'The questionnaire answers are not well-formed.', { issues: prefixed(validation.issues, '/response') });
      const response = validation.value;
      if (response.moduleId !== loaded.module.id || response.moduleVersion !== loaded.version.number) {
        const message = `This unit's intake is "${loaded.module.id}" version ${loaded.version.number}.`;
        throw new DomainError('invalid', message, { issues: [{ code: 'intake.wrong_module', path: '/response/moduleVersion', message }] });
      }
      const answers = response.answers as Answers;
      const issues = checkIntakeAnswers(loaded.module, answers, loaded.index);
      if (issues.length > 0) throw new DomainError('invalid', `The answers have ${issues.length} problem${issues.length === 1 ? '' : 's'}.`, { issues: prefixed(issues, '/response') });
      const at = deps.now().toISOString();
      const contact: ReferralContact = { name: input.contact.name.trim(), email: input.contact.email.trim(), ...(input.contact.phone ? { phone: input.contact.phone.trim() } : {}) };
      const referral: ReferralRecord = {
        id: deps.newId(), unitId: unit.id, contact, moduleId: loaded.module.id, moduleVersion: loaded.version.number, answers: response.answers as Record<string, AnswerValue>,
        scores: scoreModule(loaded.module, relevantAnswers(loaded.module, answers, loaded.index)).scores, receivedAt: at, status: 'new', decidedAt: null, decidedBy: null, enrollmentId: null,
      };
      await deps.store.createReferral({ referral, audit: careAudit(deps, context, { at, role: null, action: 'referral.create', objectType: 'referral', objectId: referral.id, unit }) });
      return { id: referral.id };
    },

    async listReferrals(context: CareContext, unitId: string): Promise<ReferralView[]> {
      const { unit, role } = await unitFor(deps, context, unitId, 'referral.read');
      const referrals = await deps.store.listReferrals(unit.id);
      // One row per referral shown: a referral is the would-be patient's contact and answers. Once
      // accepted it names the enrolled patient too, so reads of it count among that patient's.
      const at = deps.now().toISOString();
      const reads = [];
      for (const referral of referrals) {
        const enrolled = referral.enrollmentId ? await deps.store.getEnrollment(referral.enrollmentId) : undefined;
        reads.push(careAudit(deps, context, { at, role, action: 'patient.read', objectType: 'referral', objectId: referral.id, unit, patientId: enrolled?.patientId ?? null, details: { read: 'referrals', status: referral.status } }));
      }
      await deps.store.recordReads(reads);
      return referrals.map(presentReferral);
    },

    async acceptReferral(context: CareContext, referralId: string, input: { deploymentId: string }): Promise<{ enrollment: EnrollmentView; invitation: InvitationView }> {
      const { referral, unit, role } = await referralFor(context, referralId);
      return enrollments.enroll(context, unit, role, { deploymentId: input.deploymentId, patient: { name: referral.contact.name, email: referral.contact.email } }, { id: referral.id });
    },

    async declineReferral(context: CareContext, referralId: string): Promise<ReferralView> {
      const { referral, unit, role } = await referralFor(context, referralId);
      const at = deps.now().toISOString();
      const result = await deps.store.declineReferral({ id: referral.id, at, by: context.principal!.personId, audit: careAudit(deps, context, { at, role, action: 'referral.decline', objectType: 'referral', objectId: referral.id, unit }) });
      if (!result.ok) throw new DomainError('conflict', 'The referral was decided meanwhile.');
      return presentReferral(result.value);
    },
  };
}
