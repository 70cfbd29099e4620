import { addDays } from './calendar-date.js';
import { weekOfDate, weekStartDate } from './program-weeks.js';
import { programDateOf, realDate } from './schedule-adjustments.js';
import type { ScheduleContext } from './schedule-context.js';
import { localDateOf, localMidnight } from './zoned-time.js';

/**
 * Program weeks of one patient: `program-weeks.ts` moved by the patient's pauses
 * (`schedule-adjustments.ts`). Without pauses these are `weekStart` and `programWeek`.
 */

/** The instant program week `week` begins for this patient. */
export function scheduleWeekStart(context: ScheduleContext, week: number): string {
  return localMidnight(realDate(context, weekStartDate(localDateOf(context.startedAt, context.timeZone), week)), context.timeZone);
}

/** The instant a program date (local midnight) begins for this patient, `days` days after the start of `week`. */
export function scheduleDayStart(context: ScheduleContext, week: number, days: number): string {
  const programDay = weekStartDate(localDateOf(context.startedAt, context.timeZone), week);
  return localMidnight(realDate(context, addDays(programDay, days)), context.timeZone);
}

/** The program week an instant falls in for this patient (1-based; 0 before the start day). */
export function scheduleWeek(context: ScheduleContext, instant: string): number {
  return weekOfDate(localDateOf(context.startedAt, context.timeZone), programDateOf(context, instant));
}
