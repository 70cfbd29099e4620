import { describe, expect, it } from 'vitest';
import type { Goal } from '../generated/format.js';
import { goalProgress } from './goals.js';

function goal(extra: Partial<Goal>): Goal {
  return { field: 'minutes', aggregate: 'sum', period: 'week', comparison: 'atLeast', target: 150, ...extra };
}

// Started Thursday 5 March 2026: program weeks run Thursday to Wednesday.
const window = { startDate: '2026-03-05', today: '2026-03-13' };
const entries = [
  { date: '2026-03-05', value: 60 },
  { date: '2026-03-08', value: 50 },
  { date: '2026-03-11', value: 45 },
  { date: '2026-03-12', value: 30 },
  { date: '2026-03-13', value: 20 },
  { date: '2026-03-04', value: 999 },
  { date: '2026-03-20', value: 999 },
];

describe('goalProgress', () => {
  it('sums each program week, counted from the start day, and marks the running week partial', () => {
    expect(goalProgress(goal({}), entries, window)).toEqual([
      { period: 1, startDate: '2026-03-05', endDate: '2026-03-11', entries: 3, value: 155, met: true, partial: false },
      { period: 2, startDate: '2026-03-12', endDate: '2026-03-18', entries: 2, value: 50, met: false, partial: true },
    ]);
  });

  it('aggregates by mean, max, min and count', () => {
    const values = (aggregate: Goal['aggregate']) => goalProgress(goal({ aggregate }), entries, window).map((period) => period.value);
    expect(values('mean')).toEqual([155 / 3, 25]);
    expect(values('max')).toEqual([60, 30]);
    expect(values('min')).toEqual([45, 20]);
    expect(values('count')).toEqual([3, 2]);
  });

  it('compares at most: at or under the target is met', () => {
    const cigarettes = goal({ aggregate: 'max', period: 'day', comparison: 'atMost', target: 50 });
    const days = goalProgress(cigarettes, entries, { startDate: '2026-03-05', today: '2026-03-08' });
    expect(days.map(({ period, value, met, partial }) => ({ period, value, met, partial }))).toEqual([
      { period: 1, value: 60, met: false, partial: false },
      { period: 2, value: null, met: false, partial: false },
      { period: 3, value: null, met: false, partial: false },
      { period: 4, value: 50, met: true, partial: true },
    ]);
  });

  it('counts an empty period as 0 for count and as no value otherwise', () => {
    const empty = goalProgress(goal({ aggregate: 'count', target: 1 }), [], window);
    expect(empty.map((period) => [period.value, period.met])).toEqual([[0, false], [0, false]]);
    expect(goalProgress(goal({ aggregate: 'sum', comparison: 'atMost', target: 10 }), [], window).map((period) => period.met)).toEqual([false, false]);
  });

  it('starts at fromPeriod, reports nothing before the start and skips non-finite values', () => {
    expect(goalProgress(goal({}), entries, { ...window, fromPeriod: 2 }).map((period) => period.period)).toEqual([2]);
    expect(goalProgress(goal({}), entries, { startDate: '2026-03-05', today: '2026-03-04' })).toEqual([]);
    expect(goalProgress(goal({}), [{ date: '2026-03-05', value: Number.NaN }], window)[0]).toMatchObject({ entries: 0, value: null });
  });
});
