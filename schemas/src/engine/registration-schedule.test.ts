import { describe, expect, it } from 'vitest';
import type { ScheduledRegistration } from '../generated/format.js';
import { isRegistrationDone, missedRegistrations, occurrenceDates, occurrenceOn, occurrenceWeek, registrationOccurrences } from './registration-schedule.js';
import { contextOf, programOf } from './test-fixtures.js';

function scheduled(id: string, extra: Partial<ScheduledRegistration> = {}): ScheduledRegistration {
  return { id, module: { moduleId: 'diary' }, registration: 'entry', frequency: 'daily', deadline: '12:00', ...extra };
}

// Started Monday 23 March 2026 in Stockholm; clocks go forward on Sunday 29 March.
const context = contextOf({ startedAt: '2026-03-23T08:00:00.000Z', now: '2026-03-23T08:00:00.000Z' });

describe('registrationOccurrences', () => {
  const program = programOf({ durationWeeks: 2, registrations: [scheduled('daily')] });

  it('puts a 12:00 deadline at 11:00Z before and 10:00Z after the spring change', () => {
    const occurrences = registrationOccurrences(program, 'daily', context, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z');
    expect(occurrences).toEqual([
      { date: '2026-03-28', opensAt: '2026-03-27T23:00:00.000Z', dueAt: '2026-03-28T11:00:00.000Z' },
      { date: '2026-03-29', opensAt: '2026-03-28T23:00:00.000Z', dueAt: '2026-03-29T10:00:00.000Z' },
      { date: '2026-03-30', opensAt: '2026-03-29T22:00:00.000Z', dueAt: '2026-03-30T10:00:00.000Z' },
    ]);
  });

  it('selects by deadline in [from, to)', () => {
    expect(registrationOccurrences(program, 'daily', context, '2026-03-28T11:00:00Z', '2026-03-29T10:00:00Z').map((occurrence) => occurrence.date)).toEqual(['2026-03-28']);
    expect(registrationOccurrences(program, 'daily', context, '2026-03-28T11:00:00.001Z', '2026-03-29T10:00:00.001Z').map((occurrence) => occurrence.date)).toEqual(['2026-03-29']);
  });

  it('starts on the local start day and stops after the last week', () => {
    const all = registrationOccurrences(program, 'daily', context, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z');
    expect(all).toHaveLength(14);
    expect(all[0]?.date).toBe('2026-03-23');
    expect(all.at(-1)?.date).toBe('2026-04-05');
  });

  it('includes an occurrence whose deadline is just after local midnight', () => {
    const late = programOf({ durationWeeks: 1, registrations: [scheduled('late', { deadline: '00:30' })] });
    expect(registrationOccurrences(late, 'late', context, '2026-03-23T22:00:00Z', '2026-03-24T00:00:00Z')).toEqual([
      { date: '2026-03-24', opensAt: '2026-03-23T23:00:00.000Z', dueAt: '2026-03-23T23:30:00.000Z' },
    ]);
  });

  it('throws on an unknown registration', () => {
    expect(() => registrationOccurrences(program, 'ghost', context, '2026-03-23T00:00:00Z', '2026-03-24T00:00:00Z')).toThrow(/no registration "ghost"/);
  });
});

describe('occurrenceDates', () => {
  const program = programOf({ durationWeeks: 4 });
  const dates = (registration: ScheduledRegistration) => occurrenceDates(program, registration, context, '2026-01-01', '2026-12-31');

  it('limits a daily registration to fromWeek … toWeek', () => {
    const windowed = dates(scheduled('w', { fromWeek: 2, toWeek: 3 }));
    expect(windowed[0]).toBe('2026-03-30');
    expect(windowed.at(-1)).toBe('2026-04-12');
    expect(windowed).toHaveLength(14);
  });

  it('never runs past the program, even with a later toWeek', () => {
    expect(dates(scheduled('w', { toWeek: 10 })).at(-1)).toBe('2026-04-19');
    expect(dates(scheduled('w', { fromWeek: 5 }))).toEqual([]);
  });

  it('repeats a weekly registration on its ISO weekdays, or on the start’s weekday', () => {
    expect(dates(scheduled('w', { frequency: 'weekly', weekdays: [4, 7], toWeek: 2 }))).toEqual(['2026-03-26', '2026-03-29', '2026-04-02', '2026-04-05']);
    const startedThursday = contextOf({ startedAt: '2026-03-26T08:00:00.000Z' });
    expect(occurrenceDates(program, scheduled('w', { frequency: 'weekly', toWeek: 2 }), startedThursday, '2026-01-01', '2026-12-31')).toEqual(['2026-03-26', '2026-04-02']);
  });

  it('clips to the requested dates', () => {
    expect(occurrenceDates(program, scheduled('d'), context, '2026-03-29', '2026-03-30')).toEqual(['2026-03-29', '2026-03-30']);
  });
});

describe('missedRegistrations', () => {
  const program = programOf({
    durationWeeks: 2,
    registrations: [scheduled('daily', { alertWhenMissing: true }), scheduled('quiet'), scheduled('weekly', { frequency: 'weekly', weekdays: [3], deadline: '20:00', alertWhenMissing: true })],
  });

  it('lists missing entries whose deadline passed since the last check, oldest first', () => {
    const now = contextOf({ ...context, now: '2026-03-25T19:00:00.001Z', registrationsDone: [{ registrationId: 'daily', date: '2026-03-24' }] });
    expect(missedRegistrations(program, now, '2026-03-23T00:00:00.000Z')).toEqual([
      { registrationId: 'daily', date: '2026-03-23', dueAt: '2026-03-23T11:00:00.000Z' },
      { registrationId: 'daily', date: '2026-03-25', dueAt: '2026-03-25T11:00:00.000Z' },
      { registrationId: 'weekly', date: '2026-03-25', dueAt: '2026-03-25T19:00:00.000Z' },
    ]);
  });

  it('treats a deadline equal to now as not yet missed, and reports it once across back-to-back checks', () => {
    const atDeadline = contextOf({ ...context, now: '2026-03-25T11:00:00.000Z' });
    expect(missedRegistrations(program, atDeadline, '2026-03-25T00:00:00.000Z')).toEqual([]);
    const later = contextOf({ ...context, now: '2026-03-25T11:05:00.000Z' });
    expect(missedRegistrations(program, later, '2026-03-25T11:00:00.000Z')).toEqual([{ registrationId: 'daily', date: '2026-03-25', dueAt: '2026-03-25T11:00:00.000Z' }]);
    const next = contextOf({ ...context, now: '2026-03-25T11:10:00.000Z' });
    expect(missedRegistrations(program, next, '2026-03-25T11:05:00.000Z')).toEqual([]);
  });

  it('does not list an entry before its deadline', () => {
    const now = contextOf({ ...context, now: '2026-03-25T18:59:59.999Z' });
    expect(missedRegistrations(program, now, '2026-03-25T12:00:00.000Z')).toEqual([]);
  });

  it('uses the post-change deadline on the day clocks go forward', () => {
    const now = contextOf({ ...context, now: '2026-03-29T10:30:00.000Z' });
    expect(missedRegistrations(program, now, '2026-03-29T00:00:00.000Z')).toEqual([{ registrationId: 'daily', date: '2026-03-29', dueAt: '2026-03-29T10:00:00.000Z' }]);
    expect(missedRegistrations(program, contextOf({ ...context, now: '2026-03-29T09:59:59.000Z' }), '2026-03-29T00:00:00.000Z')).toEqual([]);
  });
});

describe('occurrence helpers', () => {
  it('builds an occurrence, knows done ones and finds its week', () => {
    expect(occurrenceOn(scheduled('d', { deadline: '08:00' }), '2026-10-25', { timeZone: 'Europe/Stockholm' })).toEqual({
      date: '2026-10-25', opensAt: '2026-10-24T22:00:00.000Z', dueAt: '2026-10-25T07:00:00.000Z',
    });
    const done = contextOf({ ...context, registrationsDone: [{ registrationId: 'd', date: '2026-03-24' }] });
    expect(isRegistrationDone(done, 'd', '2026-03-24')).toBe(true);
    expect(isRegistrationDone(done, 'd', '2026-03-25')).toBe(false);
    expect(occurrenceWeek(context, '2026-03-29')).toBe(1);
    expect(occurrenceWeek(context, '2026-03-30')).toBe(2);
  });
});
