import { addDays, daysBetween } from './calendar-date.js';
import type { ScheduleContext } from './schedule-context.js';
import { localDateOf, parseInstant } from './zoned-time.js';

/** One pause of an enrollment: from `pausedAt` until `resumedAt` (null while it lasts). */
export interface SchedulePause {
  pausedAt: string;
  resumedAt: string | null;
}

/**
 * What a therapist changed in one patient's schedule. Every field is optional: an enrollment
 * without adjustments follows the program as published.
 */
export interface ScheduleAdjustments {
  /** Program module key → the instant it unlocks for this patient, earlier than the program says. */
  earlyUnlocks?: Readonly<Record<string, string>>;
  /** Program module keys the patient does not see. A hidden module holds no other module back. */
  hiddenModules?: readonly string[];
  /** Registration id → this patient's deadline (`HH:MM`, local time) instead of the program's. */
  registrationDeadlines?: Readonly<Record<string, string>>;
  /** Pauses, oldest first; at most the last one is still open. */
  pauses?: readonly SchedulePause[];
}

/**
 * Pauses on the program's calendar. The schedule counts local days, so a pause is counted in local
 * days too: a pause from local date A to local date B (B is the day it ended, or today while it
 * lasts) takes the dates after A up to and including B out of the program. What fell on or before
 * A keeps its date; everything scheduled after A moves B − A days later, at the same local time.
 * What the pause itself covered (a deadline or reminder between `pausedAt` and `resumedAt`) is not
 * asked for at all: see {@link isWithinPause}.
 */
interface PausedSpan {
  /** The local date the pause began: still a program day. */
  from: string;
  /** The last local date taken out of the program. */
  to: string;
}

function pausedSpans(context: ScheduleContext): PausedSpan[] {
  const now = parseInstant(context.now);
  const spans: PausedSpan[] = [];
  for (const pause of context.adjustments?.pauses ?? []) {
    if (parseInstant(pause.pausedAt) > now) continue;
    const end = pause.resumedAt !== null && parseInstant(pause.resumedAt) <= now ? pause.resumedAt : context.now;
    const from = localDateOf(pause.pausedAt, context.timeZone);
    const to = localDateOf(end, context.timeZone);
    if (daysBetween(from, to) > 0) spans.push({ from, to });
  }
  return spans.sort((a, b) => daysBetween(b.from, a.from));
}

/**
 * The local date a program date falls on for this patient, after their pauses.
 *
 * @example
 * // Paused on 10 March, resumed on 14 March: 11 March of the program is 15 March.
 * realDate(context, '2026-03-11'); // '2026-03-15'
 */
export function realDate(context: ScheduleContext, programDate: string): string {
  let date = programDate;
  for (const span of pausedSpans(context)) {
    if (daysBetween(span.from, date) > 0) date = addDays(date, daysBetween(span.from, span.to));
  }
  return date;
}

/**
 * The program date of a local date for this patient, or null when the date lies inside a pause.
 *
 * @example
 * programDate(context, '2026-03-15'); // '2026-03-11' (paused 10–14 March)
 */
export function programDate(context: ScheduleContext, date: string): string | null {
  let shift = 0;
  for (const span of pausedSpans(context)) {
    if (daysBetween(span.from, date) > 0 && daysBetween(date, span.to) >= 0) return null;
    if (daysBetween(span.to, date) > 0) shift += daysBetween(span.from, span.to);
  }
  return addDays(date, -shift);
}

/**
 * The program date of an instant: the date the schedule reads it on. An instant inside a pause
 * counts on the day the pause began, where the program stood still.
 */
export function programDateOf(context: ScheduleContext, instant: string): string {
  const date = localDateOf(instant, context.timeZone);
  const mapped = programDate(context, date);
  if (mapped !== null) return mapped;
  const span = pausedSpans(context).find((candidate) => daysBetween(candidate.from, date) > 0 && daysBetween(date, candidate.to) >= 0)!;
  return programDate(context, span.from) ?? span.from;
}

/** Whether the enrollment is paused at `context.now`. */
export function isPaused(context: ScheduleContext): boolean {
  return isWithinPause(context, parseInstant(context.now));
}

/**
 * Whether an instant falls inside a pause, `[pausedAt, resumedAt)` (an open pause runs on): a
 * deadline, reminder or unlock notice at that instant is not asked of the patient.
 */
export function isWithinPause(context: ScheduleContext, at: number): boolean {
  return (context.adjustments?.pauses ?? []).some((pause) => parseInstant(pause.pausedAt) <= at && (pause.resumedAt === null || at < parseInstant(pause.resumedAt)));
}

/** Whether the therapist hid a program module from this patient. */
export function isHidden(context: ScheduleContext, moduleKey: string): boolean {
  return context.adjustments?.hiddenModules?.includes(moduleKey) === true;
}

/** This patient's deadline of a registration: the therapist's, else the program's. */
export function deadlineOf(context: ScheduleContext, registration: { id: string; deadline: string }): string {
  const personal = context.adjustments?.registrationDeadlines;
  return personal !== undefined && Object.hasOwn(personal, registration.id) ? personal[registration.id]! : registration.deadline;
}

/** The early unlock the therapist set for a module, in milliseconds, or null. */
export function earlyUnlockOf(context: ScheduleContext, moduleKey: string): number | null {
  const early = context.adjustments?.earlyUnlocks;
  return early !== undefined && Object.hasOwn(early, moduleKey) ? parseInstant(early[moduleKey]!) : null;
}
