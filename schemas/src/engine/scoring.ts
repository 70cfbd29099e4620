import type { InstrumentBlock, NumericOp, ScoreTest, ScoredOption } from '../generated/format.js';
import type { Answers } from './answers.js';
import { compareNumbers } from './conditions.js';
import { instrumentOptions } from './module-index.js';
import { roundScore } from './round-score.js';

export { roundScore } from './round-score.js';

/** The scores of one completed (or partly completed) instrument. */
export interface InstrumentScore {
  /** Score of every item after reversal, null when unanswered; unscored items included. */
  itemScores: Record<string, number | null>;
  /** Rounded total, or null when more items are missing than the missing rule allows. */
  total: number | null;
  /** Rounded score of each subscale by id, null like the total. */
  subscales: Record<string, number | null>;
  /** Id of the band the total falls in, or null without a total. */
  band: string | null;
  /** Unanswered items among those the total counts, in item order. */
  missing: string[];
  /** Ids of the alert rules that fire, in rule order. */
  alerts: string[];
}

/** How a score is computed: the total's definition or a subscale. */
export interface ScoreMethod {
  method: 'sum' | 'mean';
  /** Item ids; left out: every item with `scored !== false`. */
  items?: readonly string[];
  decimals?: number;
}

/**
 * Scores an instrument: item scores (reversed items mirrored within their options' range), the total
 * and subscales (sum or mean, missing items imputed per the missing rule, rounded half away from
 * zero), the band of the total, and the alert rules that fire.
 *
 * An answer that is not one of the item's option ids counts as unanswered here; reporting it is
 * {@link checkAnswers}'s job. A score with no answered item is null whatever the missing rule says.
 * Throws when the scoring refers to an item or subscale the instrument lacks.
 *
 * @example
 * const score = scoreInstrument(phq9, answers);
 * if (score.alerts.includes('item9')) notifyTherapist();
 */
export function scoreInstrument(instrument: InstrumentBlock, answers: Answers): InstrumentScore {
  const { scoring } = instrument;
  const itemScores: Record<string, number | null> = {};
  instrument.items.forEach((item, itemIndex) => {
    itemScores[item.id] = itemScore(instrument, itemIndex, answers[item.id]);
  });
  const totalItems = itemsOf(instrument, scoring.total);
  const total = computeScore(scoring.total, totalItems.map((id) => itemScores[id] ?? null), scoring.missing.maxMissing, scoring.missing.impute);
  const subscales: Record<string, number | null> = {};
  for (const subscale of scoring.subscales ?? []) {
    const scores = itemsOf(instrument, subscale).map((id) => itemScores[id] ?? null);
    subscales[subscale.id] = computeScore(subscale, scores, subscale.maxMissing ?? scoring.missing.maxMissing, scoring.missing.impute);
  }
  const band = total === null ? null : (scoring.bands.find((candidate) => candidate.min <= total && total <= candidate.max)?.id ?? null);
  const result: InstrumentScore = {
    itemScores,
    total,
    subscales,
    band,
    missing: totalItems.filter((id) => itemScores[id] === null),
    alerts: [],
  };
  result.alerts = (scoring.alerts ?? []).filter((rule) => scoreTestHolds(rule.when, result)).map((rule) => rule.id);
  return result;
}

/**
 * Whether a score test (of an alert rule) holds for computed scores. A test on a null total, subscale
 * or item score is false, whatever the operator.
 */
export function scoreTestHolds(test: ScoreTest, score: Omit<InstrumentScore, 'alerts'>): boolean {
  switch (test.of) {
    case 'total':
      return score.total !== null && compareNumbers(score.total, test.op, test.value);
    case 'subscale':
      return testValue(score.subscales, test.subscale, 'subscale', test.op, test.value);
    case 'item':
      return testValue(score.itemScores, test.item, 'item', test.op, test.value);
    case 'band':
      return score.band !== null && test.bands.includes(score.band);
    default:
      throw new Error(`Unknown score test ${JSON.stringify((test as { of?: unknown }).of)}.`);
  }
}

/**
 * The lowest and highest value a score can take when every item is answered, rounded like the score.
 * Validation checks that the bands cover this range.
 *
 * @example
 * scoreRange(phq9, phq9.scoring.total); // { min: 0, max: 27 }
 */
export function scoreRange(instrument: InstrumentBlock, definition: ScoreMethod): { min: number; max: number } {
  const ranges = itemsOf(instrument, definition).map((id) => optionRange(instrument, itemPosition(instrument, id)));
  let min = ranges.reduce((sum, range) => sum + range.min, 0);
  let max = ranges.reduce((sum, range) => sum + range.max, 0);
  if (definition.method === 'mean') {
    min /= ranges.length;
    max /= ranges.length;
  }
  const decimals = definition.decimals ?? 0;
  return { min: roundScore(min, decimals), max: roundScore(max, decimals) };
}

function itemScore(instrument: InstrumentBlock, itemIndex: number, answer: Answers[string]): number | null {
  if (typeof answer !== 'string') return null;
  const option = instrumentOptions(instrument, itemIndex).find((candidate) => candidate.id === answer);
  if (!option) return null;
  if (!instrument.items[itemIndex]?.reversed) return option.score;
  const range = optionRange(instrument, itemIndex);
  return range.min + range.max - option.score;
}

function computeScore(definition: ScoreMethod, scores: Array<number | null>, maxMissing: number, impute: 'mean' | 'zero'): number | null {
  const answered = scores.filter((score): score is number => score !== null);
  const missing = scores.length - answered.length;
  if (answered.length === 0 || missing > maxMissing) return null;
  const sum = answered.reduce((total, score) => total + score, 0);
  // Mean imputation fills each gap with the mean of the answered items, i.e. prorating.
  const value =
    definition.method === 'mean'
      ? impute === 'mean' ? sum / answered.length : sum / scores.length
      : impute === 'mean' ? (sum * scores.length) / answered.length : sum;
  return roundScore(value, definition.decimals ?? 0);
}

function itemsOf(instrument: InstrumentBlock, definition: ScoreMethod): readonly string[] {
  if (definition.items) {
    for (const id of definition.items) itemPosition(instrument, id);
    return definition.items;
  }
  return instrument.items.filter((item) => item.scored !== false).map((item) => item.id);
}

function itemPosition(instrument: InstrumentBlock, itemId: string): number {
  const position = instrument.items.findIndex((item) => item.id === itemId);
  if (position === -1) throw new Error(`Instrument "${instrument.id}" has no item "${itemId}".`);
  return position;
}

function optionRange(instrument: InstrumentBlock, itemIndex: number): { min: number; max: number } {
  const scores = instrumentOptions(instrument, itemIndex).map((option: ScoredOption) => option.score);
  if (scores.length === 0) throw new Error(`Item "${instrument.items[itemIndex]?.id}" of instrument "${instrument.id}" has no options.`);
  return { min: Math.min(...scores), max: Math.max(...scores) };
}

function testValue(scores: Record<string, number | null>, id: string, kind: string, op: NumericOp, value: number): boolean {
  if (!Object.hasOwn(scores, id)) throw new Error(`Alert rule refers to unknown ${kind} "${id}".`);
  const score = scores[id];
  return score !== null && score !== undefined && compareNumbers(score, op, value);
}
