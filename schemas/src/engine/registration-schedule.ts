import type { Program, ScheduledRegistration } from '../generated/format.js';
import { addDays, daysBetween, isoWeekday } from './calendar-date.js';
import { weekOfDate, weekStartDate } from './program-weeks.js';
import { deadlineOf, isWithinPause, programDate, realDate } from './schedule-adjustments.js';
import type { ScheduleContext } from './schedule-context.js';
import { localDateOf, localDateTimeToInstant, localMidnight, parseInstant } from './zoned-time.js';

/** One day's occurrence of a scheduled registration. */
export interface RegistrationOccurrence {
  /** Local date of the occurrence. */
  date: string;
  /** Local midnight starting that date. */
  opensAt: string;
  /** The deadline, local time that date. */
  dueAt: string;
}

/**
 * The occurrences of a scheduled registration whose deadline falls in [from, to), by date.
 *
 * A registration occurs every local day (`daily`) or on its ISO `weekdays` (`weekly`; without
 * weekdays, on the weekday the patient started) from the start of `fromWeek` (default 1) to the end
 * of `toWeek` (default and at most `durationWeeks`), on the patient's program calendar: the
 * therapist's deadline for this patient replaces the program's, dates inside a pause have no
 * occurrence, and an occurrence whose deadline falls within a pause is not asked for.
 * Throws on an unknown registration id.
 *
 * @example
 * registrationOccurrences(program, 'copd-daily', context, '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z');
 * // [{ date: '2026-03-02', opensAt: '2026-03-01T23:00:00.000Z', dueAt: '2026-03-02T11:00:00.000Z' }, …]
 */
export function registrationOccurrences(program: Program, registrationId: string, context: ScheduleContext, from: string, to: string): RegistrationOccurrence[] {
  const registration = program.registrations?.find((candidate) => candidate.id === registrationId);
  if (!registration) throw new Error(`Program "${program.id}" has no registration "${registrationId}".`);
  const [start, end] = [parseInstant(from), parseInstant(to)];
  // A deadline's local date is its occurrence's date or, pushed through a DST gap, the day after.
  const dates = occurrenceDates(program, registration, context, addDays(localDateOf(from, context.timeZone), -1), localDateOf(to, context.timeZone));
  return dates
    .map((date) => occurrenceOn(registration, date, context))
    .filter((occurrence) => start <= parseInstant(occurrence.dueAt) && parseInstant(occurrence.dueAt) < end && !isWithinPause(context, parseInstant(occurrence.dueAt)));
}

/**
 * Occurrences of registrations with `alertWhenMissing` whose deadline fell in [since, now) and that
 * the patient has not done, oldest first: the runtime raises "report missing" alerts from these.
 * An entry arriving exactly at the deadline is on time, so a deadline equal to `now` is not missed
 * yet; and checks run back to back (`since` = the previous run's `now`) report each deadline once.
 *
 * @example
 * missedRegistrations(program, context, lastCheck); // [{ registrationId: 'copd-daily', date: '2026-03-03', dueAt: '…' }]
 */
export function missedRegistrations(program: Program, context: ScheduleContext, since: string): Array<{ registrationId: string; date: string; dueAt: string }> {
  const missed: Array<{ registrationId: string; date: string; dueAt: string }> = [];
  for (const registration of program.registrations ?? []) {
    if (registration.alertWhenMissing !== true) continue;
    for (const occurrence of registrationOccurrences(program, registration.id, context, since, context.now)) {
      if (!isRegistrationDone(context, registration.id, occurrence.date)) {
        missed.push({ registrationId: registration.id, date: occurrence.date, dueAt: occurrence.dueAt });
      }
    }
  }
  return missed.sort((a, b) => parseInstant(a.dueAt) - parseInstant(b.dueAt) || compareText(a.registrationId, b.registrationId));
}

/** The occurrence of a registration on a local date, with this patient's deadline. */
export function occurrenceOn(registration: ScheduledRegistration, date: string, context: Pick<ScheduleContext, 'timeZone' | 'adjustments'>): RegistrationOccurrence {
  return { date, opensAt: localMidnight(date, context.timeZone), dueAt: localDateTimeToInstant(date, deadlineOf(context as ScheduleContext, registration), context.timeZone) };
}

/**
 * The local dates in [firstDate, lastDate] on which a registration occurs, within its weeks of the
 * program (read on the patient's program calendar, so after a pause they come later). Weekly
 * registrations keep their weekdays: a Sunday weigh-in stays on real Sundays.
 */
export function occurrenceDates(program: Program, registration: ScheduledRegistration, context: ScheduleContext, firstDate: string, lastDate: string): string[] {
  const startDate = localDateOf(context.startedAt, context.timeZone);
  const lastWeek = Math.min(registration.toWeek ?? program.durationWeeks, program.durationWeeks);
  const windowStart = weekStartDate(startDate, registration.fromWeek ?? 1);
  const windowEnd = addDays(weekStartDate(startDate, lastWeek + 1), -1);
  const from = daysBetween(windowStart, firstDate) > 0 ? firstDate : windowStart;
  const to = daysBetween(lastDate, windowEnd) > 0 ? lastDate : windowEnd;
  const weekdays = registration.frequency === 'daily' ? null : new Set(registration.weekdays ?? [isoWeekday(startDate)]);
  const dates: string[] = [];
  const paused = (context.adjustments?.pauses ?? []).length > 0;
  if (!paused) {
    for (let date = from; daysBetween(date, to) >= 0; date = addDays(date, 1)) {
      if (weekdays === null || weekdays.has(isoWeekday(date))) dates.push(date);
    }
    return dates;
  }
  // With pauses the program's window lies later in real dates: walk the real dates asked for and
  // keep those whose program date is inside the window (which ends at most at its real last date).
  const lastReal = realDate(context, windowEnd);
  const until = daysBetween(lastDate, lastReal) > 0 ? lastDate : lastReal;
  for (let date = from; daysBetween(date, until) >= 0; date = addDays(date, 1)) {
    const onProgram = programDate(context, date);
    if (onProgram === null || daysBetween(windowStart, onProgram) < 0 || daysBetween(onProgram, windowEnd) < 0) continue;
    if (weekdays === null || weekdays.has(isoWeekday(date))) dates.push(date);
  }
  return dates;
}

/** Whether the patient has done a registration's occurrence on a local date. */
export function isRegistrationDone(context: ScheduleContext, registrationId: string, date: string): boolean {
  return context.registrationsDone.some((done) => done.registrationId === registrationId && done.date === date);
}

/** The program week a registration occurrence falls in (on the patient's program calendar). */
export function occurrenceWeek(context: ScheduleContext, date: string): number {
  return weekOfDate(localDateOf(context.startedAt, context.timeZone), programDate(context, date) ?? date);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
