import { describe, expect, it } from 'vitest';
import { readModule } from '@careloom/examples';
import type { Condition, RegistrationBlock } from '@careloom/format';
import { zoneThresholds } from './charts.js';

const copdRules = () => {
  const block = readModule('copd-daily-report').pages.flatMap((page) => page.blocks).find((candidate): candidate is RegistrationBlock => candidate.type === 'registration')!;
  return block.zones!.rules;
};

describe('zoneThresholds (the zone lines on a registration field chart)', () => {
  it('draws the lines a field crosses on its own: COPD temperature is yellow from 38 and red from 39', () => {
    expect(zoneThresholds(copdRules(), 'temperature')).toEqual([
      { zone: 'yellow', op: 'gte', value: 38, ruleId: 'fever' },
      { zone: 'red', op: 'gte', value: 39, ruleId: 'highFever' },
    ]);
    expect(zoneThresholds(copdRules(), 'spo2').map((line) => `${line.zone} ${line.op} ${line.value}`)).toEqual(['yellow lt 92', 'red lt 88']);
  });

  it('leaves out a threshold that needs another field too ("much more breathless and a fever ≥ 38" is not red at 38)', () => {
    const rules = [{ id: 'combined', zone: 'red' as const, when: { op: 'all', conditions: [{ op: 'eq', item: 'breathlessness', value: 'muchWorse' }, { op: 'gte', item: 'temperature', value: 38 }] } as Condition }];
    expect(zoneThresholds(rules, 'temperature')).toEqual([]);
  });

  it('keeps a range on the field itself, and any of several comparisons', () => {
    const rules = [
      { id: 'band', zone: 'yellow' as const, when: { op: 'all', conditions: [{ op: 'gte', item: 'temperature', value: 38 }, { op: 'lt', item: 'temperature', value: 39 }] } as Condition },
      { id: 'either', zone: 'red' as const, when: { op: 'any', conditions: [{ op: 'lt', item: 'temperature', value: 35 }, { op: 'eq', item: 'cough', value: 'more' }] } as Condition },
      { id: 'negated', zone: 'red' as const, when: { op: 'not', condition: { op: 'lt', item: 'temperature', value: 41 } } as Condition },
    ];
    expect(zoneThresholds(rules, 'temperature').map((line) => `${line.ruleId} ${line.op} ${line.value}`)).toEqual(['band gte 38', 'band lt 39', 'either lt 35']);
  });
});
