/** Calendar arithmetic on local dates written 'YYYY-MM-DD', with no time zone involved. */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a string is a real calendar date written 'YYYY-MM-DD' ('2026-02-29' is not).
 *
 * @example
 * isCalendarDate('2028-02-29'); // true (leap year)
 */
export function isCalendarDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The first and last dates Careloom takes anywhere a date comes in (a start date, an answer's time,
 * a date answer, a date in a condition). Wide enough for the birth date of the oldest patient and
 * for any program's end, and far enough from year 9999 that schedule arithmetic on a date in range
 * (weeks and years added to it) never leaves the years a date can be written in.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/**
 * Whether a string is a calendar date (see {@link isCalendarDate}) between {@link EARLIEST_DATE}
 * and {@link LATEST_DATE}.
 *
 * @example
 * isSupportedDate('2026-03-01'); // true
 * isSupportedDate('9999-12-31'); // false
 */
export function isSupportedDate(date: string): boolean {
  return isCalendarDate(date) && date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/**
 * The date `days` days after (or before, when negative) a date.
 *
 * @example
 * addDays('2026-02-28', 1); // '2026-03-01'
 */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`Cannot add ${days} days to a date.`);
  return dateOfEpochDay(epochDay(date) + days);
}

/**
 * Whole days from one date to another (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2026-03-01', '2026-03-08'); // 7
 */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/**
 * ISO weekday of a date: 1 = Monday … 7 = Sunday.
 *
 * @example
 * isoWeekday('2026-03-01'); // 7 (a Sunday)
 */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Days since 1970-01-01 of a date; throws on a string that is not a calendar date. */
export function epochDay(date: string): number {
  if (!isCalendarDate(date)) throw new Error(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  const clock = new Date(0);
  clock.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(clock.getTime() / DAY_MS);
}

/** The date written 'YYYY-MM-DD' of a day counted from 1970-01-01. */
export function dateOfEpochDay(day: number): string {
  const clock = new Date(day * DAY_MS);
  const year = clock.getUTCFullYear();
  if (year < 0 || year > 9999) throw new Error(`Year ${year} is out of range.`);
  return `${String(year).padStart(4, '0')}-${pad2(clock.getUTCMonth() + 1)}-${pad2(clock.getUTCDate())}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
