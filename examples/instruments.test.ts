// The shipped PHQ-9 and GAD-7, scored with the engine, against the published scoring:
// PHQ-9: Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606–613 (sum of items 1–9, 0–27;
// 5, 10, 15, 20 = mild, moderate, moderately severe, severe).
// GAD-7: Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166:1092–1097 (sum of items 1–7, 0–21;
// 5, 10, 15 = mild, moderate, severe).
import { describe, expect, it } from 'vitest';
import { scoreInstrument, scoreRange } from '@careloom/format/engine';
import type { InstrumentBlock } from '@careloom/format';
import { instrumentOf, readModule } from './load.js';

const OPTION_BY_SCORE = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'] as const;

/** Answers where item i (1-based) gets `scores[i-1]` points; null leaves it unanswered. */
function answersFor(prefix: string, scores: Array<number | null>): Record<string, string | null> {
  return Object.fromEntries(scores.map((score, index) => [`${prefix}${index + 1}`, score === null ? null : OPTION_BY_SCORE[score]!]));
}

/** Spreads a total over `count` items as evenly as possible, lower items first, each 0–3. */
function scoresWithTotal(total: number, count: number): number[] {
  const scores = Array.from({ length: count }, (_, index) => Math.floor(total / count) + (index < total % count ? 1 : 0));
  if (scores.some((score) => score > 3)) throw new Error(`A total of ${total} does not fit ${count} items.`);
  return scores;
}

const phq9 = instrumentOf(readModule('phq-9'));
const gad7 = instrumentOf(readModule('gad-7'));

describe('PHQ-9 (examples/modules/phq-9.json)', () => {
  it('has the nine official items with their LOINC codes, the 0–3 scale and the unscored difficulty question', () => {
    expect(phq9.locked).toBe(true);
    expect(phq9.codes).toEqual({ system: 'http://loinc.org', panel: '44249-1', total: '44261-6' });
    expect(phq9.items.map((item) => item.code)).toEqual([
      '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8', '69722-7',
    ]);
    expect(phq9.items[0]?.text.en).toBe('Little interest or pleasure in doing things');
    expect(phq9.items[8]?.text.en).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(phq9.options?.map((option) => [option.label.en, option.score, option.code])).toEqual([
      ['Not at all', 0, 'LA6568-5'],
      ['Several days', 1, 'LA6569-3'],
      ['More than half the days', 2, 'LA6570-1'],
      ['Nearly every day', 3, 'LA6571-9'],
    ]);
    expect(phq9.items[9]).toMatchObject({ id: 'phq9_10', scored: false });
    expect(scoreRange(phq9, phq9.scoring.total)).toEqual({ min: 0, max: 27 });
  });

  it.each([
    [0, 'minimal'], [4, 'minimal'],
    [5, 'mild'], [9, 'mild'],
    [10, 'moderate'], [14, 'moderate'],
    [15, 'moderatelySevere'], [19, 'moderatelySevere'],
    [20, 'severe'], [27, 'severe'],
  ])('a total of %i falls in the %s band', (total, band) => {
    // Item 9 stays at 0 unless the total needs it (27), so only the total drives the result.
    const itemScores = total === 27 ? scoresWithTotal(27, 9) : [...scoresWithTotal(total, 8), 0];
    const score = scoreInstrument(phq9, answersFor('phq9_', itemScores));
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
    expect(score.missing).toEqual([]);
  });

  it('fires the urgent item-9 alert for any answer above "Not at all", and not at 0', () => {
    for (const item9 of [1, 2, 3]) {
      const score = scoreInstrument(phq9, answersFor('phq9_', [0, 0, 0, 0, 0, 0, 0, 0, item9]));
      expect(score.alerts).toEqual(['item9']);
      expect(score.band).toBe('minimal');
    }
    const none = scoreInstrument(phq9, answersFor('phq9_', [3, 3, 3, 3, 3, 1, 1, 0, 0]));
    expect(none.total).toBe(17);
    expect(none.alerts).toEqual([]);
    expect(phq9.scoring.alerts?.find((rule) => rule.id === 'item9')?.level).toBe('urgent');
  });

  it('raises the severe alert from a total of 20, not at 19', () => {
    expect(scoreInstrument(phq9, answersFor('phq9_', [...scoresWithTotal(19, 8), 0])).alerts).toEqual([]);
    expect(scoreInstrument(phq9, answersFor('phq9_', [...scoresWithTotal(20, 8), 0])).alerts).toEqual(['severe']);
    expect(scoreInstrument(phq9, answersFor('phq9_', scoresWithTotal(27, 9))).alerts).toEqual(['item9', 'severe']);
  });

  it('prorates one missing item and gives no total with two missing', () => {
    const one = scoreInstrument(phq9, answersFor('phq9_', [2, 2, null, 2, 2, 2, 1, 1, 0]));
    expect(one.missing).toEqual(['phq9_3']);
    expect(one.total).toBe(14); // 12 × 9 / 8 = 13.5, rounded half away from zero
    expect(one.band).toBe('moderate');
    const noneMissingSameItems = scoreInstrument(phq9, answersFor('phq9_', [2, 2, 0, 2, 2, 2, 1, 1, 0]));
    expect(noneMissingSameItems.total).toBe(12);

    const two = scoreInstrument(phq9, answersFor('phq9_', [2, 2, null, null, 2, 2, 1, 1, 0]));
    expect(two.missing).toEqual(['phq9_3', 'phq9_4']);
    expect(two.total).toBeNull();
    expect(two.band).toBeNull();
    expect(phq9.scoring.missing).toMatchObject({ maxMissing: 1, impute: 'mean' });
    expect(phq9.scoring.missing.source).toMatch(/Careloom convention/);
  });

  it('does not count the functional-difficulty question, and does not need it', () => {
    const base = answersFor('phq9_', [1, 1, 1, 1, 1, 0, 0, 0, 0]);
    const without = scoreInstrument(phq9, base);
    const withDifficulty = scoreInstrument(phq9, { ...base, phq9_10: 'extremelyDifficult' });
    expect(without.total).toBe(5);
    expect(withDifficulty.total).toBe(5);
    expect(withDifficulty.missing).toEqual([]);
    expect(withDifficulty.itemScores.phq9_10).toBe(3); // recorded, just not counted
  });

  it('passes its own scoring test cases', () => {
    expectOwnTestsPass(phq9);
    expect(phq9.tests.map((test) => test.expect.total)).toEqual(expect.arrayContaining([0, 4, 5, 9, 10, 14, 15, 19, 20, 27, null]));
  });
});

describe('GAD-7 (examples/modules/gad-7.json)', () => {
  it('has the seven official items with their LOINC codes', () => {
    expect(gad7.locked).toBe(true);
    expect(gad7.codes).toEqual({ system: 'http://loinc.org', panel: '69737-5', total: '70274-6' });
    expect(gad7.items.filter((item) => item.scored !== false).map((item) => item.code)).toEqual([
      '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7',
    ]);
    expect(gad7.items[0]?.text.en).toBe('Feeling nervous, anxious, or on edge');
    expect(scoreRange(gad7, gad7.scoring.total)).toEqual({ min: 0, max: 21 });
  });

  it.each([
    [0, 'minimal'], [4, 'minimal'],
    [5, 'mild'], [9, 'mild'],
    [10, 'moderate'], [14, 'moderate'],
    [15, 'severe'], [21, 'severe'],
  ])('a total of %i falls in the %s band', (total, band) => {
    const score = scoreInstrument(gad7, answersFor('gad7_', scoresWithTotal(total, 7)));
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
    expect(score.alerts).toEqual(band === 'severe' ? ['severe'] : []);
  });

  it('prorates one missing item, gives no total with two, and ignores the difficulty question', () => {
    const one = scoreInstrument(gad7, answersFor('gad7_', [2, 2, 1, null, 1, 1, 1]));
    expect(one.total).toBe(9); // 8 × 7 / 6 = 9.33
    expect(scoreInstrument(gad7, answersFor('gad7_', [2, 2, null, null, 1, 1, 1])).total).toBeNull();
    const base = answersFor('gad7_', [0, 0, 0, 0, 0, 0, 0]);
    expect(scoreInstrument(gad7, { ...base, gad7_8: 'extremelyDifficult' }).total).toBe(0);
  });

  it('passes its own scoring test cases', () => {
    expectOwnTestsPass(gad7);
  });
});

function expectOwnTestsPass(instrument: InstrumentBlock): void {
  for (const test of instrument.tests) {
    const score = scoreInstrument(instrument, test.answers);
    expect({ name: test.name, total: score.total, band: score.band, alerts: score.alerts }).toEqual({
      name: test.name,
      total: test.expect.total,
      band: test.expect.band ?? null,
      alerts: test.expect.alerts ?? [],
    });
  }
}
