import { describe, expect, it } from 'vitest';
import { responseDeadline } from './response-deadline.js';

const zone = 'Europe/Stockholm';

describe('responseDeadline', () => {
  it('is none without a response rule', () => {
    expect(responseDeadline('2026-03-02T08:00:00.000Z', zone, undefined)).toBeNull();
    expect(responseDeadline('2026-03-02T08:00:00.000Z', zone, { escalate: true })).toBeNull();
  });

  it('counts hours on the clock, across a daylight-saving change', () => {
    expect(responseDeadline('2026-03-02T08:00:00.000Z', zone, { withinHours: 4 })).toBe('2026-03-02T12:00:00.000Z');
    expect(responseDeadline('2026-03-28T23:00:00.000Z', zone, { withinHours: 24 })).toBe('2026-03-29T23:00:00.000Z');
  });

  it('is 17:00 local the same weekday when raised before 17:00', () => {
    // Monday 2 March 2026, 09:00 in Stockholm (CET): 17:00 CET is 16:00 UTC.
    expect(responseDeadline('2026-03-02T08:00:00.000Z', zone, { sameWorkingDay: true })).toBe('2026-03-02T16:00:00.000Z');
    expect(responseDeadline('2026-03-02T15:59:00.000Z', zone, { sameWorkingDay: true })).toBe('2026-03-02T16:00:00.000Z');
  });

  it('moves to the next working day after 17:00 and over a weekend', () => {
    expect(responseDeadline('2026-03-02T16:00:00.000Z', zone, { sameWorkingDay: true })).toBe('2026-03-03T16:00:00.000Z');
    // Friday 6 March 18:30 local → Monday 9 March.
    expect(responseDeadline('2026-03-06T17:30:00.000Z', zone, { sameWorkingDay: true })).toBe('2026-03-09T16:00:00.000Z');
    // Sunday 29 March (the clocks went forward that night): Monday 30 March 17:00 CEST is 15:00 UTC.
    expect(responseDeadline('2026-03-29T10:00:00.000Z', zone, { sameWorkingDay: true })).toBe('2026-03-30T15:00:00.000Z');
  });
});
