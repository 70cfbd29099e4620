// The COPD self-treatment plan (examples/modules/copd-daily-report.json) sorted by the engine's zoneFor,
// with realistic daily reports, the thresholds at their edges, and a patient's personal overrides.
// And the activity diary's weekly goal (examples/modules/activity-registration.json).
import { describe, expect, it } from 'vitest';
import type { Answers } from '@careloom/format/engine';
import { unknownOverrides, zoneFor } from '@careloom/format/engine';
import type { Condition, ZonePlan } from '@careloom/format';
import { readModule, registrationOf } from './load.js';

const copd = registrationOf(readModule('copd-daily-report'), 'copdDaily');
const plan = copd.zones as ZonePlan;

/** A usual good day; each case changes what it is about. */
const goodDay = {
  breathlessness: 'usual',
  cough: 'usual',
  sputumColour: 'clear',
  temperature: 36.8,
  spo2: 94,
  extraReliever: false,
} satisfies Answers;

describe('COPD daily report zones', () => {
  it('puts a usual day in green, with or without the optional oximeter reading', () => {
    expect(zoneFor(plan, goodDay)).toEqual({ zone: 'green', matchedRules: [], alertRules: [] });
    const { spo2: _spo2, ...noOximeter } = goodDay;
    expect(zoneFor(plan, noOximeter).zone).toBe('green');
    expect(zoneFor(plan, { ...goodDay, breathlessness: 'better', cough: 'less', sputumColour: 'none' }).zone).toBe('green');
  });

  it.each<[string, Answers, string[]]>([
    ['more breathless and using the reliever more', { ...goodDay, breathlessness: 'worse', extraReliever: true }, ['breathWorse', 'relieverMore']],
    ['green sputum after a cold', { ...goodDay, sputumColour: 'green', cough: 'more' }, ['sputumDiscoloured', 'coughMore']],
    ['a fever of 38.2 °C', { ...goodDay, temperature: 38.2 }, ['fever']],
    ['SpO₂ of 90 %', { ...goodDay, spo2: 90 }, ['spo2Low']],
    ['much more breathless but no sign of infection', { ...goodDay, breathlessness: 'muchWorse' }, ['breathWorse']],
  ])('yellow: %s, without alerting the therapist', (_name, answers, rules) => {
    expect(zoneFor(plan, answers)).toEqual({ zone: 'yellow', matchedRules: rules, alertRules: [] });
  });

  it.each<[string, Answers, string[], string[]]>([
    ['very breathless at rest', { ...goodDay, breathlessness: 'atRest' }, ['breathAtRest'], ['breathAtRest']],
    [
      'much more breathless with yellow sputum and 38.4 °C',
      { ...goodDay, breathlessness: 'muchWorse', sputumColour: 'yellow', temperature: 38.4, extraReliever: true },
      ['breathWorse', 'sputumDiscoloured', 'fever', 'relieverMore', 'breathAndInfection'],
      ['breathAndInfection'],
    ],
    ['a fever of 39.3 °C', { ...goodDay, temperature: 39.3 }, ['fever', 'highFever'], ['highFever']],
    ['SpO₂ of 86 %', { ...goodDay, spo2: 86 }, ['spo2Low', 'spo2VeryLow'], ['spo2VeryLow']],
    ['blood in the sputum', { ...goodDay, sputumColour: 'blood' }, ['bloodInSputum'], ['bloodInSputum']],
  ])('red: %s, alerting the therapist', (_name, answers, rules, alerts) => {
    expect(zoneFor(plan, answers)).toEqual({ zone: 'red', matchedRules: rules, alertRules: alerts });
  });

  it('turns at the documented thresholds: 38.0 and 39.0 °C, SpO₂ below 92 and below 88 %', () => {
    const zoneAt = (change: Answers) => zoneFor(plan, { ...goodDay, ...change }).zone;
    expect([37.9, 38.0, 38.9, 39.0].map((temperature) => zoneAt({ temperature }))).toEqual(['green', 'yellow', 'yellow', 'red']);
    expect([92, 91, 88, 87].map((spo2) => zoneAt({ spo2 }))).toEqual(['green', 'yellow', 'yellow', 'red']);
  });

  it('follows a patient\'s personal thresholds set by the therapist', () => {
    // A patient whose stable SpO₂ is 88–90 %: yellow below 88, red below 85 for them.
    const overrides: Record<string, Condition> = {
      spo2Low: { op: 'lt', item: 'spo2', value: 88 },
      spo2VeryLow: { op: 'lt', item: 'spo2', value: 85 },
    };
    const zoneAt = (spo2: number) => zoneFor(plan, { ...goodDay, spo2 }, overrides).zone;
    expect([89, 88, 87, 85, 84].map(zoneAt)).toEqual(['green', 'green', 'yellow', 'yellow', 'red']);
    // The same readings without the overrides.
    expect([89, 87].map((spo2) => zoneFor(plan, { ...goodDay, spo2 }).zone)).toEqual(['yellow', 'red']);
    // Overrides change thresholds only; other rules still apply.
    expect(zoneFor(plan, { ...goodDay, spo2: 89, temperature: 39.1 }, overrides).zone).toBe('red');
    expect(unknownOverrides(plan, overrides)).toEqual([]);
    expect(unknownOverrides(plan, { ...overrides, oldRule: { op: 'answered', item: 'spo2' } })).toEqual(['oldRule']);
  });

  it('explains every rule in English and Swedish, and alerts on exactly the red rules', () => {
    for (const rule of plan.rules) {
      expect(Object.keys(rule.explanation ?? {}).sort()).toEqual(['en', 'sv']);
      expect(rule.alert === true).toBe(rule.zone === 'red');
    }
    for (const zone of ['green', 'yellow', 'red'] as const) expect(Object.keys(plan.actions[zone]).sort()).toEqual(['en', 'sv']);
  });
});

describe('activity diary goal', () => {
  const activity = registrationOf(readModule('activity-registration'), 'activity');

  it('asks for at least 150 minutes a week, summed over the daily entries', () => {
    expect(activity.goal).toMatchObject({ field: 'minutes', aggregate: 'sum', period: 'week', comparison: 'atLeast', target: 150 });
    const minutes = activity.fields.find((field) => field.id === activity.goal?.field);
    expect(minutes?.input).toMatchObject({ kind: 'number', unit: { code: 'min' }, min: 0 });
    expect(minutes?.required).toBe(true);
  });
});
