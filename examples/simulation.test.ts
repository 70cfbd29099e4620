import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Module, Program } from '@careloom/format';
import { checkAnswers, daysBetween, instrumentAnswers, isoWeekday, localDateOf, localTimeOf, moduleAsProgram, PERSONAS, programStatus, registrationAnswers, seededRandom, simulateModule, simulateProgram } from '@careloom/format/engine';
import type { Persona, SimulationEvent, SimulationResult } from '@careloom/format/engine';
import { readModule, readProgram } from './load.js';

// The time-travel simulator (schemas/src/engine/simulate.ts) on the example programs: what a
// designer sees in the designer's "Simulate" screen.
const [activity, copdReport, gad7, phq9] = ['activity-registration', 'copd-daily-report', 'gad-7', 'phq-9'].map(readModule) as [Module, Module, Module, Module];
const panicWeeks = [1, 2, 3, 4, 5, 6, 7, 8].map((week) => readModule(`panic-week-${week}`));
const panic = readProgram('panic-icbt-8-weeks');
const copd = readProgram('copd-home-follow-up');
const byId = (...modules: Module[]) => Object.fromEntries(modules.map((module) => [module.id, module]));
const panicModules = byId(...panicWeeks, phq9, gad7, activity);
const copdModules = byId(copdReport);
const START = { startDate: '2026-03-02', timeZone: 'Europe/Stockholm' };

type Alert = Extract<SimulationEvent, { kind: 'alert' }>;
const alerts = (result: SimulationResult) => result.events.filter((event): event is Alert => event.kind === 'alert');
const item9 = (result: SimulationResult) => alerts(result).filter((alert) => alert.ruleIds.includes('item9'));

describe('simulateProgram on the 8-week panic program', () => {
  it('raises the PHQ-9 item-9 alert first in week 3 for the deteriorating persona, urgent, due the same working day and escalated', () => {
    const result = simulateProgram(panic, panicModules, { ...START, persona: 'deteriorating', seed: 1 });
    const first = item9(result)[0]!;
    expect(first).toMatchObject({ week: 3, source: 'item', severity: 'urgent', title: 'PHQ-9', escalates: true });
    expect(first.day).toBeGreaterThanOrEqual(15);
    expect(first.day).toBeLessThanOrEqual(21);
    // Monday 16 March 2026 09:00 CET: due 17:00 the same day.
    expect(first.respondBy).not.toBeNull();
    expect(first.respondBy!.slice(0, 10)).toBe(first.at.slice(0, 10));
    // The alert follows the PHQ-9 measurement that raised it.
    const index = result.events.indexOf(first);
    expect(result.events[index - 1]).toMatchObject({ kind: 'measurement', measurementId: 'phq9Weekly' });
  });

  it.each([1, 42, 2026])('with seed %i no persona has an item-9 alert before week 3, and the improving one none at all', (seed) => {
    for (const persona of PERSONAS) {
      const result = simulateProgram(panic, panicModules, { ...START, persona, seed });
      expect(item9(result).filter((alert) => alert.week < 3)).toEqual([]);
      if (persona === 'deteriorating') expect(item9(result)[0]?.week).toBe(3);
      if (persona === 'improving') expect(alerts(result)).toEqual([]);
    }
  });

  it('unlocks the eight modules week by week and charts PHQ-9 every week and GAD-7 in weeks 1, 4 and 8', () => {
    const result = simulateProgram(panic, panicModules, { ...START, persona: 'improving' });
    const unlocks = result.events.filter((event) => event.kind === 'unlock');
    expect(unlocks.map((event) => event.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(unlocks[1]).toMatchObject({ moduleKey: 'week2', at: '2026-03-08T23:00:00.000Z', day: 8, notified: true });
    const [phq, gad] = result.charts.scores;
    expect(phq).toMatchObject({ title: 'PHQ-9', min: 0, max: 27 });
    expect(phq!.points.map((point) => point.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(gad!.points.map((point) => point.week)).toEqual([1, 4, 8]);
    // Improving: the last PHQ-9 total is below the first.
    expect(phq!.points.at(-1)!.total).toBeLessThan(phq!.points[0]!.total);
    expect(result.charts.registrations[0]!.fields[0]!.points.length).toBe(49);
    expect(result.missingModules).toEqual([]);
  });

  it('sends the schedule\'s reminders when the persona leaves things until late, and notes measurements never filled in', () => {
    const result = simulateProgram(panic, panicModules, { ...START, persona: 'stopsInWeek3' });
    const reminders = result.events.filter((event) => event.kind === 'reminder');
    expect(reminders.some((event) => event.about === 'measurement' && event.channels.includes('email'))).toBe(true);
    expect(reminders.some((event) => event.about === 'registration' && event.channels.join() === 'app')).toBe(true);
    const missed = result.events.filter((event) => event.kind === 'measurementMissed');
    expect(missed.map((event) => `${event.measurementId}:${event.measurementWeek}`)).toEqual(['phq9Weekly:3', 'phq9Weekly:4', 'gad7:4', 'phq9Weekly:5', 'phq9Weekly:6', 'phq9Weekly:7', 'phq9Weekly:8', 'gad7:8']);
    // The last week's close when the program ends, counted in its last day.
    expect(missed.at(-1)).toMatchObject({ at: '2026-04-26T22:00:00.000Z', day: 56, week: 8 });
    expect(result.events.filter((event) => event.kind === 'measurement' && event.week >= 3)).toEqual([]);
  });

  it('is the same run for the same seed', () => {
    const a = simulateProgram(panic, panicModules, { ...START, persona: 'unchanged', seed: 9 });
    const b = simulateProgram(panic, panicModules, { ...START, persona: 'unchanged', seed: 9 });
    expect(b).toEqual(a);
  });

  it('schedules the modules it was not given but answers none of them, and names them', () => {
    const { 'phq-9': _left, ...withoutPhq } = panicModules;
    const result = simulateProgram(panic, withoutPhq, { ...START, persona: 'deteriorating' });
    expect(result.missingModules).toEqual(['phq-9']);
    expect(item9(result)).toEqual([]);
    expect(result.events.filter((event) => event.kind === 'measurement' && event.measurementId === 'phq9Weekly')).toHaveLength(8);
  });

  it('refuses a start date out of range and a program longer than the format allows', () => {
    expect(() => simulateProgram(panic, panicModules, { ...START, startDate: '9999-12-31', persona: 'unchanged' })).toThrow(RangeError);
    expect(() => simulateProgram(panic, panicModules, { ...START, startDate: '2026-02-30', persona: 'unchanged' })).toThrow(RangeError);
    expect(() => simulateProgram({ ...panic, durationWeeks: 10_000 }, panicModules, { ...START, persona: 'unchanged' })).toThrow(RangeError);
  });
});

describe('simulateProgram on the local clock of the unit\'s time zone', () => {
  // Summer time in Stockholm begins 29 March 2026 and ends 25 October 2026; the third run crosses a new year.
  it.each(['2026-03-16', '2026-10-12', '2026-12-14'])('from %s keeps days, reminder times and deadlines on the local clock', (startDate) => {
    const zone = 'Europe/Stockholm';
    const result = simulateProgram(panic, panicModules, { startDate, timeZone: zone, persona: 'deteriorating', seed: 3 });
    for (const event of result.events) {
      // An event's day and week count local calendar days from the start, through any change of offset or year.
      expect(event.day).toBe(daysBetween(startDate, localDateOf(event.at, zone)) + 1);
      expect(event.week).toBe(Math.floor((event.day - 1) / 7) + 1);
      if (event.kind === 'unlock') expect(localTimeOf(event.at, zone)).toBe('00:00');
      // The daily activity registration is due at 21:00 local and reminded two hours before, whatever the offset that day.
      if (event.kind === 'reminder' && event.about === 'registration') {
        expect(localTimeOf(event.dueAt, zone)).toBe('21:00');
        expect(localTimeOf(event.at, zone)).toBe('19:00');
      }
      // The item-9 alert is answered by 17:00 local on a working day.
      if (event.kind === 'alert' && event.respondBy !== null) {
        expect(localTimeOf(event.respondBy, zone)).toBe('17:00');
        expect(isoWeekday(localDateOf(event.respondBy, zone))).toBeLessThanOrEqual(5);
        expect(Date.parse(event.respondBy)).toBeGreaterThan(Date.parse(event.at));
      }
    }
    expect(result.events.filter((event) => event.kind === 'unlock').map((event) => event.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.events.at(-1)!.day).toBeLessThanOrEqual(56);
  });

  it('reports each simulated day to a caller that asks, without changing the run', () => {
    const days: number[] = [];
    const watched = simulateProgram(panic, panicModules, { ...START, persona: 'unchanged', onProgress: (done, all) => days.push(done * 1000 + all) });
    expect(days).toEqual(Array.from({ length: 56 }, (_, index) => (index + 1) * 1000 + 56));
    expect(watched).toEqual(simulateProgram(panic, panicModules, { ...START, persona: 'unchanged' }));
  });

  it('is a different run in another zone: the same local days, other instants', () => {
    const stockholm = simulateProgram(panic, panicModules, { ...START, persona: 'improving' });
    const auckland = simulateProgram(panic, panicModules, { ...START, timeZone: 'Pacific/Auckland', persona: 'improving' });
    const unlocks = (result: SimulationResult) => result.events.filter((event) => event.kind === 'unlock');
    expect(unlocks(auckland).map((event) => event.day)).toEqual(unlocks(stockholm).map((event) => event.day));
    expect(unlocks(auckland)[0]!.at).toBe('2026-03-01T11:00:00.000Z');
    expect(unlocks(stockholm)[0]!.at).toBe('2026-03-01T23:00:00.000Z');
  });
});

describe('simulateProgram on the COPD home follow-up', () => {
  it('raises a missing-report alert for every daily report from week 3 when the persona stops answering', () => {
    const result = simulateProgram(copd, copdModules, { ...START, persona: 'stopsInWeek3' });
    const missing = result.events.filter((event) => event.kind === 'missingReport' && event.week >= 3);
    expect(missing).toHaveLength(24 * 7);
    expect(missing[0]).toMatchObject({ registrationId: 'copdDaily', date: '2026-03-16', dueAt: '2026-03-16T11:00:00.000Z', week: 3 });
    expect(result.events.filter((event) => event.kind === 'registration' && event.week >= 3)).toEqual([]);
  });

  it('raises no missing report for the improving persona, and red-zone alerts as the deteriorating one gets worse', () => {
    expect(simulateProgram(copd, copdModules, { ...START, persona: 'improving' }).events.filter((event) => event.kind === 'missingReport')).toEqual([]);
    const worse = simulateProgram(copd, copdModules, { ...START, persona: 'deteriorating' });
    const zoneAlerts = alerts(worse).filter((alert) => alert.source === 'zone');
    expect(zoneAlerts.length).toBeGreaterThan(0);
    expect(zoneAlerts[0]!.week).toBeGreaterThan(1);
    // One alert per entry, naming every rule that asked for it.
    const entries = new Set(zoneAlerts.map((alert) => alert.at));
    expect(entries.size).toBe(zoneAlerts.length);
    expect(worse.charts.registrations[0]!.zones.at(-1)!.zone).toBe('red');
  });
});

describe('simulateModule', () => {
  it('runs PHQ-9 alone as a weekly measurement: the deteriorating persona reaches item 9 in week 3', () => {
    const result = simulateModule(phq9, { ...START, persona: 'deteriorating' }, 8);
    expect(item9(result)[0]!.week).toBe(3);
    expect(result.durationWeeks).toBe(8);
  });

  it('makes a registration module a daily report with alerts when one is missing', () => {
    const program = moduleAsProgram(copdReport, 2);
    expect(program.registrations).toEqual([{ id: 'copdDaily', module: { moduleId: 'copd-daily-report' }, registration: 'copdDaily', frequency: 'daily', deadline: '21:00', alertWhenMissing: true }]);
    expect(() => programStatus(program, { startedAt: '2026-03-02T00:00:00Z', timeZone: 'UTC', now: '2026-03-03T00:00:00Z', completedModules: {}, measurementsDone: [], registrationsDone: [] })).not.toThrow();
  });
});

describe('persona answers', () => {
  it('are answers the module accepts', () => {
    const random = seededRandom(5);
    for (const severity of [0, 0.3, 0.56, 0.8, 1]) {
      const phq = (phq9).pages.flatMap((page) => page.blocks).find((block) => block.type === 'instrument');
      if (phq?.type !== 'instrument') throw new Error('PHQ-9 has no instrument');
      expect(checkAnswers(phq9, instrumentAnswers(phq, severity, random))).toEqual([]);
      for (const module of [copdReport, activity]) {
        const block = module.pages.flatMap((page) => page.blocks).find((candidate) => candidate.type === 'registration');
        if (block?.type !== 'registration') throw new Error(`${module.id} has no registration`);
        expect(checkAnswers(module, registrationAnswers(block, severity, random, '2026-03-02'))).toEqual([]);
      }
    }
  });
});

describe('simulateProgram on any program (property)', () => {
  const persona = fc.constantFrom<Persona>(...PERSONAS);
  const timeZone = fc.constantFrom('Europe/Stockholm', 'UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata');
  const startDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  const program = fc
    .record({
      durationWeeks: fc.integer({ min: 1, max: 6 }),
      unlockWeeks: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
      chained: fc.boolean(),
      phqWeeks: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
      dueWithinDays: fc.integer({ min: 1, max: 7 }),
      deadline: fc.constantFrom('00:00', '08:30', '12:00', '23:59'),
      fromWeek: fc.integer({ min: 1, max: 3 }),
      frequency: fc.constantFrom<'daily' | 'weekly'>('daily', 'weekly'),
    })
    .map(({ durationWeeks, unlockWeeks, chained, phqWeeks, dueWithinDays, deadline, fromWeek, frequency }): Program => ({
      ...panic,
      durationWeeks,
      modules: unlockWeeks.map((week, index) => ({ key: `m${index}`, module: { moduleId: 'panic-week-1' }, unlock: { week, ...(chained && index > 0 ? { afterCompleting: [`m${index - 1}`] } : {}) } })) as Program['modules'],
      measurements: [{ id: 'phq', module: { moduleId: 'phq-9' }, weeks: phqWeeks as [number, ...number[]], dueWithinDays, reminders: [{ minutesBefore: 1440, channels: ['app', 'email'] }] }],
      registrations: [{ id: 'copd', module: { moduleId: 'copd-daily-report' }, registration: 'copdDaily', frequency, deadline, fromWeek, alertWhenMissing: true, reminders: [{ minutesBefore: 60 }] }],
    }));

  it('gives a timeline in time order whose unlocks and alerts all fall within the program', () => {
    fc.assert(
      fc.property(program, persona, timeZone, startDate, fc.integer(), (generated, chosen, zone, date, seed) => {
        const result = simulateProgram(generated, { ...panicModules, ...copdModules }, { persona: chosen, timeZone: zone, startDate: date, seed });
        const last = generated.durationWeeks * 7;
        for (let index = 1; index < result.events.length; index++) {
          expect(Date.parse(result.events[index]!.at)).toBeGreaterThanOrEqual(Date.parse(result.events[index - 1]!.at));
        }
        for (const event of result.events) {
          expect(event.day).toBeGreaterThanOrEqual(1);
          expect(event.day).toBeLessThanOrEqual(last);
          expect(event.week).toBeGreaterThanOrEqual(1);
          expect(event.week).toBeLessThanOrEqual(generated.durationWeeks);
        }
      }),
      { numRuns: 30 },
    );
  });
});
