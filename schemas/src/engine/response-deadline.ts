import type { AlertResponse } from '../generated/format.js';
import { addDays, isoWeekday } from './calendar-date.js';
import { localDateOf, localDateTimeToInstant, localTimeOf, parseInstant, toInstant } from './zoned-time.js';

/** When a working day ends, in the unit's time zone: the deadline of a "same working day" alert. */
export const END_OF_WORKING_DAY = '17:00';

/**
 * The instant by which an alert raised at `raisedAt` must be acknowledged, or null when its rule
 * sets no deadline. `withinHours` counts hours on the clock; `sameWorkingDay` is 17:00 local time
 * on the day it was raised when that is a weekday before 17:00, otherwise 17:00 on the next weekday
 * (public holidays are not known here, so they count as working days).
 *
 * @example
 * responseDeadline('2026-03-06T17:30:00Z', 'Europe/Stockholm', { sameWorkingDay: true }); // Monday 9 March, '2026-03-09T16:00:00.000Z'
 */
export function responseDeadline(raisedAt: string, timeZone: string, response: AlertResponse | undefined): string | null {
  if (!response) return null;
  if (response.withinHours !== undefined) return toInstant(parseInstant(raisedAt) + response.withinHours * 3600_000);
  if (response.sameWorkingDay !== true) return null;
  let day = localDateOf(raisedAt, timeZone);
  if (localTimeOf(raisedAt, timeZone) >= END_OF_WORKING_DAY) day = addDays(day, 1);
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return localDateTimeToInstant(day, END_OF_WORKING_DAY, timeZone);
}
