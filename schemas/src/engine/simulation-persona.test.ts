import { describe, expect, it } from 'vitest';
import type { Module, RegistrationBlock } from '../generated/format.js';
import { scoreInstrument } from './scoring.js';
import { simulateProgram } from './simulate.js';
import { instrumentAnswers, personaAnswers, personaSeverity, registrationAnswers, RISK_SEVERITY, seededRandom } from './simulation-persona.js';
import { field, instrument, moduleOf, page, programOf, registration } from './test-fixtures.js';

describe('seededRandom', () => {
  it('gives the same numbers in [0, 1) for the same seed and others for another', () => {
    const [a, b, c] = [seededRandom(7), seededRandom(7), seededRandom(8)];
    const first = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(first);
    expect(Array.from({ length: 100 }, c)).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('personaSeverity and personaAnswers', () => {
  it('reaches the risk level in week 3 only for the deteriorating persona', () => {
    expect([1, 2, 3].map((week) => personaSeverity('deteriorating', week, 8) >= RISK_SEVERITY)).toEqual([false, false, true]);
    for (let week = 1; week <= 26; week++) {
      for (const persona of ['improving', 'unchanged', 'stopsInWeek3'] as const) expect(personaSeverity(persona, week, 26)).toBeLessThan(RISK_SEVERITY);
      expect(personaSeverity('deteriorating', week, 26)).toBeLessThanOrEqual(0.95);
    }
    expect(personaSeverity('improving', 8, 8)).toBeLessThan(personaSeverity('improving', 1, 8));
    expect(personaSeverity('improving', 1, 1)).toBeGreaterThanOrEqual(0);
  });

  it('stops answering from week 3 only for the persona that stops', () => {
    expect([1, 2, 3, 4].map((week) => personaAnswers('stopsInWeek3', week))).toEqual([true, true, false, false]);
    expect(personaAnswers('deteriorating', 30)).toBe(true);
  });
});

describe('instrumentAnswers', () => {
  it('follows severity with the score, mirroring reversed items, and keeps risk items at their lowest below the risk level', () => {
    const scale = instrument(['a', 'b', 'risk'], {
      items: [{}, { reversed: true }, {}],
      scoring: { alerts: [{ id: 'risk', level: 'urgent', message: { en: 'Risk' }, when: { of: 'item', item: 'risk', op: 'gt', value: 0 } }] },
    });
    const random = seededRandom(1);
    const well = instrumentAnswers(scale, 0, random);
    expect(well).toEqual({ a: 's0', b: 's3', risk: 's0' });
    expect(scoreInstrument(scale, well).total).toBe(0);
    const ill = instrumentAnswers(scale, 1, random);
    expect(ill).toEqual({ a: 's3', b: 's0', risk: 's3' });
    for (let seed = 0; seed < 50; seed++) expect(instrumentAnswers(scale, RISK_SEVERITY - 0.01, seededRandom(seed)).risk).toBe('s0');
    expect(instrumentAnswers(scale, RISK_SEVERITY, seededRandom(1)).risk).toBe('s1');
  });
});

describe('registrationAnswers', () => {
  const block = registration('daily', [
    field('temperature', { kind: 'number', min: 34, max: 42, decimals: 1 }, true),
    field('saturation', { kind: 'number', min: 70, max: 100 }, true),
    field('minutes', { kind: 'number', min: 0, max: 600 }, true),
    field('note', { kind: 'text', maxLength: 100 }),
  ]) as RegistrationBlock;
  block.zones = {
    rules: [
      { id: 'fever', zone: 'red', when: { op: 'gte', item: 'temperature', value: 38 } },
      { id: 'low', zone: 'red', when: { op: 'lt', item: 'saturation', value: 90 } },
    ],
    actions: {},
  } as unknown as RegistrationBlock['zones'];

  it('keeps a well persona on the safe side of each threshold and takes an ill one across it; fields no rule reads grow as the patient gets better', () => {
    const well = registrationAnswers(block, 0, seededRandom(3), '2026-03-02');
    const ill = registrationAnswers(block, 1, seededRandom(3), '2026-03-02');
    expect(well.temperature).toBeLessThan(38);
    expect(ill.temperature).toBeGreaterThanOrEqual(38);
    expect(well.saturation).toBeGreaterThanOrEqual(90);
    expect(ill.saturation).toBeLessThan(90);
    expect(well.minutes as number).toBeGreaterThan(ill.minutes as number);
    expect(well).not.toHaveProperty('note');
  });
});

describe('simulateProgram with a module that has neither instruments nor registrations', () => {
  it('unlocks and completes it and nothing else', () => {
    const intro: Module = { ...moduleOf(page('p1', [])), id: 'intro' };
    const result = simulateProgram(programOf({ durationWeeks: 1 }), { intro }, { persona: 'unchanged', startDate: '2026-03-02', timeZone: 'UTC' });
    expect(result.events.map((event) => `${event.kind}@${event.day}`)).toEqual(['unlock@1', 'moduleCompleted@1']);
    expect(result.charts).toEqual({ scores: [], registrations: [] });
  });
});
