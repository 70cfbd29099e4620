import { describe, expect, it } from 'vitest';
import { isBefore, programWeek, weekOfDate, weekStart, weekStartDate } from './program-weeks.js';

const zone = 'Europe/Stockholm';

describe('program weeks', () => {
  it('start week 1 at local midnight of the start day, not at the start instant', () => {
    expect(weekStart('2026-03-02T14:00:00.000Z', zone, 1)).toBe('2026-03-01T23:00:00.000Z');
    expect(weekStart('2026-03-02T14:00:00.000Z', zone, 2)).toBe('2026-03-08T23:00:00.000Z');
    expect(programWeek('2026-03-02T14:00:00.000Z', zone, '2026-03-01T23:00:00.000Z')).toBe(1);
    expect(programWeek('2026-03-02T14:00:00.000Z', zone, '2026-03-08T22:59:59.999Z')).toBe(1);
    expect(programWeek('2026-03-02T14:00:00.000Z', zone, '2026-03-08T23:00:00.000Z')).toBe(2);
  });

  it('is week 0 before the local start day', () => {
    expect(programWeek('2026-03-02T14:00:00.000Z', zone, '2026-03-01T22:59:59.999Z')).toBe(0);
  });

  it('counts a start just after local midnight as that local day', () => {
    // 00:30 in Stockholm is still the previous day in UTC.
    expect(weekStart('2026-03-01T23:30:00.000Z', zone, 1)).toBe('2026-03-01T23:00:00.000Z');
    expect(weekStart('2026-03-01T22:30:00.000Z', zone, 1)).toBe('2026-02-28T23:00:00.000Z');
  });

  it('keeps weeks on local midnight across the spring change: a 167-hour week', () => {
    const startedAt = '2026-03-23T08:00:00.000Z';
    expect(weekStart(startedAt, zone, 1)).toBe('2026-03-22T23:00:00.000Z');
    expect(weekStart(startedAt, zone, 2)).toBe('2026-03-29T22:00:00.000Z');
    expect(Date.parse(weekStart(startedAt, zone, 2)) - Date.parse(weekStart(startedAt, zone, 1))).toBe(167 * 3_600_000);
    expect(programWeek(startedAt, zone, '2026-03-29T21:59:59.999Z')).toBe(1);
    expect(programWeek(startedAt, zone, '2026-03-29T22:00:00.000Z')).toBe(2);
  });

  it('keeps weeks on local midnight across the autumn change: a 169-hour week', () => {
    const startedAt = '2026-10-19T08:00:00.000Z';
    expect(weekStart(startedAt, zone, 2)).toBe('2026-10-25T23:00:00.000Z');
    expect(Date.parse(weekStart(startedAt, zone, 2)) - Date.parse(weekStart(startedAt, zone, 1))).toBe(169 * 3_600_000);
    expect(programWeek(startedAt, zone, '2026-10-25T22:30:00.000Z')).toBe(1);
  });

  it('counts from the patient’s own local day: New York and Tokyo differ for the same instant', () => {
    const startedAt = '2026-03-02T03:00:00.000Z';
    expect(weekStart(startedAt, 'America/New_York', 2)).toBe('2026-03-08T05:00:00.000Z');
    expect(weekStart(startedAt, 'Asia/Tokyo', 2)).toBe('2026-03-08T15:00:00.000Z');
    expect(programWeek(startedAt, 'America/New_York', '2026-03-08T10:00:00.000Z')).toBe(2);
    expect(programWeek(startedAt, 'Asia/Tokyo', '2026-03-08T10:00:00.000Z')).toBe(1);
    expect(programWeek(startedAt, 'America/New_York', '2026-03-08T04:59:59.999Z')).toBe(1);
  });

  it('works on local dates', () => {
    expect(weekStartDate('2026-03-02', 3)).toBe('2026-03-16');
    expect(() => weekStartDate('2026-03-02', 1.5)).toThrow();
    expect(weekOfDate('2026-03-02', '2026-03-01')).toBe(0);
    expect(weekOfDate('2026-03-02', '2026-03-08')).toBe(1);
    expect(weekOfDate('2026-03-02', '2026-03-09')).toBe(2);
    expect(isBefore('2026-03-02T00:00:00Z', '2026-03-02T01:00:00+02:00')).toBe(false);
  });
});
