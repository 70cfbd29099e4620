import { describe, expect, it } from 'vitest';
import type { Program } from '../generated/format.js';
import { programStatus, remindersDue } from './schedule.js';
import { contextOf, programOf } from './test-fixtures.js';

// Started Monday 23 March 2026 in Stockholm; clocks go forward on Sunday 29 March (end of week 1).
const program: Program = programOf({
  durationWeeks: 2,
  modules: [
    { key: 'intro', module: { moduleId: 'intro' }, unlock: {} },
    { key: 'week2', module: { moduleId: 'exposure' }, unlock: { week: 2 } },
  ],
  measurements: [{ id: 'phq', module: { moduleId: 'phq9' }, weeks: [1, 2], dueWithinDays: 3, reminders: [{ minutesBefore: 1440, channels: ['email'] }] }],
  registrations: [
    { id: 'diary', module: { moduleId: 'copd' }, registration: 'entry', frequency: 'daily', deadline: '12:00', reminders: [{ minutesBefore: 60, channels: ['app', 'email'] }, { minutesBefore: 720 }] },
    { id: 'weigh', module: { moduleId: 'copd' }, registration: 'weight', frequency: 'weekly', weekdays: [7], deadline: '20:00' },
  ],
});
const base = contextOf({ startedAt: '2026-03-23T08:00:00.000Z' });

describe('programStatus', () => {
  it('lists unlocked modules, the open measurement and today’s entry on the first day', () => {
    const status = programStatus(program, { ...base, now: '2026-03-23T09:00:00.000Z' });
    expect(status).toEqual({
      week: 1,
      finished: false,
      modules: [
        { key: 'intro', moduleId: 'intro', state: 'unlocked', unlockedAt: '2026-03-22T23:00:00.000Z' },
        { key: 'week2', moduleId: 'exposure', state: 'locked', unlockedAt: null },
      ],
      dueMeasurements: [{ measurementId: 'phq', moduleId: 'phq9', week: 1, opensAt: '2026-03-22T23:00:00.000Z', dueAt: '2026-03-25T23:00:00.000Z', closesAt: '2026-03-29T22:00:00.000Z', overdue: false }],
      dueRegistrations: [{ registrationId: 'diary', moduleId: 'copd', registration: 'entry', date: '2026-03-23', opensAt: '2026-03-22T23:00:00.000Z', dueAt: '2026-03-23T11:00:00.000Z', overdue: false }],
      nextDeadline: { kind: 'registration', id: 'diary', dueAt: '2026-03-23T11:00:00.000Z' },
    });
  });

  it('uses the summer-time deadline on the day clocks go forward and lists the weekly entry on its weekday', () => {
    const status = programStatus(program, { ...base, now: '2026-03-29T10:30:00.000Z', measurementsDone: [{ measurementId: 'phq', week: 1 }] });
    expect(status.dueMeasurements).toEqual([]);
    expect(status.dueRegistrations).toEqual([
      { registrationId: 'diary', moduleId: 'copd', registration: 'entry', date: '2026-03-29', opensAt: '2026-03-28T23:00:00.000Z', dueAt: '2026-03-29T10:00:00.000Z', overdue: true },
      { registrationId: 'weigh', moduleId: 'copd', registration: 'weight', date: '2026-03-29', opensAt: '2026-03-28T23:00:00.000Z', dueAt: '2026-03-29T18:00:00.000Z', overdue: false },
    ]);
    expect(status.nextDeadline).toEqual({ kind: 'registration', id: 'weigh', dueAt: '2026-03-29T18:00:00.000Z' });
  });

  it('drops entries already made and finds the next deadline on a later day', () => {
    const status = programStatus(program, { ...base, now: '2026-03-24T09:00:00.000Z', registrationsDone: [{ registrationId: 'diary', date: '2026-03-24' }] });
    expect(status.dueRegistrations).toEqual([]);
    expect(status.nextDeadline).toEqual({ kind: 'registration', id: 'diary', dueAt: '2026-03-25T11:00:00.000Z' });
  });

  it('keeps an overdue measurement open until its week ends, then drops it', () => {
    expect(programStatus(program, { ...base, now: '2026-03-27T12:00:00.000Z' }).dueMeasurements).toMatchObject([{ week: 1, overdue: true }]);
    const nextWeek = programStatus(program, { ...base, now: '2026-03-29T22:00:00.000Z' });
    expect(nextWeek.week).toBe(2);
    expect(nextWeek.dueMeasurements).toMatchObject([{ week: 2, opensAt: '2026-03-29T22:00:00.000Z', dueAt: '2026-04-01T22:00:00.000Z', overdue: false }]);
    expect(nextWeek.modules[1]).toMatchObject({ state: 'unlocked', unlockedAt: '2026-03-29T22:00:00.000Z' });
  });

  it('is finished after the last week, with nothing due', () => {
    const status = programStatus(program, { ...base, now: '2026-04-05T22:00:00.000Z' });
    expect(status).toMatchObject({ week: 3, finished: true, dueMeasurements: [], dueRegistrations: [], nextDeadline: null });
    expect(programStatus(program, { ...base, now: '2026-04-05T21:59:59.999Z' }).finished).toBe(false);
  });

  it('follows the patient’s zone: the same instant is a different day in New York and Tokyo', () => {
    const now = '2026-03-24T02:00:00.000Z';
    const newYork = programStatus(program, { ...base, timeZone: 'America/New_York', startedAt: '2026-03-23T14:00:00.000Z', now });
    const tokyo = programStatus(program, { ...base, timeZone: 'Asia/Tokyo', startedAt: '2026-03-23T01:00:00.000Z', now });
    expect(newYork.dueRegistrations[0]).toMatchObject({ date: '2026-03-23', dueAt: '2026-03-23T16:00:00.000Z', overdue: true });
    expect(tokyo.dueRegistrations[0]).toMatchObject({ date: '2026-03-24', dueAt: '2026-03-24T03:00:00.000Z', overdue: false });
  });
});

describe('remindersDue', () => {
  it('sends registration reminders minutesBefore the deadline, always in the app', () => {
    expect(remindersDue(program, base, '2026-03-23T23:00:00.000Z', '2026-03-24T12:00:00.000Z')).toEqual([
      { kind: 'registration', id: 'diary', moduleId: 'copd', sendAt: '2026-03-23T23:00:00.000Z', dueAt: '2026-03-24T11:00:00.000Z', date: '2026-03-24', minutesBefore: 720, channels: ['app'] },
      { kind: 'registration', id: 'diary', moduleId: 'copd', sendAt: '2026-03-24T10:00:00.000Z', dueAt: '2026-03-24T11:00:00.000Z', date: '2026-03-24', minutesBefore: 60, channels: ['app', 'email'] },
    ]);
  });

  it('does not send a reminder before its occurrence opens, nor for one already done', () => {
    const done = { ...base, registrationsDone: [{ registrationId: 'diary', date: '2026-03-24' }] };
    expect(remindersDue(program, done, '2026-03-23T23:00:00.000Z', '2026-03-24T12:00:00.000Z')).toEqual([]);
    // 600 minutes before 08:00 is 22:00 the evening before, when the day's entry cannot be made yet.
    const early = programOf({ durationWeeks: 1, registrations: [{ id: 'd', module: { moduleId: 'm' }, registration: 'r', frequency: 'daily', deadline: '08:00', reminders: [{ minutesBefore: 600 }] }] });
    expect(remindersDue(early, base, '2026-03-23T00:00:00.000Z', '2026-03-30T00:00:00.000Z')).toEqual([]);
  });

  it('sends measurement reminders before the measurement falls overdue', () => {
    const reminders = remindersDue(program, base, '2026-03-24T00:00:00.000Z', '2026-03-26T00:00:00.000Z').filter((reminder) => reminder.kind === 'measurement');
    expect(reminders).toEqual([
      { kind: 'measurement', id: 'phq', moduleId: 'phq9', sendAt: '2026-03-24T23:00:00.000Z', dueAt: '2026-03-25T23:00:00.000Z', week: 1, minutesBefore: 1440, channels: ['app', 'email'] },
    ]);
    const done = { ...base, measurementsDone: [{ measurementId: 'phq', week: 1 }] };
    expect(remindersDue(program, done, '2026-03-24T00:00:00.000Z', '2026-03-26T00:00:00.000Z').filter((reminder) => reminder.kind === 'measurement')).toEqual([]);
  });

  it('keeps the reminder on local time across the spring change', () => {
    const sendTimes = remindersDue(program, base, '2026-03-28T00:00:00.000Z', '2026-03-30T00:00:00.000Z')
      .filter((reminder) => reminder.kind === 'registration' && reminder.minutesBefore === 60)
      .map((reminder) => reminder.sendAt);
    expect(sendTimes).toEqual(['2026-03-28T10:00:00.000Z', '2026-03-29T09:00:00.000Z']);
  });

  it('announces modules that unlock, and splits time into windows that send each reminder once', () => {
    const all = remindersDue(program, base, '2026-03-29T00:00:00.000Z', '2026-03-31T00:00:00.000Z');
    expect(all.filter((reminder) => reminder.kind === 'module')).toEqual([
      { kind: 'module', id: 'week2', moduleId: 'exposure', sendAt: '2026-03-29T22:00:00.000Z', dueAt: null, minutesBefore: 0, channels: ['app'] },
    ]);
    const split = [
      ...remindersDue(program, base, '2026-03-29T00:00:00.000Z', '2026-03-29T22:00:00.000Z'),
      ...remindersDue(program, base, '2026-03-29T22:00:00.000Z', '2026-03-31T00:00:00.000Z'),
    ];
    expect(split).toEqual(all);
  });
});
