import { describe, expect, it } from 'vitest';
import type { Condition } from '../generated/format.js';
import { isAnswered } from './answers.js';
import { compareNumbers, evaluateCondition } from './conditions.js';

describe('isAnswered', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    ['   ', false],
    [[], false],
    [Number.NaN, false],
    [0, true],
    [false, true],
    ['a', true],
    [['x'], true],
  ])('%j → %s', (value, expected) => {
    expect(isAnswered(value)).toBe(expected);
  });
});

describe('evaluateCondition', () => {
  const answers = { hours: 7, mood: 'low', smoker: false, habits: ['coffee', 'screens'], note: '', empty: null };

  it.each<[Condition, boolean]>([
    [{ op: 'eq', item: 'hours', value: 7 }, true],
    [{ op: 'ne', item: 'hours', value: 7 }, false],
    [{ op: 'gt', item: 'hours', value: 7 }, false],
    [{ op: 'gt', item: 'hours', value: 6.5 }, true],
    [{ op: 'gte', item: 'hours', value: 7 }, true],
    [{ op: 'lt', item: 'hours', value: 7 }, false],
    [{ op: 'lt', item: 'hours', value: 7.5 }, true],
    [{ op: 'lte', item: 'hours', value: 7 }, true],
    [{ op: 'eq', item: 'mood', value: 'low' }, true],
    [{ op: 'ne', item: 'mood', value: 'high' }, true],
    [{ op: 'eq', item: 'smoker', value: false }, true],
    [{ op: 'ne', item: 'smoker', value: true }, true],
  ])('compares %j → %s', (condition, expected) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });

  it('gives option ids and booleans no order', () => {
    expect(evaluateCondition({ op: 'gt', item: 'mood', value: 'a' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'lt', item: 'mood', value: 'z' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'gte', item: 'smoker', value: false }, answers)).toBe(false);
  });

  it('makes every comparison on an unanswered item false, ne included', () => {
    for (const item of ['missing', 'note', 'empty']) {
      for (const op of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const) {
        expect(evaluateCondition({ op, item, value: 1 }, answers)).toBe(false);
        expect(evaluateCondition({ op, item, value: 'x' }, answers)).toBe(false);
      }
    }
  });

  it('makes a comparison with a value of another type false, ne included', () => {
    expect(evaluateCondition({ op: 'eq', item: 'hours', value: '7' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'ne', item: 'hours', value: '7' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'ne', item: 'smoker', value: 'yes' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'eq', item: 'mood', value: true }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'eq', item: 'habits', value: 'coffee' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'ne', item: 'habits', value: 'tea' }, answers)).toBe(false);
  });

  it('checks includes on multiple-choice answers only', () => {
    expect(evaluateCondition({ op: 'includes', item: 'habits', value: 'coffee' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'includes', item: 'habits', value: 'alcohol' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'includes', item: 'mood', value: 'low' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'includes', item: 'missing', value: 'low' }, answers)).toBe(false);
  });

  it('checks answered', () => {
    expect(evaluateCondition({ op: 'answered', item: 'smoker' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'answered', item: 'note' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'answered', item: 'empty' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'answered', item: 'missing' }, answers)).toBe(false);
  });

  it('combines with all, any and not, nested', () => {
    const yes: Condition = { op: 'eq', item: 'mood', value: 'low' };
    const no: Condition = { op: 'eq', item: 'mood', value: 'high' };
    expect(evaluateCondition({ op: 'all', conditions: [yes, yes] }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'all', conditions: [yes, no] }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'any', conditions: [no, yes] }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'any', conditions: [no, no] }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'not', condition: no }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'not', condition: { op: 'ne', item: 'missing', value: true } }, answers)).toBe(true);
    const nested: Condition = {
      op: 'any',
      conditions: [
        { op: 'all', conditions: [yes, { op: 'not', condition: { op: 'includes', item: 'habits', value: 'coffee' } }] },
        { op: 'all', conditions: [{ op: 'gte', item: 'hours', value: 7 }, { op: 'not', condition: { op: 'any', conditions: [no] } }] },
      ],
    };
    expect(evaluateCondition(nested, answers)).toBe(true);
    expect(evaluateCondition(nested, { ...answers, hours: 6 })).toBe(false);
  });

  it('throws on an unknown op', () => {
    expect(() => evaluateCondition({ op: 'matches', item: 'mood' } as unknown as Condition, answers)).toThrow(/Unknown condition op "matches"/);
  });
});

describe('compareNumbers', () => {
  it('applies each operator', () => {
    expect([compareNumbers(3, 'eq', 3), compareNumbers(3, 'ne', 3), compareNumbers(3, 'gt', 2), compareNumbers(3, 'gte', 3), compareNumbers(2, 'lt', 3), compareNumbers(3, 'lte', 3)]).toEqual([true, false, true, true, true, true]);
    expect(() => compareNumbers(1, 'near' as never, 1)).toThrow(/Unknown comparison op/);
  });
});
