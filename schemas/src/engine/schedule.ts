import type { Program, Reminder } from '../generated/format.js';
import { isMeasurementDone, measurementOccurrences } from './measurement-schedule.js';
import type { MeasurementOccurrence } from './measurement-schedule.js';
import { moduleStates, moduleUnlocks } from './module-unlocks.js';
import type { ModuleState } from './module-unlocks.js';
import { isRegistrationDone, occurrenceDates, occurrenceOn, registrationOccurrences } from './registration-schedule.js';
import { isPaused, isWithinPause } from './schedule-adjustments.js';
import type { ScheduleContext } from './schedule-context.js';
import { scheduleWeek, scheduleWeekStart } from './schedule-weeks.js';
import { localDateOf, parseInstant, toInstant } from './zoned-time.js';

/** A measurement the patient can fill in now. */
export interface DueMeasurement {
  measurementId: string;
  moduleId: string;
  week: number;
  opensAt: string;
  dueAt: string;
  /** Start of the following program week: after it the occurrence is missed, not late. */
  closesAt: string;
  /** Past `dueAt` and still open. */
  overdue: boolean;
}

/** Today's (local date's) entry of a scheduled registration, not yet made. */
export interface DueRegistration {
  registrationId: string;
  moduleId: string;
  /** Id of the registration block in the module. */
  registration: string;
  date: string;
  opensAt: string;
  dueAt: string;
  overdue: boolean;
}

/** What is unlocked and due for one patient at `context.now`. */
export interface ProgramStatus {
  /** Program week of now (1-based; 0 before the start day; above `durationWeeks` once finished). */
  week: number;
  /** The program's last week is over. */
  finished: boolean;
  modules: ModuleState[];
  dueMeasurements: DueMeasurement[];
  dueRegistrations: DueRegistration[];
  /** The earliest deadline after now of a measurement or registration not yet done, or null when none is left. */
  nextDeadline: { kind: 'measurement' | 'registration'; id: string; dueAt: string } | null;
  /** Present (true) while the enrollment is paused: nothing is due, and no deadline is next. */
  paused?: true;
}

/**
 * What is unlocked and due for a patient now: module states, open measurements (from their week's
 * start to the next week's start, overdue after `dueWithinDays`), today's registration entries not
 * yet made, and the next deadline. Days and weeks are the patient's local ones ({@link ScheduleContext}),
 * moved by their pauses; while paused nothing is due (what is unlocked stays readable).
 *
 * @example
 * const status = programStatus(program, { ...enrollment, now: clock.now() });
 * status.dueRegistrations[0]?.dueAt; // '2026-03-29T10:00:00.000Z' (12:00 CEST)
 */
export function programStatus(program: Program, context: ScheduleContext): ProgramStatus {
  const now = parseInstant(context.now);
  const programEnd = scheduleWeekStart(context, program.durationWeeks + 1);
  const modules = moduleStates(program, context);
  const week = scheduleWeek(context, context.now);
  const finished = now >= parseInstant(programEnd);
  if (isPaused(context)) return { week, finished, modules, dueMeasurements: [], dueRegistrations: [], nextDeadline: null, paused: true };
  const dueMeasurements = measurementOccurrences(program, context)
    .filter((occurrence) => !isMeasurementDone(context, occurrence.measurementId, occurrence.week))
    .map((occurrence) => dueMeasurement(occurrence, context))
    .filter((due) => parseInstant(due.opensAt) <= now && now < parseInstant(due.closesAt));
  const today = localDateOf(context.now, context.timeZone);
  const dueRegistrations: DueRegistration[] = [];
  for (const registration of program.registrations ?? []) {
    for (const date of occurrenceDates(program, registration, context, today, today)) {
      if (isRegistrationDone(context, registration.id, date)) continue;
      const occurrence = occurrenceOn(registration, date, context);
      dueRegistrations.push({ registrationId: registration.id, moduleId: registration.module.moduleId, registration: registration.registration, ...occurrence, overdue: now >= parseInstant(occurrence.dueAt) });
    }
  }
  return {
    week,
    finished,
    modules,
    dueMeasurements,
    dueRegistrations,
    nextDeadline: nextDeadline(program, context, programEnd),
  };
}

/** A reminder to send to the patient. */
export interface DueReminder {
  kind: 'measurement' | 'registration' | 'module';
  /** Measurement id, registration id or module key. */
  id: string;
  moduleId: string;
  sendAt: string;
  /** The deadline reminded of; null for a module that unlocked. */
  dueAt: string | null;
  /** Local date of a registration entry, or program week of a measurement. */
  date?: string;
  week?: number;
  minutesBefore: number;
  /** Always includes 'app': the app shows every reminder. */
  channels: Array<'app' | 'email'>;
}

/**
 * Reminders whose send time falls in [from, to), by send time: each measurement and registration
 * reminder `minutesBefore` its deadline, for occurrences not yet done, and a notice for each module
 * that unlocks (unless `remind: false`). A reminder that would go out before its occurrence opens is
 * not sent: the patient could not act on it yet. Consecutive windows send each reminder once.
 * Nothing is reminded of while the enrollment is paused: a reminder whose send time falls within a
 * pause is dropped (its occurrence moved past the pause, or was never asked for).
 *
 * @example
 * remindersDue(program, context, lastRun, now).filter((reminder) => reminder.channels.includes('email'));
 */
export function remindersDue(program: Program, context: ScheduleContext, from: string, to: string): DueReminder[] {
  const [start, end] = [parseInstant(from), parseInstant(to)];
  const reminders: DueReminder[] = [];
  const inWindow = (sendAt: number, opensAt: string) => start <= sendAt && sendAt < end && sendAt >= parseInstant(opensAt) && !isWithinPause(context, sendAt);
  for (const occurrence of measurementOccurrences(program, context)) {
    if (isMeasurementDone(context, occurrence.measurementId, occurrence.week)) continue;
    for (const reminder of occurrence.measurement.reminders ?? []) {
      const sendAt = parseInstant(occurrence.dueAt) - reminder.minutesBefore * 60_000;
      if (!inWindow(sendAt, occurrence.opensAt)) continue;
      reminders.push({ kind: 'measurement', id: occurrence.measurementId, moduleId: occurrence.moduleId, sendAt: toInstant(sendAt), dueAt: occurrence.dueAt, week: occurrence.week, ...reminderOf(reminder) });
    }
  }
  for (const registration of program.registrations ?? []) {
    for (const reminder of registration.reminders ?? []) {
      const lead = reminder.minutesBefore * 60_000;
      for (const occurrence of registrationOccurrences(program, registration.id, context, toInstant(start + lead), toInstant(end + lead))) {
        const sendAt = parseInstant(occurrence.dueAt) - lead;
        if (!inWindow(sendAt, occurrence.opensAt) || isRegistrationDone(context, registration.id, occurrence.date)) continue;
        reminders.push({ kind: 'registration', id: registration.id, moduleId: registration.module.moduleId, sendAt: toInstant(sendAt), dueAt: occurrence.dueAt, date: occurrence.date, ...reminderOf(reminder) });
      }
    }
  }
  for (const unlock of moduleUnlocks(program, context, from, to)) {
    reminders.push({ kind: 'module', id: unlock.key, moduleId: unlock.moduleId, sendAt: unlock.unlockedAt, dueAt: null, minutesBefore: 0, channels: ['app'] });
  }
  return reminders.sort((a, b) => parseInstant(a.sendAt) - parseInstant(b.sendAt) || compareText(a.kind, b.kind) || compareText(a.id, b.id));
}

function dueMeasurement(occurrence: MeasurementOccurrence, context: ScheduleContext): DueMeasurement {
  const closesAt = occurrence.closesAt;
  return {
    measurementId: occurrence.measurementId,
    moduleId: occurrence.moduleId,
    week: occurrence.week,
    opensAt: occurrence.opensAt,
    dueAt: occurrence.dueAt,
    closesAt,
    overdue: parseInstant(context.now) >= parseInstant(occurrence.dueAt),
  };
}

function nextDeadline(program: Program, context: ScheduleContext, programEnd: string): ProgramStatus['nextDeadline'] {
  const now = parseInstant(context.now);
  let best: ProgramStatus['nextDeadline'] = null;
  const consider = (kind: 'measurement' | 'registration', id: string, dueAt: string) => {
    const at = parseInstant(dueAt);
    if (at > now && (best === null || at < parseInstant(best.dueAt))) best = { kind, id, dueAt };
  };
  for (const occurrence of measurementOccurrences(program, context)) {
    if (!isMeasurementDone(context, occurrence.measurementId, occurrence.week)) consider('measurement', occurrence.measurementId, occurrence.dueAt);
  }
  const end = parseInstant(programEnd) + 86_400_000;
  for (const registration of program.registrations ?? []) {
    // Look ahead a week at a time: a registration recurs at least weekly, so the first open one is near.
    for (let from = now + 1; from < end; from += 7 * 86_400_000) {
      const upcoming = registrationOccurrences(program, registration.id, context, toInstant(from), toInstant(Math.min(from + 7 * 86_400_000, end)))
        .find((occurrence) => !isRegistrationDone(context, registration.id, occurrence.date));
      if (upcoming) {
        consider('registration', registration.id, upcoming.dueAt);
        break;
      }
    }
  }
  return best;
}

function reminderOf(reminder: Reminder): { minutesBefore: number; channels: Array<'app' | 'email'> } {
  return { minutesBefore: reminder.minutesBefore, channels: ['app', ...(reminder.channels ?? []).filter((channel) => channel !== 'app')] };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
