import type { Goal } from '../generated/format.js';
import { addDays, daysBetween } from './calendar-date.js';

/** One registration entry's value of the goal's field, on the patient's local date. */
export interface GoalEntry {
  date: string;
  value: number;
}

/** How a goal went in one day or program week. */
export interface GoalPeriod {
  /** 1-based day or week of the program. */
  period: number;
  /** First and last local date of the period, both included. */
  startDate: string;
  endDate: string;
  /** Entries counted in the period. */
  entries: number;
  /** The aggregate of the period's entries; null without entries, except `count`, which is 0. */
  value: number | null;
  /** The value reaches the target (`atLeast`) or stays at or under it (`atMost`); false without a value. */
  met: boolean;
  /** The period includes `today` (or later days), so the value may still change. */
  partial: boolean;
}

/** The program's start and the day progress is shown on, as local dates. */
export interface GoalWindow {
  /** Local date the patient started the program: day 1 and the first day of week 1. */
  startDate: string;
  /** Local date today; periods up to the one holding it are reported. */
  today: string;
  /** First period to report (default 1). */
  fromPeriod?: number;
}

/**
 * A goal's result per program day or week, from `fromPeriod` to the period holding `today`, oldest
 * first. Weeks run from the program start like every other program week, not from Monday. Entries
 * outside the reported periods and values that are not finite numbers are left out.
 *
 * An `atMost` goal with no entries in a period is not met: an empty diary shows nothing about
 * cigarettes smoked, and the chart should not turn green for it.
 *
 * @example
 * goalProgress({ field: 'minutes', aggregate: 'sum', period: 'week', comparison: 'atLeast', target: 150 }, entries,
 *   { startDate: '2026-03-02', today: '2026-03-12' });
 * // [{ period: 1, value: 160, met: true, partial: false, … }, { period: 2, value: 40, met: false, partial: true, … }]
 */
export function goalProgress(goal: Goal, entries: readonly GoalEntry[], window: GoalWindow): GoalPeriod[] {
  const length = goal.period === 'day' ? 1 : 7;
  const lastPeriod = periodOf(window.startDate, window.today, length);
  const byPeriod = new Map<number, number[]>();
  for (const entry of entries) {
    if (!Number.isFinite(entry.value)) continue;
    const period = periodOf(window.startDate, entry.date, length);
    const values = byPeriod.get(period);
    if (values) values.push(entry.value);
    else byPeriod.set(period, [entry.value]);
  }
  const periods: GoalPeriod[] = [];
  for (let period = Math.max(1, window.fromPeriod ?? 1); period <= lastPeriod; period += 1) {
    const values = byPeriod.get(period) ?? [];
    const value = aggregate(goal.aggregate, values);
    const startDate = addDays(window.startDate, length * (period - 1));
    const endDate = addDays(startDate, length - 1);
    periods.push({
      period,
      startDate,
      endDate,
      entries: values.length,
      value,
      met: value !== null && (goal.comparison === 'atLeast' ? value >= goal.target : value <= goal.target),
      partial: daysBetween(window.today, endDate) >= 0,
    });
  }
  return periods;
}

/** The 1-based period of a local date, 0 or less before the start. */
function periodOf(startDate: string, date: string, length: number): number {
  return Math.floor(daysBetween(startDate, date) / length) + 1;
}

function aggregate(method: Goal['aggregate'], values: number[]): number | null {
  if (method === 'count') return values.length;
  if (values.length === 0) return null;
  switch (method) {
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'mean':
      return values.reduce((total, value) => total + value, 0) / values.length;
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
  }
}
