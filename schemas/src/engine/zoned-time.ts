import { epochDay, isCalendarDate } from './calendar-date.js';

/**
 * Instants and local wall-clock time in IANA time zones, with Intl.DateTimeFormat as the only source
 * of time-zone rules, so the browser and Node agree without a time-zone library.
 * Instants are ISO 8601 strings; results are always UTC ('2026-03-01T08:00:00.000Z').
 */

/**
 * The time zone a care unit keeps when none is chosen for it, and so the one the designer's
 * simulator starts in: one constant, so the two cannot drift apart.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
// An offset is required: without one, Date.parse reads the machine's local time.
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Milliseconds since the epoch of an ISO 8601 instant with 'Z' or an offset. Throws on anything else.
 *
 * @example
 * parseInstant('2026-03-01T09:00:00+01:00'); // 1772352000000
 */
export function parseInstant(instant: string): number {
  const match = INSTANT_PATTERN.exec(instant);
  // V8 rolls '2026-02-30' over into March, so the date is checked here rather than left to Date.parse.
  const ms = match && isCalendarDate(match[1] ?? '') ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`"${instant}" is not an ISO 8601 instant with a time-zone offset.`);
  return ms;
}

/** The ISO 8601 UTC string of milliseconds since the epoch. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The instant a local date and time of day happen in a time zone. A time skipped by a daylight-saving
 * jump moves forward by the jump (02:30 on a spring-forward night becomes 03:30); a time that happens
 * twice when clocks fall back is its first occurrence.
 *
 * @example
 * localDateTimeToInstant('2026-07-01', '12:00', 'Europe/Stockholm'); // '2026-07-01T10:00:00.000Z'
 * localDateTimeToInstant('2026-03-29', '02:30', 'Europe/Stockholm'); // '2026-03-29T01:30:00.000Z' (03:30 CEST)
 */
export function localDateTimeToInstant(date: string, time: string, timeZone: string): string {
  const match = TIME_PATTERN.exec(time);
  if (!match || !isCalendarDate(date)) throw new Error(`"${date} ${time}" is not a local date (YYYY-MM-DD) and time (HH:MM).`);
  const wall = epochDay(date) * DAY_MS + (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
  // Offsets a day either side bracket any single transition near the wall time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((ms) => offsetAt(ms, timeZone) === wall - ms);
  if (candidates.length > 0) return toInstant(Math.min(...candidates));
  // In a gap: read with the offset before the jump, which lands the gap's length later.
  return toInstant(wall - before);
}

/**
 * The local start of a day (00:00, or the first moment of the day where midnight is skipped).
 *
 * @example
 * localMidnight('2026-03-01', 'Europe/Stockholm'); // '2026-02-28T23:00:00.000Z'
 */
export function localMidnight(date: string, timeZone: string): string {
  return localDateTimeToInstant(date, '00:00', timeZone);
}

/**
 * The local calendar date of an instant in a time zone.
 *
 * @example
 * localDateOf('2026-03-01T23:30:00.000Z', 'Europe/Stockholm'); // '2026-03-02'
 */
export function localDateOf(instant: string, timeZone: string): string {
  const parts = wallClock(parseInstant(instant), timeZone);
  return `${String(parts.year).padStart(4, '0')}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

/**
 * The local time of day 'HH:MM' of an instant in a time zone.
 *
 * @example
 * localTimeOf('2026-03-01T08:00:00.000Z', 'Europe/Stockholm'); // '09:00'
 */
export function localTimeOf(instant: string, timeZone: string): string {
  const parts = wallClock(parseInstant(instant), timeZone);
  return `${pad2(parts.hour)}:${pad2(parts.minute)}`;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (e.g. 3 600 000 for CET). */
export function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const parts = wallClock(wholeSecond, timeZone);
  const clock = new Date(0);
  clock.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  clock.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return clock.getTime() - wholeSecond;
}

/** Shared between callers (see `recent`): read, never change. */
interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

// formatToParts is the slow step (a few microseconds), and a server asks for the same second in
// the same zone many times (every answer recorded in that second). Results are per whole second, so
// a map keyed by zone and second returns exactly what a fresh call would.
const recent = new Map<string, WallClock>();
const RECENT_MAX = 512;

function wallClock(ms: number, timeZone: string): WallClock {
  const key = `${timeZone}|${Math.floor(ms / 1000)}`;
  const known = recent.get(key);
  if (known) return known;
  const computed = computeWallClock(ms, timeZone);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, computed);
  return computed;
}

function computeWallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    // Some engines print midnight as 24 even with hourCycle h23.
    hour: (parts.hour ?? Number.NaN) % 24,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    // Throws RangeError for an unknown zone, which is what a caller passing one should get.
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
