import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDateOf, localDateTimeToInstant, localMidnight, localTimeOf, offsetAt, parseInstant, toInstant } from './zoned-time.js';

const HOUR = 3_600_000;

describe('parseInstant', () => {
  it('reads instants with Z or an offset', () => {
    expect(parseInstant('2026-03-01T09:00:00+01:00')).toBe(Date.UTC(2026, 2, 1, 8));
    expect(parseInstant('2026-03-01T08:00Z')).toBe(Date.UTC(2026, 2, 1, 8));
    expect(parseInstant('2026-03-01T08:00:00.123Z')).toBe(Date.UTC(2026, 2, 1, 8, 0, 0, 123));
  });

  it('refuses local times without offset, dates and junk, which Date.parse would read in the machine’s zone', () => {
    for (const bad of ['2026-03-01T08:00:00', '2026-03-01', 'yesterday', '2026-13-01T00:00:00Z', '2026-03-01T08:00:00+25:00']) {
      expect(() => parseInstant(bad)).toThrow(/not an ISO 8601 instant/);
    }
  });

  it('refuses impossible dates and times that Date.parse would roll over', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-04-31T12:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T12:60:00Z', '2026-03-01T12:00:60Z']) {
      expect(() => parseInstant(bad)).toThrow(/not an ISO 8601 instant/);
    }
    expect(parseInstant('2028-02-29T23:59:59.999+01:00')).toBe(Date.UTC(2028, 1, 29, 22, 59, 59, 999));
  });

  it('writes UTC instants', () => {
    expect(toInstant(Date.UTC(2026, 2, 1, 8))).toBe('2026-03-01T08:00:00.000Z');
  });
});

describe('Europe/Stockholm around the 2026 daylight-saving changes', () => {
  const zone = 'Europe/Stockholm';

  it('puts a 12:00 deadline at 11:00Z before and 10:00Z after the spring change (29 March)', () => {
    expect(localDateTimeToInstant('2026-03-28', '12:00', zone)).toBe('2026-03-28T11:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-29', '12:00', zone)).toBe('2026-03-29T10:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-30', '12:00', zone)).toBe('2026-03-30T10:00:00.000Z');
  });

  it('puts a 12:00 deadline at 10:00Z before and 11:00Z after the autumn change (25 October)', () => {
    expect(localDateTimeToInstant('2026-10-24', '12:00', zone)).toBe('2026-10-24T10:00:00.000Z');
    expect(localDateTimeToInstant('2026-10-25', '12:00', zone)).toBe('2026-10-25T11:00:00.000Z');
  });

  it('moves a time skipped in spring forward by the jump', () => {
    expect(localDateTimeToInstant('2026-03-29', '02:30', zone)).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf('2026-03-29T01:30:00.000Z', zone)).toBe('03:30');
    expect(localDateTimeToInstant('2026-03-29', '01:59', zone)).toBe('2026-03-29T00:59:00.000Z');
    expect(localDateTimeToInstant('2026-03-29', '03:00', zone)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a time that happens twice in autumn as its first occurrence', () => {
    expect(localDateTimeToInstant('2026-10-25', '02:30', zone)).toBe('2026-10-25T00:30:00.000Z');
    expect(localTimeOf('2026-10-25T01:30:00.000Z', zone)).toBe('02:30');
  });

  it('finds local midnight on both sides of each change', () => {
    expect(localMidnight('2026-03-29', zone)).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight('2026-03-30', zone)).toBe('2026-03-29T22:00:00.000Z');
    expect(localMidnight('2026-10-25', zone)).toBe('2026-10-24T22:00:00.000Z');
    expect(localMidnight('2026-10-26', zone)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('reads local dates at the midnight edges', () => {
    expect(localDateOf('2026-03-01T22:59:59.999Z', zone)).toBe('2026-03-01');
    expect(localDateOf('2026-03-01T23:00:00.000Z', zone)).toBe('2026-03-02');
    expect(localDateOf('2026-07-01T21:59:59.999Z', zone)).toBe('2026-07-01');
    expect(localDateOf('2026-07-01T22:00:00.000Z', zone)).toBe('2026-07-02');
    expect(localTimeOf('2026-07-01T22:00:00.000Z', zone)).toBe('00:00');
  });

  it('gives the offset in force at an instant', () => {
    expect(offsetAt(Date.UTC(2026, 2, 29, 0, 59, 59), zone)).toBe(HOUR);
    expect(offsetAt(Date.UTC(2026, 2, 29, 1), zone)).toBe(2 * HOUR);
    expect(offsetAt(Date.UTC(2026, 9, 25, 0, 59, 59), zone)).toBe(2 * HOUR);
    expect(offsetAt(Date.UTC(2026, 9, 25, 1), zone)).toBe(HOUR);
  });
});

describe('other zones', () => {
  it('handles New York’s own change dates (8 March, 1 November 2026)', () => {
    expect(localDateTimeToInstant('2026-03-07', '12:00', 'America/New_York')).toBe('2026-03-07T17:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-08', '12:00', 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(localDateTimeToInstant('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(localMidnight('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
  });

  it('handles Tokyo, which has no daylight-saving time', () => {
    expect(localDateTimeToInstant('2026-03-29', '12:00', 'Asia/Tokyo')).toBe('2026-03-29T03:00:00.000Z');
    expect(localMidnight('2026-03-02', 'Asia/Tokyo')).toBe('2026-03-01T15:00:00.000Z');
    expect(localDateOf('2026-03-01T15:00:00.000Z', 'Asia/Tokyo')).toBe('2026-03-02');
  });

  it('reads one instant as different local dates in different zones', () => {
    const instant = '2026-03-02T03:00:00.000Z';
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-03-01');
    expect(localDateOf(instant, 'Europe/Stockholm')).toBe('2026-03-02');
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2026-03-02');
    expect(localTimeOf(instant, 'Asia/Tokyo')).toBe('12:00');
  });

  it('refuses bad local times and unknown zones', () => {
    expect(() => localDateTimeToInstant('2026-03-01', '24:00', 'UTC')).toThrow(/not a local date/);
    expect(() => localDateTimeToInstant('2026-02-30', '12:00', 'UTC')).toThrow(/not a local date/);
    expect(() => localDateOf('2026-03-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('the per-second memory of wall-clock readings', () => {
  it('answers as Intl does for any instant and zone, asked in any order and again', () => {
    const zones = ['Europe/Stockholm', 'Europe/Oslo', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    const reference = (ms: number, timeZone: string) => {
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(ms).map((part) => [part.type, part.value]));
      return `${parts.year!.padStart(4, '0')}-${parts.month!.padStart(2, '0')}-${parts.day!.padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones)), { minLength: 1, maxLength: 40 }), (asks) => {
        // Twice each, so the second answer comes from memory, and interleaved with other zones.
        for (const [ms, zone] of [...asks, ...asks]) expect(localDateOf(new Date(ms).toISOString(), zone)).toBe(reference(ms, zone));
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });
});
