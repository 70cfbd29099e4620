import { EARLIEST_DATE, isSupportedDate, LATEST_DATE } from '@careloom/format/engine';
import { scheduleWeek } from '@careloom/format/engine';
import { programStatus } from '@careloom/format/engine';
import type { ProgramStatus } from '@careloom/format/engine';
import type { ScheduleAdjustments, ScheduleContext } from '@careloom/format/engine';
import type { Module, Program } from '@careloom/format';
import { DomainError } from '../errors.js';
import type { CareDeps } from './care-deps.js';
import { loadModule, loadProgram } from './care-content.js';
import type { DeploymentRecord, EnrollmentRecord, ResponseRecord, UnitRecord } from './ports.js';

/** An enrollment with what the engine needs to say what is unlocked and due. */
export interface EnrollmentSchedule {
  deployment: DeploymentRecord;
  /** The deployed program, or a one-module program standing in for a module deployment. */
  program: Program;
  responses: ResponseRecord[];
  context: ScheduleContext;
  status: ProgramStatus;
}

/** Weeks a single deployed module stays available: it has no schedule of its own. */
const SINGLE_MODULE_WEEKS = 520;

/** The instant a response counts from: the device's time (offline answers keep it), never later than its arrival. */
export function effectiveTime(response: Pick<ResponseRecord, 'answeredAt' | 'receivedAt'>): string {
  return Date.parse(response.answeredAt) <= Date.parse(response.receivedAt) ? new Date(response.answeredAt).toISOString() : response.receivedAt;
}

/**
 * What the patient has done, in the engine's terms: modules completed (by program key), measurement
 * weeks filled in, registration days entered, with the therapist's adjustments for this patient
 * (a measurement counts in the program week it was filled in, on the patient's calendar after pauses).
 */
export function scheduleContext(program: Program, enrollment: EnrollmentRecord, unit: UnitRecord, responses: readonly ResponseRecord[], now: string, adjustments: ScheduleAdjustments = {}): ScheduleContext {
  const calendar: ScheduleContext = { startedAt: enrollment.startedAt, timeZone: unit.timeZone, now, completedModules: {}, measurementsDone: [], registrationsDone: [], adjustments };
  const completedModules: Record<string, string> = {};
  const measurementsDone: Array<{ measurementId: string; week: number }> = [];
  const registrationsDone: Array<{ registrationId: string; date: string }> = [];
  for (const response of responses) {
    const at = effectiveTime(response);
    if (response.registrationId !== null) {
      for (const registration of program.registrations ?? []) {
        if (registration.registration === response.registrationId && registration.module.moduleId === response.moduleId) {
          registrationsDone.push({ registrationId: registration.id, date: response.localDate });
        }
      }
      continue;
    }
    if (!response.completes) continue;
    for (const scheduled of program.modules) {
      if (scheduled.module.moduleId === response.moduleId && !Object.hasOwn(completedModules, scheduled.key)) completedModules[scheduled.key] = at;
    }
    const week = scheduleWeek(calendar, at);
    for (const measurement of program.measurements ?? []) {
      if (measurement.module.moduleId === response.moduleId && measurement.weeks.includes(week)) measurementsDone.push({ measurementId: measurement.id, week });
    }
  }
  return { ...calendar, completedModules, measurementsDone, registrationsDone };
}

/**
 * Whether the patient followed the program through: every required module completed. A module the
 * program uses as a registration form (the COPD daily report) is filled in again each day and never
 * finished, so it counts as done when the patient made an entry with it in the last week its
 * registrations are due: they kept reporting to the end. A module the therapist hid from the
 * patient is not asked of them.
 */
export function programCompleted(schedule: Pick<EnrollmentSchedule, 'program' | 'context' | 'responses'>): boolean {
  const { program, context } = schedule;
  const followedToTheEnd = (moduleId: string): boolean => {
    const registrations = (program.registrations ?? []).filter((registration) => registration.module.moduleId === moduleId);
    return registrations.some((registration) => {
      const lastWeek = Math.min(registration.toWeek ?? program.durationWeeks, program.durationWeeks);
      return schedule.responses.some((response) =>
        response.registrationId === registration.registration && response.moduleId === moduleId && scheduleWeek(context, effectiveTime(response)) >= lastWeek);
    });
  };
  const registrationForms = new Set((program.registrations ?? []).map((registration) => registration.module.moduleId));
  return program.modules.every((scheduled) =>
    scheduled.optional === true
    || context.adjustments?.hiddenModules?.includes(scheduled.key) === true
    || Object.hasOwn(context.completedModules, scheduled.key)
    || (registrationForms.has(scheduled.module.moduleId) && followedToTheEnd(scheduled.module.moduleId)));
}

/** A one-module program for a module deployment, so both kinds go through the same schedule. */
export function singleModuleProgram(module: Module): Program {
  return {
    formatVersion: 1,
    id: module.id,
    title: module.title,
    languages: module.languages,
    defaultLanguage: module.defaultLanguage,
    durationWeeks: SINGLE_MODULE_WEEKS,
    modules: [{ key: module.id, module: { moduleId: module.id }, unlock: {}, remind: false }],
  };
}

/** Why an enrollment's schedule cannot be computed from what is stored, said to its therapist. */
export interface UnreadableEnrollment {
  enrollmentId: string;
  /** The deployment's title when it is known, for lists. */
  title: string;
  problem: { code: string; message: string };
}

/**
 * Refuses, as a 409 naming the stored date, an enrollment whose start date no schedule can be
 * computed from. New enrollments cannot get such a date (enroll checks it), but data written before
 * that check may hold one: it must fail alone, never take a list, a report or the minute job down.
 */
export function assertSchedulable(enrollment: Pick<EnrollmentRecord, 'id' | 'startedOn' | 'startedAt'>): void {
  const startedAtDay = typeof enrollment.startedAt === 'string' ? enrollment.startedAt.slice(0, 10) : '';
  if (isSupportedDate(enrollment.startedOn) && isSupportedDate(startedAtDay)) return;
  const message = `This enrollment's start date (${JSON.stringify(enrollment.startedOn)}) is outside ${EARLIEST_DATE} to ${LATEST_DATE}, so its schedule cannot be computed. End the enrollment and enroll the patient again with a correct start date.`;
  throw new DomainError('conflict', message, { issues: [{ code: 'enrollment.start_out_of_range', path: '/startedOn', message, params: { enrollmentId: enrollment.id } }] });
}

/** Loads an enrollment's deployment, program and responses and computes its status at `now`. */
export async function loadEnrollmentSchedule(deps: CareDeps, enrollment: EnrollmentRecord, unit: UnitRecord, now: string): Promise<EnrollmentSchedule> {
  assertSchedulable(enrollment);
  const deployment = await deps.store.getDeployment(enrollment.deploymentId);
  if (!deployment) throw new Error(`enrollment ${enrollment.id} has no deployment ${enrollment.deploymentId}`);
  const program = (await loadProgram(deps, deployment)) ?? singleModuleProgram((await loadModule(deps, enrollment.modules[0]!)).module);
  const responses = await deps.store.listResponses(enrollment.id);
  const { adjustments } = await deps.patientSchedules.get(enrollment.id);
  const context = scheduleContext(program, enrollment, unit, responses, now, adjustments);
  return { deployment, program, responses, context, status: programStatus(program, context) };
}

/**
 * {@link loadEnrollmentSchedule} for lists and the minute job: a schedule, or why this one
 * enrollment has none (its stored data cannot be scheduled, or its content is missing), so the
 * caller shows the others and names this one.
 */
export async function tryLoadEnrollmentSchedule(deps: CareDeps, enrollment: EnrollmentRecord, unit: UnitRecord, now: string): Promise<{ ok: true; schedule: EnrollmentSchedule } | { ok: false; unreadable: UnreadableEnrollment }> {
  try {
    return { ok: true, schedule: await loadEnrollmentSchedule(deps, enrollment, unit, now) };
  } catch (error) {
    const deployment = await deps.store.getDeployment(enrollment.deploymentId).catch(() => undefined);
    const issue = error instanceof DomainError ? error.issues[0] : undefined;
    const problem = issue
      ? { code: issue.code, message: issue.message }
      : { code: 'enrollment.unschedulable', message: error instanceof DomainError ? error.detail : 'The schedule of this enrollment cannot be computed from its stored data.' };
    return { ok: false, unreadable: { enrollmentId: enrollment.id, title: deployment?.title ?? '', problem } };
  }
}
