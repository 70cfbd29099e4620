import type { Measurement, Program } from '../generated/format.js';
import type { ScheduleContext } from './schedule-context.js';
import { scheduleDayStart, scheduleWeekStart } from './schedule-weeks.js';

/** One week's occurrence of a measurement. */
export interface MeasurementOccurrence {
  measurementId: string;
  moduleId: string;
  week: number;
  /** Local midnight at the start of the week. */
  opensAt: string;
  /** Local midnight `dueWithinDays` days later; from then on it is overdue. */
  dueAt: string;
  /** Start of the following program week: after it the occurrence is missed, not late. */
  closesAt: string;
  measurement: Measurement;
}

/**
 * Every occurrence of the program's measurements, in program order then week order. Weeks after
 * `durationWeeks` are left out: nothing is scheduled after the program. Weeks, due dates and
 * closing dates move with the patient's pauses (`schedule-weeks.ts`).
 *
 * @example
 * measurementOccurrences(program, context).map((occurrence) => occurrence.week); // [1, 4, 8]
 */
export function measurementOccurrences(program: Program, context: ScheduleContext): MeasurementOccurrence[] {
  const occurrences: MeasurementOccurrence[] = [];
  for (const measurement of program.measurements ?? []) {
    for (const week of [...measurement.weeks].sort((a, b) => a - b)) {
      if (week < 1 || week > program.durationWeeks) continue;
      occurrences.push({
        measurementId: measurement.id,
        moduleId: measurement.module.moduleId,
        week,
        opensAt: scheduleWeekStart(context, week),
        dueAt: scheduleDayStart(context, week, measurement.dueWithinDays),
        closesAt: scheduleDayStart(context, week, 7),
        measurement,
      });
    }
  }
  return occurrences;
}

/** Whether the patient has filled in a measurement occurrence. */
export function isMeasurementDone(context: ScheduleContext, measurementId: string, week: number): boolean {
  return context.measurementsDone.some((done) => done.measurementId === measurementId && done.week === week);
}
