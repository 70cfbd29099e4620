import { describe, expect, it } from 'vitest';
import { isMeasurementDone, measurementOccurrences } from './measurement-schedule.js';
import { contextOf, programOf } from './test-fixtures.js';

describe('measurementOccurrences', () => {
  const program = programOf({
    measurements: [
      { id: 'phq', module: { moduleId: 'phq9' }, weeks: [8, 1, 4, 9], dueWithinDays: 3 },
      { id: 'gad', module: { moduleId: 'gad7' }, weeks: [4], dueWithinDays: 7 },
    ],
  });

  it('opens each occurrence at its week’s start and makes it due dueWithinDays local days later', () => {
    const occurrences = measurementOccurrences(program, contextOf());
    expect(occurrences.map(({ measurementId, week, opensAt, dueAt }) => ({ measurementId, week, opensAt, dueAt }))).toEqual([
      { measurementId: 'phq', week: 1, opensAt: '2026-03-01T23:00:00.000Z', dueAt: '2026-03-04T23:00:00.000Z' },
      { measurementId: 'phq', week: 4, opensAt: '2026-03-22T23:00:00.000Z', dueAt: '2026-03-25T23:00:00.000Z' },
      { measurementId: 'phq', week: 8, opensAt: '2026-04-19T22:00:00.000Z', dueAt: '2026-04-22T22:00:00.000Z' },
      // A seven-day window over the spring change ends at local midnight, 167 hours after it opened.
      { measurementId: 'gad', week: 4, opensAt: '2026-03-22T23:00:00.000Z', dueAt: '2026-03-29T22:00:00.000Z' },
    ]);
    expect(occurrences[0]?.moduleId).toBe('phq9');
  });

  it('schedules nothing after the program and nothing without measurements', () => {
    expect(measurementOccurrences(program, contextOf()).some((occurrence) => occurrence.week === 9)).toBe(false);
    expect(measurementOccurrences(programOf(), contextOf())).toEqual([]);
  });

  it('follows the patient’s zone', () => {
    const tokyo = measurementOccurrences(program, contextOf({ startedAt: '2026-03-02T03:00:00.000Z', timeZone: 'Asia/Tokyo' }));
    const newYork = measurementOccurrences(program, contextOf({ startedAt: '2026-03-02T03:00:00.000Z', timeZone: 'America/New_York' }));
    expect(tokyo[0]).toMatchObject({ opensAt: '2026-03-01T15:00:00.000Z', dueAt: '2026-03-04T15:00:00.000Z' });
    expect(newYork[0]).toMatchObject({ opensAt: '2026-03-01T05:00:00.000Z', dueAt: '2026-03-04T05:00:00.000Z' });
    // New York's week 4 begins 22 March, after its 8 March change: EDT midnight is 04:00Z.
    expect(newYork[1]).toMatchObject({ opensAt: '2026-03-22T04:00:00.000Z' });
  });

  it('knows which occurrences are done', () => {
    const context = contextOf({ measurementsDone: [{ measurementId: 'phq', week: 1 }] });
    expect(isMeasurementDone(context, 'phq', 1)).toBe(true);
    expect(isMeasurementDone(context, 'phq', 4)).toBe(false);
    expect(isMeasurementDone(context, 'gad', 1)).toBe(false);
  });
});
