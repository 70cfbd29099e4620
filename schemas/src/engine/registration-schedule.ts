import type { Program, ScheduledRegistration } from '../generated/format.js';
import { addDays, daysBetween, isoWeekday } from './calendar-date.js';
import { weekOfDate, weekStartDate } from './program-weeks.js';
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
 * of `toWeek` (default and at most `durationWeeks`). Throws on an unknown registration id.
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
    .map((date) => occurrenceOn(registration, date, context.timeZone))
    .filter((occurrence) => start <= parseInstant(occurrence.dueAt) && parseInstant(occurrence.dueAt) < end);
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

/** The occurrence of a registration on a local date. */
export function occurrenceOn(registration: ScheduledRegistration, date: string, timeZone: string): RegistrationOccurrence {
  return { date, opensAt: localMidnight(date, timeZone), dueAt: localDateTimeToInstant(date, registration.deadline, timeZone) };
}

/**
 * The local dates in [firstDate, lastDate] on which a registration occurs, within its weeks of the program.
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
  for (let date = from; daysBetween(date, to) >= 0; date = addDays(date, 1)) {
    if (weekdays === null || weekdays.has(isoWeekday(date))) dates.push(date);
  }
  return dates;
}

/** Whether the patient has done a registration's occurrence on a local date. */
export function isRegistrationDone(context: ScheduleContext, registrationId: string, date: string): boolean {
  return context.registrationsDone.some((done) => done.registrationId === registrationId && done.date === date);
}

/** The program week a registration occurrence falls in. */
export function occurrenceWeek(context: ScheduleContext, date: string): number {
  return weekOfDate(localDateOf(context.startedAt, context.timeZone), date);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
