import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Program } from '../generated/format.js';
import { moduleStates, moduleUnlocks, unlockInstant } from './module-unlocks.js';
import { measurementOccurrences } from './measurement-schedule.js';
import { missedRegistrations, registrationOccurrences } from './registration-schedule.js';
import { programDate, realDate } from './schedule-adjustments.js';
import type { ScheduleAdjustments } from './schedule-adjustments.js';
import { applyScheduleChange, MAX_PAUSES } from './schedule-changes.js';
import type { ScheduleChange } from './schedule-changes.js';
import type { ScheduleContext } from './schedule-context.js';
import { programStatus, remindersDue } from './schedule.js';
import { contextOf, programOf } from './test-fixtures.js';
import { localDateOf, localTimeOf, parseInstant } from './zoned-time.js';

const DAY = 86_400_000;

// Eight weekly modules, the third waiting for the second; a daily diary due 12:00 with alerts; PHQ-9 in weeks 1, 4 and 8.
const program: Program = programOf({
  durationWeeks: 8,
  modules: Array.from({ length: 8 }, (_, index) => ({
    key: `w${index + 1}`,
    module: { moduleId: `m${index + 1}` },
    unlock: index === 2 ? { week: 3, afterCompleting: ['w2'] } : { week: index + 1 },
  })) as Program['modules'],
  measurements: [{ id: 'phq', module: { moduleId: 'phq9' }, weeks: [1, 4, 8], dueWithinDays: 3, reminders: [{ minutesBefore: 60, channels: ['email'] }] }],
  registrations: [{ id: 'diary', module: { moduleId: 'diary' }, registration: 'entry', frequency: 'daily', deadline: '12:00', alertWhenMissing: true, reminders: [{ minutesBefore: 60, channels: ['email'] }] }],
});

// Started Monday 2 March 2026 in Stockholm (CET, UTC+1): week 2 begins 8 March 23:00Z.
const start = contextOf({ startedAt: '2026-03-01T23:00:00.000Z', now: '2026-03-02T09:00:00.000Z' });
const at = (context: ScheduleContext, now: string, adjustments?: ScheduleAdjustments): ScheduleContext => ({ ...context, now, ...(adjustments ? { adjustments } : {}) });

describe('per-patient adjustments', () => {
  it('opens a module early, at the instant the therapist chose, and announces it then', () => {
    const adjustments = { earlyUnlocks: { w5: '2026-03-03T10:00:00.000Z' } };
    const before = moduleStates(program, at(start, '2026-03-03T09:59:59.000Z', adjustments)).find((module) => module.key === 'w5');
    const after = moduleStates(program, at(start, '2026-03-03T10:00:00.000Z', adjustments)).find((module) => module.key === 'w5');
    expect(before).toMatchObject({ state: 'locked', unlockedAt: null });
    expect(after).toMatchObject({ state: 'unlocked', unlockedAt: '2026-03-03T10:00:00.000Z' });
    expect(moduleUnlocks(program, at(start, '2026-03-03T11:00:00.000Z', adjustments), '2026-03-03T09:00:00.000Z', '2026-03-03T11:00:00.000Z')).toEqual([{ key: 'w5', moduleId: 'm5', unlockedAt: '2026-03-03T10:00:00.000Z' }]);
  });

  it('opens a module early even while its prerequisite is not completed', () => {
    const context = at(start, '2026-03-20T12:00:00.000Z', { earlyUnlocks: { w3: '2026-03-20T12:00:00.000Z' } });
    expect(moduleStates(program, context).find((module) => module.key === 'w3')).toMatchObject({ state: 'unlocked' });
  });

  it('marks a hidden module, does not announce it, and lets the module waiting for it open in its week', () => {
    const context = at(start, '2026-03-16T00:00:00.000Z', { hiddenModules: ['w2'] });
    const states = moduleStates(program, context);
    expect(states.find((module) => module.key === 'w2')).toMatchObject({ hidden: true, state: 'unlocked' });
    expect(states.find((module) => module.key === 'w3')).toMatchObject({ state: 'unlocked', unlockedAt: '2026-03-15T23:00:00.000Z' });
    expect(moduleUnlocks(program, context, '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z')).toEqual([]);
  });

  it('asks for a registration by the patient’s own deadline, in local time', () => {
    const context = at(start, '2026-03-03T18:00:00.000Z', { registrationDeadlines: { diary: '18:30' } });
    expect(registrationOccurrences(program, 'diary', context, '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z')).toEqual([
      { date: '2026-03-03', opensAt: '2026-03-02T23:00:00.000Z', dueAt: '2026-03-03T17:30:00.000Z' },
    ]);
    // 11:00Z (12:00 local) is no longer a deadline, 17:30Z is.
    expect(missedRegistrations(program, context, '2026-03-03T10:00:00.000Z')).toEqual([{ registrationId: 'diary', date: '2026-03-03', dueAt: '2026-03-03T17:30:00.000Z' }]);
  });

  it('while paused: nothing is due or reminded of, and no deadline inside the pause is missed', () => {
    const adjustments = { pauses: [{ pausedAt: '2026-03-03T08:00:00.000Z', resumedAt: null }] };
    const paused = at(start, '2026-03-05T09:00:00.000Z', adjustments);
    const status = programStatus(program, paused);
    expect(status).toMatchObject({ paused: true, dueMeasurements: [], dueRegistrations: [], nextDeadline: null });
    expect(status.modules[0]).toMatchObject({ state: 'unlocked' });
    expect(remindersDue(program, paused, '2026-03-03T00:00:00.000Z', paused.now)).toEqual([]);
    // The 2 March deadline was missed before the pause; 3 and 4 March fell inside it.
    expect(missedRegistrations(program, paused, '2026-03-02T00:00:00.000Z').map((missed) => missed.date)).toEqual(['2026-03-02']);
  });

  it('after a pause, moves the rest of the program by the paused days and keeps what came before', () => {
    // Paused Tuesday 3 March, resumed Friday 13 March: ten days.
    const adjustments = { pauses: [{ pausedAt: '2026-03-03T08:00:00.000Z', resumedAt: '2026-03-13T15:00:00.000Z' }] };
    const context = at(start, '2026-03-20T12:00:00.000Z', adjustments);
    expect(realDate(context, '2026-03-04')).toBe('2026-03-14');
    expect(programDate(context, '2026-03-08')).toBeNull();
    expect(programDate(context, '2026-03-14')).toBe('2026-03-04');
    const status = programStatus(program, context);
    // 20 March is program day 10 March: week 2.
    expect(status.week).toBe(2);
    expect(status.modules.find((module) => module.key === 'w2')).toMatchObject({ state: 'unlocked', unlockedAt: '2026-03-18T23:00:00.000Z' });
    expect(measurementOccurrences(program, context).map((occurrence) => occurrence.opensAt)).toEqual(['2026-03-01T23:00:00.000Z', '2026-04-01T22:00:00.000Z', '2026-04-29T22:00:00.000Z']);
    const diaryDates = registrationOccurrences(program, 'diary', context, '2026-03-01T00:00:00.000Z', '2026-03-16T00:00:00.000Z').map((occurrence) => occurrence.date);
    expect(diaryDates).toEqual(['2026-03-02', '2026-03-14', '2026-03-15']);
    // The program still lasts eight weeks of program days: 56 days plus the ten paused ones.
    expect(programStatus(program, at(context, '2026-05-06T21:59:59.000Z')).finished).toBe(false);
    expect(programStatus(program, at(context, '2026-05-06T22:00:00.000Z')).finished).toBe(true);
  });
});

describe('applyScheduleChange', () => {
  const apply = (change: ScheduleChange, context: ScheduleContext = start) => applyScheduleChange(program, context, change);

  it('unlocks now by default, and refuses what is not earlier, past, unknown or out of range (year 9999)', () => {
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w4' })).toEqual({ ok: true, adjustments: { earlyUnlocks: { w4: '2026-03-02T09:00:00.000Z' } } });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w4', at: '9999-12-31T00:00:00Z' })).toMatchObject({ ok: false, conflict: false, issues: [{ code: 'schedule.at_out_of_range', path: '/at' }] });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w4', at: '2026-03-30T00:00:00Z' })).toMatchObject({ ok: false, issues: [{ code: 'schedule.not_earlier', path: '/at' }] });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w4', at: '2026-03-01T00:00:00Z' })).toMatchObject({ ok: false, issues: [{ code: 'schedule.at_past' }] });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w4', at: 'tomorrow' })).toMatchObject({ ok: false, issues: [{ code: 'schedule.at_invalid', path: '/at' }] });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w1' })).toMatchObject({ ok: false, conflict: true, issues: [{ code: 'schedule.already_unlocked' }] });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'nope' })).toMatchObject({ ok: false, issues: [{ code: 'schedule.unknown_module', path: '/moduleKey' }] });
    expect(apply({ kind: 'unlockEarly', moduleKey: 'w2' }, { ...start, completedModules: { w2: '2026-03-02T08:00:00.000Z' } })).toMatchObject({ ok: false, conflict: true, issues: [{ code: 'schedule.already_completed' }] });
  });

  it('hides and shows idempotently, and sets or resets a deadline', () => {
    const hidden = apply({ kind: 'hideModule', moduleKey: 'w2' });
    expect(hidden).toEqual({ ok: true, adjustments: { hiddenModules: ['w2'] } });
    const again = apply({ kind: 'hideModule', moduleKey: 'w2' }, { ...start, adjustments: { hiddenModules: ['w2'] } });
    expect(again).toEqual(hidden);
    expect(apply({ kind: 'showModule', moduleKey: 'w2' }, { ...start, adjustments: { hiddenModules: ['w2'] } })).toEqual({ ok: true, adjustments: {} });
    expect(apply({ kind: 'setDeadline', registrationId: 'diary', deadline: '20:00' })).toEqual({ ok: true, adjustments: { registrationDeadlines: { diary: '20:00' } } });
    expect(apply({ kind: 'setDeadline', registrationId: 'diary', deadline: null }, { ...start, adjustments: { registrationDeadlines: { diary: '20:00' } } })).toEqual({ ok: true, adjustments: {} });
    expect(apply({ kind: 'setDeadline', registrationId: 'diary', deadline: '24:00' })).toMatchObject({ ok: false, issues: [{ code: 'schedule.deadline_invalid', path: '/deadline' }] });
    expect(apply({ kind: 'setDeadline', registrationId: 'nope', deadline: '10:00' })).toMatchObject({ ok: false, issues: [{ code: 'schedule.unknown_registration', path: '/registrationId' }] });
  });

  it('pauses and resumes once each, and caps the number of pauses', () => {
    const paused = apply({ kind: 'pause' });
    expect(paused).toEqual({ ok: true, adjustments: { pauses: [{ pausedAt: '2026-03-02T09:00:00.000Z', resumedAt: null }] } });
    const pausedContext = { ...start, adjustments: (paused as { adjustments: ScheduleAdjustments }).adjustments };
    expect(apply({ kind: 'pause' }, pausedContext)).toMatchObject({ ok: false, conflict: true, issues: [{ code: 'schedule.already_paused' }] });
    expect(apply({ kind: 'resume' }, at(pausedContext, '2026-03-04T09:00:00.000Z'))).toEqual({ ok: true, adjustments: { pauses: [{ pausedAt: '2026-03-02T09:00:00.000Z', resumedAt: '2026-03-04T09:00:00.000Z' }] } });
    expect(apply({ kind: 'resume' })).toMatchObject({ ok: false, conflict: true, issues: [{ code: 'schedule.not_paused' }] });
    const many = Array.from({ length: MAX_PAUSES }, (_, index) => ({ pausedAt: new Date(Date.parse('2026-01-01T00:00:00Z') + index * 60_000).toISOString(), resumedAt: new Date(Date.parse('2026-01-01T00:00:30Z') + index * 60_000).toISOString() }));
    expect(apply({ kind: 'pause' }, { ...start, adjustments: { pauses: many } })).toMatchObject({ ok: false, issues: [{ code: 'schedule.too_many_pauses' }] });
  });
});

describe('pause and resume: properties', () => {
  // A day of the program (0–55), an hour of that day, and a pause length in days (0–30) plus hours.
  const pauseArbitrary = fc.record({ day: fc.integer({ min: 0, max: 55 }), minute: fc.integer({ min: 0, max: 1439 }), days: fc.integer({ min: 0, max: 30 }), extraMinutes: fc.integer({ min: 0, max: 1439 }) });
  const weekly = programOf({ durationWeeks: 8, modules: Array.from({ length: 8 }, (_, index) => ({ key: `w${index + 1}`, module: { moduleId: `m${index + 1}` }, unlock: { week: index + 1 } })) as Program['modules'] });

  it('in UTC, a pause from midnight to midnight moves every later unlock by exactly the paused time, and no earlier one', () => {
    const utc = contextOf({ startedAt: '2026-03-02T00:00:00.000Z', timeZone: 'UTC' });
    fc.assert(fc.property(fc.integer({ min: 0, max: 55 }), fc.integer({ min: 1, max: 30 }), (day, days) => {
      const pausedAt = parseInstant(utc.startedAt) + day * DAY;
      const resumedAt = pausedAt + days * DAY;
      const now = new Date(resumedAt + 120 * DAY).toISOString();
      const plain = at(utc, now);
      const adjusted = at(utc, now, { pauses: [{ pausedAt: new Date(pausedAt).toISOString(), resumedAt: new Date(resumedAt).toISOString() }] });
      for (const scheduled of weekly.modules) {
        const before = unlockInstant(weekly, scheduled, plain)!;
        const after = unlockInstant(weekly, scheduled, adjusted)!;
        expect(after - before).toBe(before > pausedAt ? resumedAt - pausedAt : 0);
      }
    }));
  });

  it('in Stockholm, every unlock after the pause day moves by the paused local days at the same local time (across daylight saving)', () => {
    fc.assert(fc.property(pauseArbitrary, ({ day, minute, days, extraMinutes }) => {
      const pausedAt = parseInstant(start.startedAt) + day * DAY + minute * 60_000;
      const resumedAt = pausedAt + days * DAY + extraMinutes * 60_000;
      const pause = { pausedAt: new Date(pausedAt).toISOString(), resumedAt: new Date(resumedAt).toISOString() };
      const now = new Date(resumedAt + 120 * DAY).toISOString();
      const pausedDays = Math.round((Date.parse(localDateOf(pause.resumedAt, 'Europe/Stockholm')) - Date.parse(localDateOf(pause.pausedAt, 'Europe/Stockholm'))) / DAY);
      for (const scheduled of weekly.modules) {
        const before = new Date(unlockInstant(weekly, scheduled, at(start, now))!).toISOString();
        const after = new Date(unlockInstant(weekly, scheduled, at(start, now, { pauses: [pause] }))!).toISOString();
        const moved = localDateOf(before, 'Europe/Stockholm') > localDateOf(pause.pausedAt, 'Europe/Stockholm');
        const shift = Math.round((Date.parse(localDateOf(after, 'Europe/Stockholm')) - Date.parse(localDateOf(before, 'Europe/Stockholm'))) / DAY);
        expect(shift).toBe(moved ? pausedDays : 0);
        expect(localTimeOf(after, 'Europe/Stockholm')).toBe(localTimeOf(before, 'Europe/Stockholm'));
      }
    }));
  });

  it('never reminds, asks for or misses anything inside a pause', () => {
    fc.assert(fc.property(pauseArbitrary, ({ day, minute, days, extraMinutes }) => {
      const pausedAt = parseInstant(start.startedAt) + day * DAY + minute * 60_000;
      const resumedAt = pausedAt + days * DAY + extraMinutes * 60_000;
      const context = at(start, new Date(resumedAt + 3 * DAY).toISOString(), { pauses: [{ pausedAt: new Date(pausedAt).toISOString(), resumedAt: new Date(resumedAt).toISOString() }] });
      const inside = (instant: string) => parseInstant(instant) >= pausedAt && parseInstant(instant) < resumedAt;
      const from = new Date(pausedAt - DAY).toISOString();
      expect(remindersDue(program, context, from, context.now).filter((reminder) => inside(reminder.sendAt))).toEqual([]);
      expect(missedRegistrations(program, context, from).filter((missed) => inside(missed.dueAt))).toEqual([]);
    }), { numRuns: 60 });
  });

  it('program dates and real dates are inverse outside pauses', () => {
    fc.assert(fc.property(pauseArbitrary, fc.integer({ min: 0, max: 120 }), ({ day, minute, days }, offset) => {
      const pausedAt = parseInstant(start.startedAt) + day * DAY + minute * 60_000;
      const context = at(start, new Date(pausedAt + 200 * DAY).toISOString(), { pauses: [{ pausedAt: new Date(pausedAt).toISOString(), resumedAt: new Date(pausedAt + days * DAY).toISOString() }] });
      const date = localDateOf(new Date(parseInstant(start.startedAt) + offset * DAY).toISOString(), 'Europe/Stockholm');
      expect(programDate(context, realDate(context, date))).toBe(date);
    }));
  });
});
