import { applyScheduleChange, daysBetween, localDateOf, pauseOrResume, regularUnlockInstant } from '@careloom/format/engine';
import type { ScheduleAdjustments, ScheduleChange, ScheduleChangeResult, ScheduleContext } from '@careloom/format/engine';
import type { PatientSchedule, ScheduleChangeBody } from '@careloom/format/api';
import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import { actorOf, auditPatientRead, careAudit, enrollmentFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, pinOf, textIn } from './care-content.js';
import { loadEnrollmentSchedule } from './enrollment-schedule.js';
import type { EnrollmentSchedule } from './enrollment-schedule.js';
import type { StoredPatientSchedule } from './patient-schedule-ports.js';
import type { EnrollmentRecord, EnrollmentStatus, UnitRecord } from './ports.js';
import { moduleTitles } from './program-view.js';
import { registrationsOf } from './response-scoring.js';

/** Local days the pauses moved the program by (closed pauses, and an open one up to today). */
function pausedDays(adjustments: ScheduleAdjustments, now: string, timeZone: string): number {
  return (adjustments.pauses ?? []).reduce((days, pause) => days + Math.max(0, daysBetween(localDateOf(pause.pausedAt, timeZone), localDateOf(pause.resumedAt ?? now, timeZone))), 0);
}

async function presentSchedule(deps: CareDeps, enrollment: EnrollmentRecord, unit: UnitRecord, schedule: EnrollmentSchedule, stored: StoredPatientSchedule, language: string | undefined): Promise<PatientSchedule> {
  const { program, context, status } = schedule;
  const titles = await moduleTitles(deps, enrollment, language);
  const early = stored.adjustments.earlyUnlocks ?? {};
  const personal = stored.adjustments.registrationDeadlines ?? {};
  const registrations: PatientSchedule['registrations'] = [];
  for (const registration of program.registrations ?? []) {
    const pin = pinOf(enrollment.modules, registration.module.moduleId);
    const block = pin ? registrationsOf((await loadModule(deps, pin)).module).find((candidate) => candidate.id === registration.registration) : undefined;
    const moduleTitle = titles.get(registration.module.moduleId) ?? registration.module.moduleId;
    registrations.push({
      id: registration.id,
      moduleId: registration.module.moduleId,
      title: block && pin ? textIn(block.title, (await loadModule(deps, pin)).module, language) : moduleTitle,
      deadline: registration.deadline,
      personalDeadline: Object.hasOwn(personal, registration.id) ? personal[registration.id]! : null,
    });
  }
  return {
    enrollmentId: enrollment.id,
    status: enrollment.status,
    paused: status.paused === true,
    revision: stored.revision,
    timeZone: unit.timeZone,
    pausedDays: pausedDays(stored.adjustments, context.now, unit.timeZone),
    pauses: (stored.adjustments.pauses ?? []).map((pause) => ({ pausedAt: pause.pausedAt, resumedAt: pause.resumedAt })),
    modules: program.modules.map((scheduled) => {
      const state = status.modules.find((candidate) => candidate.key === scheduled.key)!;
      const regular = regularUnlockInstant(program, scheduled, context);
      return {
        key: scheduled.key,
        moduleId: scheduled.module.moduleId,
        title: titles.get(scheduled.module.moduleId) ?? scheduled.module.moduleId,
        ...(scheduled.unlock.week !== undefined ? { week: scheduled.unlock.week } : {}),
        state: state.state,
        unlockedAt: state.unlockedAt,
        regularUnlockAt: regular === null ? null : new Date(regular).toISOString(),
        earlyUnlockAt: Object.hasOwn(early, scheduled.key) ? early[scheduled.key]! : null,
        hidden: state.hidden === true,
      };
    }),
    registrations,
    updatedAt: stored.updatedAt,
  };
}

/** The refusal for a change the engine turned down, naming each problem by its place in the body. */
function refusal(result: Extract<ScheduleChangeResult, { ok: false }>): DomainError {
  const message = result.issues.map((issue) => issue.message).join(' ');
  return new DomainError(result.conflict ? 'conflict' : 'invalid', message, { issues: result.issues });
}

const STALE = 'Someone changed this patient\'s schedule at the same time; reload and try again.';

/**
 * One patient's schedule as their therapist adjusts it: unlock a module early, hide or show one,
 * move a registration's deadline, and pause or resume the enrollment (which moves what is left of
 * the program by the paused days; the engine computes it, `schedule-adjustments.ts`). Therapists
 * of the patient's unit only; every change is one store write with its audit row, and reading the
 * schedule is audited as a read of the patient's data.
 */
export function createPatientScheduleCommands(deps: CareDeps) {
  const load = async (context: CareContext, enrollmentId: string, permission: 'enrollment.read' | 'enrollment.write') => {
    const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, permission);
    const stored = await deps.patientSchedules.get(enrollment.id);
    const schedule = await loadEnrollmentSchedule(deps, enrollment, unit, deps.now().toISOString());
    return { enrollment, unit, role, stored, schedule };
  };

  return {
    async patientSchedule(context: CareContext, enrollmentId: string): Promise<PatientSchedule> {
      const { enrollment, unit, role, stored, schedule } = await load(context, enrollmentId, 'enrollment.read');
      await auditPatientRead(deps, context, role, enrollment, unit, 'schedule');
      return presentSchedule(deps, enrollment, unit, schedule, stored, context.language);
    },

    async changeSchedule(context: CareContext, enrollmentId: string, body: ScheduleChangeBody): Promise<PatientSchedule> {
      const { enrollment, unit, role, stored, schedule } = await load(context, enrollmentId, 'enrollment.write');
      if (enrollment.status === 'ended') throw new DomainError('conflict', 'The enrollment has ended; its schedule can no longer be changed.');
      if (body.revision !== undefined && body.revision !== stored.revision) throw new DomainError('conflict', STALE);
      const change = changeOf(body);
      const result = applyScheduleChange(schedule.program, schedule.context, change);
      if (!result.ok) throw refusal(result);
      const at = deps.now().toISOString();
      const details = { kind: change.kind, ...('moduleKey' in change ? { moduleKey: change.moduleKey } : {}), ...('registrationId' in change ? { registrationId: change.registrationId, deadline: change.deadline } : {}), ...(change.kind === 'unlockEarly' ? { at: result.adjustments.earlyUnlocks?.[change.moduleKey] } : {}) };
      const saved = await deps.patientSchedules.save({
        enrollmentId: enrollment.id, revision: stored.revision, adjustments: result.adjustments, at, by: actorOf(context),
        audit: careAudit(deps, context, { at, role, action: 'schedule.change', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details }),
      });
      if (!saved.ok) throw new DomainError(saved.reason === 'missing' ? 'not_found' : 'conflict', saved.reason === 'missing' ? `There is no enrollment "${enrollmentId}".` : STALE);
      const updated = await loadEnrollmentSchedule(deps, enrollment, unit, at);
      return presentSchedule(deps, enrollment, unit, updated, saved.value, context.language);
    },
  };
}

function changeOf(body: ScheduleChangeBody): ScheduleChange {
  switch (body.kind) {
    case 'unlockEarly':
      return { kind: 'unlockEarly', moduleKey: body.moduleKey!, ...(body.at !== undefined ? { at: body.at } : {}) };
    case 'hideModule':
    case 'showModule':
      return { kind: body.kind, moduleKey: body.moduleKey! };
    case 'setDeadline':
      return { kind: 'setDeadline', registrationId: body.registrationId!, deadline: body.deadline ?? null };
  }
}

/**
 * Pausing and resuming an enrollment: the status and the pause that moves the schedule are one
 * write. Pausing records when the program stopped; resuming (or ending a paused enrollment) closes
 * the pause, so what is left of the program comes the paused days later. Nothing else of the
 * schedule is read, so an enrollment whose schedule cannot be computed can still be paused.
 */
export async function changePausedStatus(
  deps: CareDeps,
  context: CareContext,
  target: { enrollment: EnrollmentRecord; unit: UnitRecord; role: Role },
  status: EnrollmentStatus,
): Promise<EnrollmentRecord> {
  const { enrollment, unit, role } = target;
  const stored = await deps.patientSchedules.get(enrollment.id);
  const at = deps.now().toISOString();
  const calendar: ScheduleContext = { startedAt: enrollment.startedAt, timeZone: unit.timeZone, now: at, completedModules: {}, measurementsDone: [], registrationsDone: [], adjustments: stored.adjustments };
  const pausing = status === 'paused';
  const result = pauseOrResume(calendar, pausing ? 'pause' : 'resume');
  // An enrollment paused before pauses were recorded has no open pause: it resumes without moving.
  const adjustments = result.ok ? result.adjustments : !pausing && result.issues[0]?.code === 'schedule.not_paused' ? stored.adjustments : undefined;
  if (adjustments === undefined) throw refusal(result as Extract<ScheduleChangeResult, { ok: false }>);
  const closed = pausing ? undefined : adjustments.pauses?.at(-1);
  const saved = await deps.patientSchedules.save({
    enrollmentId: enrollment.id, revision: stored.revision, adjustments, at, by: actorOf(context), status: { from: enrollment.status, to: status },
    audit: careAudit(deps, context, {
      at, role, action: 'enrollment.status', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId,
      details: { from: enrollment.status, to: status, ...(closed && closed.resumedAt === at ? { pausedDays: Math.max(0, daysBetween(localDateOf(closed.pausedAt, unit.timeZone), localDateOf(at, unit.timeZone))) } : {}) },
    }),
  });
  if (!saved.ok) throw new DomainError(saved.reason === 'missing' ? 'not_found' : 'conflict', saved.reason === 'missing' ? `There is no enrollment "${enrollment.id}".` : STALE);
  const updated = await deps.store.getEnrollment(enrollment.id);
  if (!updated) throw new DomainError('not_found', `There is no enrollment "${enrollment.id}".`);
  return updated;
}
