import { isAnswered } from '@careloom/format/engine';
import type { DueItem, ModuleState as WireModuleState, ProgramModule as WireProgramModule } from '@careloom/format/api';
import type { CareDeps } from './care-deps.js';
import { loadModule, pinOf, textIn } from './care-content.js';
import { effectiveTime } from './enrollment-schedule.js';
import type { EnrollmentSchedule } from './enrollment-schedule.js';
import type { EnrollmentRecord } from './ports.js';

export type ModuleViewState = WireModuleState;

/** A module of the program with the patient's state in it: the wire type. */
export type ProgramModuleView = WireProgramModule;

/** One due item as the patient app shows it: the wire type, defined once. */
export type { DueItem } from '@careloom/format/api';

/** Titles of an enrollment's pinned modules in a language. */
export async function moduleTitles(deps: CareDeps, enrollment: EnrollmentRecord, language: string | undefined): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const pin of enrollment.modules) {
    const { module } = await loadModule(deps, pin);
    titles.set(pin.moduleId, textIn(module.title, module, language));
  }
  return titles;
}

/**
 * The program's modules with the patient's state in each: the engine's locked/unlocked/completed,
 * plus in progress once answered. The patient is not shown modules the therapist hid (`forPatient`).
 */
export function programModules(schedule: EnrollmentSchedule, enrollment: EnrollmentRecord, titles: Map<string, string>, options: { forPatient?: boolean } = {}): ProgramModuleView[] {
  return schedule.status.modules.flatMap((state) => {
    const pin = pinOf(enrollment.modules, state.moduleId);
    if (!pin || (options.forPatient && state.hidden)) return [];
    const responses = schedule.responses.filter((response) => response.moduleId === state.moduleId && response.registrationId === null);
    const answers: Record<string, unknown> = {};
    for (const response of responses) Object.assign(answers, response.answers);
    const answered = Object.values(answers).filter((value) => isAnswered(value as never)).length;
    const lastPage = [...responses].reverse().find((response) => response.pageId !== null)?.pageId ?? undefined;
    const completedAt = schedule.context.completedModules[state.key];
    const viewState: ModuleViewState = state.state === 'unlocked' && responses.length > 0 ? 'in_progress' : state.state;
    return [{
      key: state.key,
      moduleId: state.moduleId,
      version: pin.version,
      title: titles.get(state.moduleId) ?? state.moduleId,
      state: viewState,
      ...(state.unlockedAt !== null ? { unlockedAt: state.unlockedAt } : {}),
      ...(completedAt !== undefined ? { completedAt } : {}),
      progress: { answered, ...(lastPage !== undefined ? { pageId: lastPage } : {}) },
    }];
  });
}

/**
 * What the patient should do now: unlocked modules not finished, open measurements, today's
 * registrations. A module the program uses for measurements or registrations is due only as
 * those, on their schedule: a registration form (the COPD daily report) is filled in again each day
 * and never "finished", so listing it as a module would leave it due for good.
 */
export function dueItems(schedule: EnrollmentSchedule, enrollment: EnrollmentRecord, titles: Map<string, string>): DueItem[] {
  const version = (moduleId: string) => pinOf(enrollment.modules, moduleId)?.version;
  const items: DueItem[] = [];
  const scheduledApart = new Set([
    ...(schedule.program.measurements ?? []).map((measurement) => measurement.module.moduleId),
    ...(schedule.program.registrations ?? []).map((registration) => registration.module.moduleId),
  ]);
  for (const state of schedule.status.modules) {
    const pinned = version(state.moduleId);
    if (state.state !== 'unlocked' || state.hidden || pinned === undefined || scheduledApart.has(state.moduleId)) continue;
    items.push({ kind: 'module', enrollmentId: enrollment.id, moduleId: state.moduleId, version: pinned, title: titles.get(state.moduleId) ?? state.moduleId, overdue: false });
  }
  for (const due of schedule.status.dueMeasurements) {
    const pinned = version(due.moduleId);
    if (pinned === undefined) continue;
    items.push({ kind: 'measurement', enrollmentId: enrollment.id, moduleId: due.moduleId, version: pinned, title: titles.get(due.moduleId) ?? due.moduleId, dueAt: due.dueAt, overdue: due.overdue });
  }
  for (const due of schedule.status.dueRegistrations) {
    const pinned = version(due.moduleId);
    if (pinned === undefined) continue;
    items.push({ kind: 'registration', enrollmentId: enrollment.id, moduleId: due.moduleId, version: pinned, title: titles.get(due.moduleId) ?? due.moduleId, registrationId: due.registration, dueAt: due.dueAt, overdue: due.overdue });
  }
  return items;
}

/** Modules that are unlocked and not yet opened: "new" on the Today screen. */
export function newModules(schedule: EnrollmentSchedule, enrollment: EnrollmentRecord, titles: Map<string, string>): Array<{ enrollmentId: string; moduleId: string; version: number; title: string; unlockedAt: string }> {
  const started = new Set(schedule.responses.map((response) => response.moduleId));
  return schedule.status.modules.flatMap((state) => {
    const pin = pinOf(enrollment.modules, state.moduleId);
    if (state.state !== 'unlocked' || state.hidden || state.unlockedAt === null || !pin || started.has(state.moduleId)) return [];
    return [{ enrollmentId: enrollment.id, moduleId: state.moduleId, version: pin.version, title: titles.get(state.moduleId) ?? state.moduleId, unlockedAt: state.unlockedAt }];
  });
}

/** The latest time the patient did anything, or null. */
export function lastActivity(schedule: EnrollmentSchedule): string | null {
  const last = schedule.responses[schedule.responses.length - 1];
  return last ? effectiveTime(last) : null;
}
