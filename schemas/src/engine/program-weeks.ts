import { addDays, daysBetween } from './calendar-date.js';
import { localDateOf, localMidnight, parseInstant } from './zoned-time.js';

/**
 * Program weeks count from the local calendar day the patient started: week 1 runs from local
 * midnight of that day for seven local days, week N starts at local midnight of start day + 7(N−1)
 * days. Local days, not 24-hour spans, so a week with a daylight-saving change is 167 or 169 hours.
 */

/**
 * The instant program week `week` begins.
 *
 * @example
 * weekStart('2026-03-02T14:00:00.000Z', 'Europe/Stockholm', 2); // '2026-03-08T23:00:00.000Z' (00:00 CET, 9 March)
 */
export function weekStart(startedAt: string, timeZone: string, week: number): string {
  return localMidnight(weekStartDate(localDateOf(startedAt, timeZone), week), timeZone);
}

/**
 * The program week an instant falls in, 1-based; 0 before the local day the patient started.
 *
 * @example
 * programWeek('2026-03-02T14:00:00.000Z', 'Europe/Stockholm', '2026-03-08T22:59:59.999Z'); // 1
 */
export function programWeek(startedAt: string, timeZone: string, now: string): number {
  return weekOfDate(localDateOf(startedAt, timeZone), localDateOf(now, timeZone));
}

/** The local date program week `week` begins on, given the local start date. */
export function weekStartDate(startDate: string, week: number): string {
  if (!Number.isInteger(week)) throw new Error(`Program week ${week} is not a whole number.`);
  return addDays(startDate, 7 * (week - 1));
}

/** The program week of a local date, given the local start date; 0 before it. */
export function weekOfDate(startDate: string, date: string): number {
  const days = daysBetween(startDate, date);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

/** Whether instant `a` is earlier than instant `b`. */
export function isBefore(a: string, b: string): boolean {
  return parseInstant(a) < parseInstant(b);
}
