import { describe, expect, it } from 'vitest';
import type { ZonePlan } from '../generated/format.js';
import { unknownOverrides, zoneFor } from './zones.js';
import { doc } from './test-fixtures.js';

const actions = { green: { en: doc('Carry on') }, yellow: { en: doc('Use inhaler') }, red: { en: doc('Call the unit') } };

const copd: ZonePlan = {
  rules: [
    { id: 'spo2-low', zone: 'yellow', when: { op: 'lt', item: 'spo2', value: 92 } },
    { id: 'breathless', zone: 'yellow', when: { op: 'eq', item: 'breath', value: 'worse' }, alert: false },
    { id: 'spo2-critical', zone: 'red', when: { op: 'lt', item: 'spo2', value: 88 }, alert: true },
    { id: 'fever', zone: 'red', when: { op: 'all', conditions: [{ op: 'gte', item: 'temp', value: 38 }, { op: 'eq', item: 'breath', value: 'worse' }] }, alert: true },
  ],
  actions,
};

describe('zoneFor', () => {
  it('is green when no rule holds, unanswered items included', () => {
    expect(zoneFor(copd, { spo2: 96, breath: 'same', temp: 37 })).toEqual({ zone: 'green', matchedRules: [], alertRules: [] });
    expect(zoneFor(copd, {})).toEqual({ zone: 'green', matchedRules: [], alertRules: [] });
  });

  it('is yellow when only yellow rules hold', () => {
    expect(zoneFor(copd, { spo2: 90, breath: 'worse', temp: 37 })).toEqual({ zone: 'yellow', matchedRules: ['spo2-low', 'breathless'], alertRules: [] });
  });

  it('is red when any red rule holds, whatever yellow ones say', () => {
    expect(zoneFor(copd, { spo2: 85, breath: 'worse', temp: 38.4 })).toEqual({
      zone: 'red',
      matchedRules: ['spo2-low', 'breathless', 'spo2-critical', 'fever'],
      alertRules: ['spo2-critical', 'fever'],
    });
    expect(zoneFor(copd, { spo2: 95, breath: 'worse', temp: 38 }).zone).toBe('red');
  });

  it('replaces a rule’s condition with the patient’s override, by rule id', () => {
    const personal = { 'spo2-low': { op: 'lt' as const, item: 'spo2', value: 89 }, 'spo2-critical': { op: 'lt' as const, item: 'spo2', value: 85 } };
    expect(zoneFor(copd, { spo2: 90 }, personal).zone).toBe('green');
    expect(zoneFor(copd, { spo2: 87 }, personal)).toMatchObject({ zone: 'yellow', matchedRules: ['spo2-low'] });
    expect(zoneFor(copd, { spo2: 84 }, personal)).toMatchObject({ zone: 'red', alertRules: ['spo2-critical'] });
  });

  it('ignores an override for a rule the plan does not have', () => {
    expect(zoneFor(copd, { spo2: 90 }, { 'old-rule': { op: 'answered', item: 'spo2' } }).zone).toBe('yellow');
  });

  it('does not take an override from the prototype chain', () => {
    expect(zoneFor(copd, { spo2: 90 }, Object.create({ 'spo2-low': { op: 'lt', item: 'spo2', value: 0 } })).zone).toBe('yellow');
  });
});

describe('unknownOverrides', () => {
  it('lists overrides that name no rule', () => {
    expect(unknownOverrides(copd, { 'spo2-low': { op: 'answered', item: 'x' }, gone: { op: 'answered', item: 'x' } })).toEqual(['gone']);
    expect(unknownOverrides(copd, {})).toEqual([]);
  });
});
