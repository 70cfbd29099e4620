import { describe, expect, it } from 'vitest';
import { addDays, dateOfEpochDay, daysBetween, epochDay, isCalendarDate, isoWeekday, isSupportedDate } from './calendar-date.js';

describe('calendar dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00')).toBe(false);
  });

  it('supports dates from 1900 to 2199 only', () => {
    expect(isSupportedDate('1900-01-01')).toBe(true);
    expect(isSupportedDate('2199-12-31')).toBe(true);
    expect(isSupportedDate('1899-12-31')).toBe(false);
    expect(isSupportedDate('2200-01-01')).toBe(false);
    expect(isSupportedDate('9999-12-31')).toBe(false);
    expect(isSupportedDate('0000-01-01')).toBe(false);
    expect(isSupportedDate('2026-02-29')).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 7)).toBe('2026-04-05');
    expect(() => addDays('2026-03-01', 0.5)).toThrow();
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(daysBetween('2026-03-08', '2026-03-01')).toBe(-7);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('gives ISO weekdays', () => {
    expect(isoWeekday('2026-03-01')).toBe(7);
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('round-trips epoch days and rejects non-dates', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(dateOfEpochDay(epochDay('2026-10-25'))).toBe('2026-10-25');
    expect(() => epochDay('2026-02-30')).toThrow(/not a calendar date/);
  });
});
