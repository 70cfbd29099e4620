import type { Condition, Field, InstrumentBlock, RegistrationBlock } from '../generated/format.js';
import type { Answers, AnswerValue } from './answers.js';

/**
 * Synthetic patients for the time-travel simulator: how ill a persona is in each program week, and
 * the answers that follow from it. Deterministic: the same persona, week and random source give the
 * same answers.
 */

/** How the synthetic patient's condition runs over the program. */
export type Persona = 'improving' | 'unchanged' | 'deteriorating' | 'stopsInWeek3';

export const PERSONAS: readonly Persona[] = ['improving', 'unchanged', 'deteriorating', 'stopsInWeek3'];

/** The week from which the `stopsInWeek3` persona answers nothing more. */
export const STOPS_ANSWERING_WEEK = 3;

/**
 * Severity at or above which the persona answers a risk item (an item an item-alert rule reads,
 * such as PHQ-9 item 9) above its lowest option. Below it, risk items get their lowest option
 * whatever the noise: thoughts of self-harm come with severe illness, not with random variation.
 */
export const RISK_SEVERITY = 0.55;

/**
 * How ill the persona is in a program week, from 0 (well) to 1 (as ill as the scales reach).
 * Improving falls from 0.5 to 0.15 over the program; unchanged stays at 0.45; deteriorating rises
 * by 0.08 a week from 0.4 (0.56 in week 3, the first week at {@link RISK_SEVERITY}), at most 0.95;
 * the persona who stops answering is unchanged until it stops.
 *
 * @example
 * personaSeverity('deteriorating', 3, 8); // 0.56
 */
export function personaSeverity(persona: Persona, week: number, durationWeeks: number): number {
  const progress = durationWeeks <= 1 ? 1 : Math.min(1, Math.max(0, (week - 1) / (durationWeeks - 1)));
  switch (persona) {
    case 'improving':
      return round2(0.5 - 0.35 * progress);
    case 'deteriorating':
      return round2(Math.min(0.95, 0.4 + 0.08 * Math.max(0, week - 1)));
    case 'unchanged':
    case 'stopsInWeek3':
      return 0.45;
  }
}

/** Whether the persona still answers in a program week. */
export function personaAnswers(persona: Persona, week: number): boolean {
  return persona !== 'stopsInWeek3' || week < STOPS_ANSWERING_WEEK;
}

/** A seeded random source: numbers in [0, 1), the same sequence for the same seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Noise added to an answer's position on its scale: ±0.12 of the range. */
const NOISE = 0.12;

/**
 * Answers to every item of an instrument for a persona at `severity`: each item near `severity` of
 * its score range (reversed items mirrored, so the score, not the option, follows the severity),
 * with seeded noise; risk items at their lowest below {@link RISK_SEVERITY}.
 */
export function instrumentAnswers(instrument: InstrumentBlock, severity: number, random: () => number): Answers {
  const riskItems = new Set((instrument.scoring.alerts ?? []).flatMap((rule) => (rule.when.of === 'item' ? [rule.when.item] : [])));
  const answers: Record<string, AnswerValue> = {};
  for (const item of instrument.items) {
    const options = item.options ?? instrument.options ?? [];
    if (options.length === 0) continue;
    const noise = (random() * 2 - 1) * NOISE;
    // Unscored companions (PHQ-9's difficulty question) are answered like the rest.
    const position = riskItems.has(item.id) ? riskPosition(severity) : clamp(severity + noise);
    answers[item.id] = optionAt(options, position, item.reversed === true).id;
  }
  return answers;
}

/**
 * An entry of a registration for a persona at `severity`. A field a zone rule reads gets worse
 * (towards the rule's side) as severity rises, crossing the first threshold at about 0.5 of the
 * severity scale; a field no zone rule reads is taken as something that grows as the patient gets
 * better (minutes of activity, steps). Text and date fields are answered only when required.
 */
export function registrationAnswers(registration: RegistrationBlock, severity: number, random: () => number, date: string): Answers {
  const answers: Record<string, AnswerValue> = {};
  const conditions = (registration.zones?.rules ?? []).map((rule) => rule.when);
  // The zone rules of the examples hold from moderate illness: a persona at 0.45 stays mostly green.
  const illness = clamp((severity - 0.3) / 0.6);
  for (const field of registration.fields) {
    const noise = (random() * 2 - 1) * NOISE;
    const reads = conditions.flatMap((condition) => comparisons(condition, field.id));
    const worse = reads.length > 0 ? clamp(illness + noise) : clamp(1 - illness + noise);
    const value = fieldAnswer(field, worse, reads, date);
    if (value !== undefined) answers[field.id] = value;
  }
  return answers;
}

function fieldAnswer(field: Field, position: number, reads: Comparison[], date: string): AnswerValue | undefined {
  const input = field.input;
  switch (input.kind) {
    case 'singleChoice':
    case 'scale': {
      const options = input.options.map((option, index) => ({ id: option.id, score: 'value' in option && typeof option.value === 'number' ? option.value : index }));
      return optionTowards(options, position, reads).id;
    }
    case 'multipleChoice':
      return position >= 0.5 && input.options.length > 0 ? [input.options[input.options.length - 1]!.id] : field.required ? [input.options[0]!.id] : undefined;
    case 'yesNo':
      return reads.some((read) => read.value === false) ? position < 0.5 : position >= 0.5;
    case 'slider':
      return roundTo(input.min + towards(position, reads) * (input.max - input.min), input.step ?? 1, input.min, input.max);
    case 'number': {
      const numeric = reads.filter((read) => typeof read.value === 'number');
      const [low, high] = numberRange(input.min, input.max, numeric);
      const step = 10 ** -(input.decimals ?? 0);
      return roundTo(low + towards(position, numeric) * (high - low), step, input.min ?? low, input.max ?? high);
    }
    case 'text':
      return field.required ? 'Synthetic entry' : undefined;
    case 'dateTime':
      return field.required ? (input.mode === 'time' ? '12:00' : input.mode === 'date' ? date : `${date}T12:00`) : undefined;
  }
}

interface Comparison {
  op: string;
  value: unknown;
}

/** The comparisons a condition makes on one field (under any nesting but `not`). */
function comparisons(condition: Condition, fieldId: string): Comparison[] {
  if (condition.op === 'any' || condition.op === 'all') return condition.conditions.flatMap((inner) => comparisons(inner, fieldId));
  if (condition.op === 'not') return [];
  return 'item' in condition && condition.item === fieldId ? [{ op: condition.op, value: 'value' in condition ? condition.value : undefined }] : [];
}

/** Position on the field's scale from low (0) to high (1), for "worse" = `position`: lower values are worse when the rules compare with lt/lte. */
function towards(position: number, reads: Comparison[]): number {
  return lowerIsWorse(reads) ? 1 - position : position;
}

function lowerIsWorse(reads: Comparison[]): boolean {
  return reads.length > 0 && reads.every((read) => read.op === 'lt' || read.op === 'lte');
}

/**
 * The range to spread a number field's answers over: around the rules' thresholds when there are
 * any (so a well persona is on the safe side and an ill one crosses them), else the input's range,
 * else 0–100.
 */
function numberRange(min: number | undefined, max: number | undefined, reads: Comparison[]): [number, number] {
  const thresholds = reads.map((read) => read.value as number);
  if (thresholds.length > 0) {
    const [first, last] = [Math.min(...thresholds), Math.max(...thresholds)];
    const margin = Math.max((last - first) / 2, Math.abs(first) * 0.05, 1);
    // Twice the margin on the safe side: a well persona stays clear of the first threshold.
    const [below, above] = lowerIsWorse(reads) ? [margin, margin * 2] : [margin * 2, margin];
    return [Math.max(min ?? -Infinity, first - below), Math.min(max ?? Infinity, last + above)];
  }
  return [min ?? 0, max ?? (min ?? 0) + 100];
}

/** The option at `position` of an ordered scale; by equality rules, the options named by rules are the "worse" end. */
function optionTowards<T extends { id: string; score: number }>(options: readonly T[], position: number, reads: Comparison[]): T {
  const named = new Set(reads.filter((read) => read.op === 'eq').map((read) => read.value));
  if (named.size === 0) return optionAt(options, position, false);
  // Options no rule names first (the patient's usual), then the named ones in scale order.
  const ordered = [...options.filter((option) => !named.has(option.id)), ...options.filter((option) => named.has(option.id))];
  const healthy = options.filter((option) => !named.has(option.id)).length;
  // Stay among the healthy options below the middle of the severity scale, then move through the named ones.
  if (position < 0.5 || healthy === ordered.length) return ordered[Math.min(healthy - 1, Math.floor((position / 0.5) * healthy))] ?? ordered[0]!;
  const worse = ordered.length - healthy;
  return ordered[healthy + Math.min(worse - 1, Math.floor(((position - 0.5) / 0.5) * worse))]!;
}

/** The option whose (mirrored when reversed) score is nearest `position` of the options' score range. */
function optionAt<T extends { score: number }>(options: readonly T[], position: number, reversed: boolean): T {
  const scores = options.map((option) => option.score);
  const [low, high] = [Math.min(...scores), Math.max(...scores)];
  const target = low + position * (high - low);
  let best = options[0]!;
  let bestDistance = Infinity;
  for (const option of options) {
    const score = reversed ? low + high - option.score : option.score;
    const distance = Math.abs(score - target);
    if (distance < bestDistance) [best, bestDistance] = [option, distance];
  }
  return best;
}

function riskPosition(severity: number): number {
  if (severity < RISK_SEVERITY) return 0;
  // At the threshold the second-lowest option (a third of a 0–3 item), rising to the highest at 1.
  return Math.min(1, 0.34 + ((severity - RISK_SEVERITY) / (1 - RISK_SEVERITY)) * 0.66);
}

function roundTo(value: number, step: number, min: number, max: number): number {
  const rounded = Math.round(value / step) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(Math.min(max, Math.max(min, rounded)).toFixed(decimals));
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
