import { programWeek } from '../../../../schemas/src/engine/program-weeks.js';
import { programStatus } from '../../../../schemas/src/engine/schedule.js';
import type { ProgramStatus } from '../../../../schemas/src/engine/schedule.js';
import type { ScheduleContext } from '../../../../schemas/src/engine/schedule-context.js';
import type { Module, Program } from '../../../../schemas/src/generated/format.js';
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
 * weeks filled in, registration days entered.
 */
export function scheduleContext(program: Program, enrollment: EnrollmentRecord, unit: UnitRecord, responses: readonly ResponseRecord[], now: string): ScheduleContext {
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
    const week = programWeek(enrollment.startedAt, unit.timeZone, at);
    for (const measurement of program.measurements ?? []) {
      if (measurement.module.moduleId === response.moduleId && measurement.weeks.includes(week)) measurementsDone.push({ measurementId: measurement.id, week });
    }
  }
  return { startedAt: enrollment.startedAt, timeZone: unit.timeZone, now, completedModules, measurementsDone, registrationsDone };
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

/** Loads an enrollment's deployment, program and responses and computes its status at `now`. */
export async function loadEnrollmentSchedule(deps: CareDeps, enrollment: EnrollmentRecord, unit: UnitRecord, now: string): Promise<EnrollmentSchedule> {
  const deployment = await deps.store.getDeployment(enrollment.deploymentId);
  if (!deployment) throw new Error(`enrollment ${enrollment.id} has no deployment ${enrollment.deploymentId}`);
  const program = (await loadProgram(deps, deployment)) ?? singleModuleProgram((await loadModule(deps, enrollment.modules[0]!)).module);
  const responses = await deps.store.listResponses(enrollment.id);
  const context = scheduleContext(program, enrollment, unit, responses, now);
  return { deployment, program, responses, context, status: programStatus(program, context) };
}
