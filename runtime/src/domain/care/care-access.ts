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

/** Loads a unit for an action: anonymous → 401; no care role → 403; unknown or not the caller's → 404. */
export async function unitFor(deps: CareDeps, context: CareContext, unitId: string, permission: CarePermission): Promise<{ unit: UnitRecord; role: Role }> {
  const unit = await deps.store.getUnit(unitId);
  const decision = authorizeUnit(context.principal, permission, unit ?? { id: unitId, organisationId: '' });
  const role = requireAllowed(decision);
  if (!unit) throw new DomainError('not_found', `There is no unit "${unitId}".`);
  return { unit, role };
}

/** Loads an enrollment for a therapist action (404 outside their units). */
export async function enrollmentFor(deps: CareDeps, context: CareContext, enrollmentId: string, permission: CarePermission): Promise<{ enrollment: EnrollmentRecord; unit: UnitRecord; role: Role }> {
  const enrollment = await deps.store.getEnrollment(enrollmentId);
  const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
  const role = requireAllowed(authorizeUnit(context.principal, permission, unit ?? { id: '', organisationId: '' }));
  if (!enrollment || !unit) throw new DomainError('not_found', `There is no enrollment "${enrollmentId}".`);
  return { enrollment, unit, role };
}

/** Loads one of the calling patient's own enrollments (anyone else's is `not_found`). */
export async function ownEnrollment(deps: CareDeps, context: CareContext, enrollmentId: string): Promise<{ enrollment: EnrollmentRecord; unit: UnitRecord }> {
  const refused = patientRefusal(context.principal);
  if (refused) throw new DomainError(refused.code, refused.reason);
  const enrollment = await deps.store.getEnrollment(enrollmentId);
  // Not theirs until they took its invitation up, even though it names them (an account that had the address).
  if (!enrollment || enrollment.patientId !== context.principal?.personId || enrollment.acceptedAt === null) throw new DomainError('not_found', `You have no enrollment "${enrollmentId}".`);
  const unit = await deps.store.getUnit(enrollment.unitId);
  if (!unit) throw new DomainError('not_found', `You have no enrollment "${enrollmentId}".`);
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
  await deps.store.recordRead(careAudit(deps, context, { at: deps.now().toISOString(), role, action: 'patient.read', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { read: what } }));
}

/** The actor of an authorised request. */
export function actorOf(context: CareContext): string {
  if (!context.principal) throw new DomainError('unauthenticated', 'Sign in first.');
  return context.principal.personId;
}
