import { describe, expect, it } from 'vitest';
import type { AlertRule, InstrumentBlock, ScoreTest } from '../generated/format.js';
import { scoreInstrument, scoreRange, scoreTestHolds } from './scoring.js';
import { instrument, text } from './test-fixtures.js';

function answersOf(scores: Record<string, number | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, score === null ? null : `s${score}`]));
}

function alert(id: string, when: ScoreTest): AlertRule {
  return { id, level: 'urgent', message: text(id), when };
}

// A PHQ-9-like scale: nine items, item 10 (difficulty) unscored, PHQ-9 bands and the item-9 alert.
const phq: InstrumentBlock = instrument(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'difficulty'], {
  items: [{}, {}, {}, {}, {}, {}, {}, {}, {}, { scored: false, required: false }],
  scoring: {
    total: { method: 'sum' },
    subscales: [{ id: 'somatic', name: text('Somatic'), method: 'sum', items: ['q3', 'q4', 'q5'] }],
    missing: { maxMissing: 1, impute: 'mean' },
    bands: [
      { id: 'minimal', min: 0, max: 4, label: text('Minimal') },
      { id: 'mild', min: 5, max: 9, label: text('Mild') },
      { id: 'moderate', min: 10, max: 14, label: text('Moderate') },
      { id: 'modsevere', min: 15, max: 19, label: text('Moderately severe') },
      { id: 'severe', min: 20, max: 27, label: text('Severe') },
    ],
    alerts: [
      alert('item9', { of: 'item', item: 'q9', op: 'gt', value: 0 }),
      alert('severe', { of: 'band', bands: ['severe', 'modsevere'] }),
      alert('somatic', { of: 'subscale', subscale: 'somatic', op: 'gte', value: 9 }),
      alert('total20', { of: 'total', op: 'gte', value: 20 }),
    ],
  },
});

describe('scoreInstrument: sums, bands and alerts', () => {
  it('sums scored items and leaves unscored ones out of the total', () => {
    const score = scoreInstrument(phq, answersOf({ q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 0, q7: 0, q8: 0, q9: 0, difficulty: 3 }));
    expect(score.itemScores.difficulty).toBe(3);
    expect(score).toMatchObject({ total: 5, band: 'mild', subscales: { somatic: 3 }, missing: [], alerts: [] });
  });

  it('places band edges inclusively', () => {
    expect(scoreInstrument(phq, answersOf({ q1: 3, q2: 1, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 })).band).toBe('minimal');
    expect(scoreInstrument(phq, answersOf({ q1: 3, q2: 3, q3: 3, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 })).band).toBe('moderate');
    expect(scoreInstrument(phq, answersOf({ q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 2, q8: 0, q9: 0 })).band).toBe('severe');
  });

  it('fires item, band, subscale and total alerts in rule order', () => {
    const all3 = answersOf({ q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, q8: 3, q9: 3 });
    expect(scoreInstrument(phq, all3).alerts).toEqual(['item9', 'severe', 'somatic', 'total20']);
    const onlyItem9 = answersOf({ q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 1 });
    expect(scoreInstrument(phq, onlyItem9)).toMatchObject({ total: 1, band: 'minimal', alerts: ['item9'] });
  });

  it('does not fire an item alert for an unanswered item, even when the total is prorated', () => {
    const score = scoreInstrument(phq, answersOf({ q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, q8: 3 }));
    expect(score.missing).toEqual(['q9']);
    expect(score.total).toBe(27);
    expect(score.alerts).toEqual(['severe', 'somatic', 'total20']);
  });

  it('gives no total, band or total alerts when too many items are missing', () => {
    const score = scoreInstrument(phq, answersOf({ q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3 }));
    expect(score).toMatchObject({ total: null, band: null, missing: ['q8', 'q9'], subscales: { somatic: 9 }, alerts: ['somatic'] });
  });

  it('gives null scores when nothing is answered, whatever the missing rule', () => {
    const lenient = instrument(['a', 'b'], { scoring: { missing: { maxMissing: 5, impute: 'zero' } } });
    expect(scoreInstrument(lenient, {})).toMatchObject({ total: null, band: null, missing: ['a', 'b'] });
  });

  it('counts an answer that is not an option id as unanswered', () => {
    const score = scoreInstrument(instrument(['a', 'b']), { a: 's9', b: 2 as unknown as string });
    expect(score.itemScores).toEqual({ a: null, b: null });
    expect(score.total).toBeNull();
  });
});

describe('scoreInstrument: reversal, means, missing items and rounding', () => {
  it('mirrors reversed items within their options’ range', () => {
    const block = instrument(['a', 'b'], { items: [{}, { reversed: true }] });
    expect(scoreInstrument(block, { a: 's1', b: 's0' }).itemScores).toEqual({ a: 1, b: 3 });
    expect(scoreInstrument(block, { a: 's1', b: 's3' }).total).toBe(1);
    const ownRange = instrument(['a'], { items: [{ reversed: true, options: [{ id: 'lo', label: text('lo'), score: 1 }, { id: 'mid', label: text('mid'), score: 2 }, { id: 'hi', label: text('hi'), score: 5 }] }] });
    expect(scoreInstrument(ownRange, { a: 'mid' }).itemScores.a).toBe(4);
  });

  it('prorates a sum with mean imputation and rounds half away from zero', () => {
    const block = instrument(['a', 'b', 'c', 'd'], { scoring: { missing: { maxMissing: 1, impute: 'mean' } } });
    // (1 + 1 + 2) · 4 / 3 = 5.333 → 5
    expect(scoreInstrument(block, { a: 's1', b: 's1', c: 's2' }).total).toBe(5);
    // (1 + 2 + 2) · 4 / 3 = 6.667 → 7
    expect(scoreInstrument(block, { a: 's1', b: 's2', c: 's2' }).total).toBe(7);
  });

  it('counts a missing item as zero with zero imputation', () => {
    const sum = instrument(['a', 'b', 'c'], { scoring: { missing: { maxMissing: 1, impute: 'zero' } } });
    expect(scoreInstrument(sum, { a: 's3', b: 's3' }).total).toBe(6);
    const mean = instrument(['a', 'b', 'c'], { scoring: { total: { method: 'mean', decimals: 2 }, missing: { maxMissing: 1, impute: 'zero' } } });
    expect(scoreInstrument(mean, { a: 's3', b: 's2' }).total).toBe(1.67);
  });

  it('means the answered items with mean imputation, rounded to the decimals', () => {
    const block = instrument(['a', 'b', 'c'], { scoring: { total: { method: 'mean', decimals: 1 }, missing: { maxMissing: 1, impute: 'mean' } } });
    expect(scoreInstrument(block, { a: 's3', b: 's2' }).total).toBe(2.5);
    expect(scoreInstrument(block, { a: 's1', b: 's1', c: 's2' }).total).toBe(1.3);
    // 0.25 at 1 decimal rounds half away from zero to 0.3, as a manual computed by hand does.
    const halves = instrument(['a', 'b', 'c', 'd'], { scoring: { total: { method: 'mean', decimals: 1 }, missing: { maxMissing: 0, impute: 'zero' } } });
    expect(scoreInstrument(halves, { a: 's1', b: 's0', c: 's0', d: 's0' }).total).toBe(0.3);
  });

  it('rounds a whole-number mean score half away from zero', () => {
    const block = instrument(['a', 'b'], { scoring: { total: { method: 'mean' } } });
    expect(scoreInstrument(block, { a: 's1', b: 's2' }).total).toBe(2);
  });

  it('scores subscales with their own method, decimals and missing allowance', () => {
    const block = instrument(['a', 'b', 'c', 'd'], {
      scoring: {
        missing: { maxMissing: 0, impute: 'mean' },
        subscales: [
          { id: 'first', name: text('first'), method: 'mean', items: ['a', 'b'], decimals: 2, maxMissing: 1 },
          { id: 'second', name: text('second'), method: 'sum', items: ['c', 'd'] },
        ],
      },
    });
    const score = scoreInstrument(block, { a: 's1', c: 's2', d: 's3' });
    expect(score.subscales).toEqual({ first: 1, second: 5 });
    expect(score.total).toBeNull();
    expect(scoreInstrument(block, { a: 's1', b: 's2', c: 's2' }).subscales).toEqual({ first: 1.5, second: null });
  });

  it('scores a total over listed items only', () => {
    const block = instrument(['a', 'b', 'c'], { scoring: { total: { method: 'sum', items: ['a', 'c'] } } });
    expect(scoreInstrument(block, { a: 's1', b: 's3', c: 's2' })).toMatchObject({ total: 3, missing: [] });
  });

  it('throws when scoring names an item or subscale the instrument lacks', () => {
    expect(() => scoreInstrument(instrument(['a'], { scoring: { total: { method: 'sum', items: ['z'] } } }), {})).toThrow(/no item "z"/);
    const badAlert = instrument(['a'], { scoring: { alerts: [alert('x', { of: 'subscale', subscale: 'ghost', op: 'gt', value: 0 })] } });
    expect(() => scoreInstrument(badAlert, { a: 's1' })).toThrow(/unknown subscale "ghost"/);
  });
});

describe('scoreTestHolds', () => {
  const score = { itemScores: { a: 2, b: null }, total: 4, subscales: { s: null }, band: 'low', missing: ['b'] };
  it('is false on null scores whatever the operator', () => {
    expect(scoreTestHolds({ of: 'item', item: 'b', op: 'ne', value: 1 }, score)).toBe(false);
    expect(scoreTestHolds({ of: 'subscale', subscale: 's', op: 'lt', value: 100 }, score)).toBe(false);
    expect(scoreTestHolds({ of: 'total', op: 'ne', value: 1 }, { ...score, total: null })).toBe(false);
    expect(scoreTestHolds({ of: 'band', bands: ['low'] }, { ...score, band: null })).toBe(false);
  });
  it('compares present scores', () => {
    expect(scoreTestHolds({ of: 'item', item: 'a', op: 'eq', value: 2 }, score)).toBe(true);
    expect(scoreTestHolds({ of: 'total', op: 'lte', value: 4 }, score)).toBe(true);
    expect(scoreTestHolds({ of: 'band', bands: ['high', 'low'] }, score)).toBe(true);
    expect(() => scoreTestHolds({ of: 'item', item: 'zz', op: 'eq', value: 2 }, score)).toThrow(/unknown item/);
    expect(() => scoreTestHolds({ of: 'rank' } as unknown as ScoreTest, score)).toThrow(/Unknown score test/);
  });
});

describe('scoreRange', () => {
  it('spans the lowest and highest total over scored items', () => {
    expect(scoreRange(phq, phq.scoring.total)).toEqual({ min: 0, max: 27 });
    expect(scoreRange(phq, { method: 'sum', items: ['q1', 'q2'] })).toEqual({ min: 0, max: 6 });
  });

  it('uses each item’s own options and rounds a mean like the score', () => {
    const block = instrument(['a', 'b', 'c'], { items: [{}, {}, { options: [{ id: 'x', label: text('x'), score: 1 }, { id: 'y', label: text('y'), score: 5 }] }] });
    expect(scoreRange(block, { method: 'sum' })).toEqual({ min: 1, max: 11 });
    expect(scoreRange(block, { method: 'mean', decimals: 2 })).toEqual({ min: 0.33, max: 3.67 });
  });
});
