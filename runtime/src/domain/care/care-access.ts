import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { authorizeUnit, patientRefusal } from './policy.js';
import type { CareDecision, CarePermission } from './policy.js';
import type { CareAuditEntry, EnrollmentRecord, UnitRecord } from './ports.js';

/** Throws the refusal a decision carries; returns the role the action is taken in. */
export function requireAllowed(decision: CareDecision): Role {
  if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
  return decision.role;
}

/** Permissions on units whose refusal is a refused attempt on patient data (lists of patients, alerts, referrals; enrolling). */
const PATIENT_DATA: ReadonlySet<CarePermission> = new Set<CarePermission>(['patients.read', 'enrollment.create', 'enrollment.read', 'enrollment.write', 'referral.read', 'referral.decide']);

/** Loads a unit for an action: anonymous → 401; no care role → 403; unknown or not the caller's → 404. */
export async function unitFor(deps: CareDeps, context: CareContext, unitId: string, permission: CarePermission): Promise<{ unit: UnitRecord; role: Role }> {
  const unit = await deps.store.getUnit(unitId);
  const decision = authorizeUnit(context.principal, permission, unit ?? { id: unitId, organisationId: '' });
  if (!decision.allowed || !unit) {
    const refusal = decision.allowed ? { code: 'not_found' as const, reason: `There is no unit "${unitId}".` } : decision;
    if (PATIENT_DATA.has(permission)) await auditRefusal(deps, context, refusal, { permission, objectType: 'unit', objectId: unitId, unit });
    throw new DomainError(refusal.code, refusal.reason);
  }
  return { unit, role: decision.role };
}

/** Loads an enrollment for a therapist action (404 outside their units). */
export async function enrollmentFor(deps: CareDeps, context: CareContext, enrollmentId: string, permission: CarePermission): Promise<{ enrollment: EnrollmentRecord; unit: UnitRecord; role: Role }> {
  const enrollment = await deps.store.getEnrollment(enrollmentId);
  const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
  const decision = authorizeUnit(context.principal, permission, unit ?? { id: '', organisationId: '' });
  if (!decision.allowed || !enrollment || !unit) {
    const refusal = decision.allowed ? { code: 'not_found' as const, reason: `There is no enrollment "${enrollmentId}".` } : decision;
    await auditRefusal(deps, context, refusal, { permission, objectType: 'enrollment', objectId: enrollmentId, unit, patientId: enrollment?.patientId });
    throw new DomainError(refusal.code, refusal.reason);
  }
  return { enrollment, unit, role: decision.role };
}

/** Loads one of the calling patient's own enrollments (anyone else's is `not_found`). */
export async function ownEnrollment(deps: CareDeps, context: CareContext, enrollmentId: string): Promise<{ enrollment: EnrollmentRecord; unit: UnitRecord }> {
  const refused = patientRefusal(context.principal);
  // Found among the patient's own enrollments, which the stores keep for a moment (each request of
  // the patient app reads them): an answer then costs no enrollment read. Anyone else's, for the
  // refusal's audit row only, is read by id.
  const own = refused ? undefined : (await deps.store.listEnrollmentsOfPatient(context.principal!.personId)).find((candidate) => candidate.id === enrollmentId);
  const enrollment = own ?? (await deps.store.getEnrollment(enrollmentId));
  const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
  // Not theirs until they took its invitation up, even though it names them (an account that had the address).
  if (refused || !enrollment || !unit || enrollment.patientId !== context.principal?.personId || enrollment.acceptedAt === null) {
    const refusal = refused ?? { code: 'not_found' as const, reason: `You have no enrollment "${enrollmentId}".` };
    await auditRefusal(deps, context, refusal, { permission: 'own enrollment', objectType: 'enrollment', objectId: enrollmentId, unit, patientId: enrollment?.patientId });
    throw new DomainError(refusal.code, refusal.reason);
  }
  return { enrollment, unit };
}

/** The calling patient's person id (after `patientRefusal`). */
export function patientId(context: CareContext): string {
  const refused = patientRefusal(context.principal);
  if (refused) throw new DomainError(refused.code, refused.reason);
  return (context.principal as NonNullable<CareContext['principal']>).personId;
}

/** An audit row stamped with the request's facts. */
export function careAudit(
  deps: CareDeps,
  context: CareContext,
  input: { at: string; role: Role | null; action: string; objectType: string; objectId: string; unit?: UnitRecord | null; patientId?: string | null; details?: Record<string, unknown> },
): CareAuditEntry {
  return {
    id: deps.newId(),
    at: input.at,
    actorId: context.principal?.personId ?? null,
    actorRole: input.role,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    organisationId: input.unit?.organisationId ?? null,
    unitId: input.unit?.id ?? null,
    patientId: input.patientId ?? null,
    requestId: context.requestId,
    ip: context.ip,
    details: input.details ?? {},
  };
}

/** Records a read of a patient's data: who read what of whom (never the content). */
export async function auditPatientRead(deps: CareDeps, context: CareContext, role: Role | null, enrollment: EnrollmentRecord, unit: UnitRecord, what: string): Promise<void> {
  await auditPatientReads(deps, context, role, unit, [{ enrollment, details: { read: what } }]);
}

/**
 * Records what one answer showed of several patients: one `patient.read` row per enrollment shown,
 * all in one transaction, so the audit log answers "who read patient X's data, when" with a
 * query on `patient_id` however the data was reached (a list, a detail page).
 */
export async function auditPatientReads(
  deps: CareDeps,
  context: CareContext,
  role: Role | null,
  unit: UnitRecord,
  shown: ReadonlyArray<{ enrollment: Pick<EnrollmentRecord, 'id' | 'patientId'>; details: Record<string, unknown> }>,
): Promise<void> {
  if (shown.length === 0) return;
  const at = deps.now().toISOString();
  await deps.store.recordReads(shown.map(({ enrollment, details }) => careAudit(deps, context, { at, role, action: 'patient.read', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details })));
}

/** Attempted ids come from the URL: long enough to identify, never long enough to flood a row. */
const MAX_AUDITED_ID = 200;

/**
 * Records a refused attempt on patient data (403 or 404): the actor, the object they tried, the
 * permission and the answer. The patient and unit are recorded when the object exists, so an
 * auditor sees attempts on patient X too; the caller learns nothing from it. Only signed-in
 * callers are recorded: an anonymous 401 names no actor, and recording those would let anyone
 * fill the log.
 */
export async function auditRefusal(
  deps: CareDeps,
  context: CareContext,
  refusal: { code: 'unauthenticated' | 'forbidden' | 'not_found' },
  attempt: { permission: string; objectType: string; objectId: string; unit?: UnitRecord | undefined; patientId?: string | undefined },
): Promise<void> {
  if (!context.principal || refusal.code === 'unauthenticated') return;
  await deps.store.recordReads([
    careAudit(deps, context, {
      at: deps.now().toISOString(),
      role: null,
      action: 'access.refused',
      objectType: attempt.objectType,
      objectId: attempt.objectId.slice(0, MAX_AUDITED_ID),
      unit: attempt.unit ?? null,
      patientId: attempt.patientId ?? null,
      details: { permission: attempt.permission, outcome: refusal.code },
    }),
  ]);
}

/** The actor of an authorised request. */
export function actorOf(context: CareContext): string {
  if (!context.principal) throw new DomainError('unauthenticated', 'Sign in first.');
  return context.principal.personId;
}
