import type { ReliableChange } from '../generated/format.js';

/** How a later total compares with the first, by the reliable change index. */
export type ReliableChangeClass = 'improved' | 'deteriorated' | 'unchanged';

export interface ReliableChangeResult {
  /** Later total minus the first. */
  change: number;
  /** Standard error of the difference: SD × √2 × √(1 − r). */
  seDiff: number;
  /** change ÷ SEdiff. */
  rci: number;
  /** |RCI| > 1.96, read in the instrument's better direction. */
  classification: ReliableChangeClass;
}

/** The two-sided 95 % criterion of Jacobson & Truax (1991). */
export const RELIABLE_CHANGE_CRITERION = 1.96;

/**
 * The reliable change index of a later total against the first (Jacobson NS, Truax P. Clinical
 * significance: a statistical approach to defining meaningful change in psychotherapy research.
 * J Consult Clin Psychol 1991;59(1):12–19): SEdiff = SD·√2·√(1 − r), RCI = (x₂ − x₁) / SEdiff, and a
 * change is reliable when |RCI| > 1.96. Whether it is an improvement depends on the instrument's
 * `direction` (for PHQ-9 a lower total is better).
 *
 * @example
 * reliableChange({ reliability: { kind: 'cronbachAlpha', value: 0.87 }, normSd: 3.52, direction: 'lowerIsBetter', source: '…' }, 15, 9);
 * // { change: -6, seDiff: 1.7949, rci: -3.3429, classification: 'improved' } (rounded here)
 */
export function reliableChange(definition: ReliableChange, first: number, later: number): ReliableChangeResult {
  const seDiff = definition.normSd * Math.SQRT2 * Math.sqrt(1 - definition.reliability.value);
  const change = later - first;
  const rci = change / seDiff;
  const better = definition.direction === 'lowerIsBetter' ? -rci : rci;
  const classification: ReliableChangeClass = Math.abs(rci) > RELIABLE_CHANGE_CRITERION ? (better > 0 ? 'improved' : 'deteriorated') : 'unchanged';
  return { change, seDiff, rci, classification };
}

/** The smallest change in total points that counts as reliable: 1.96 × SEdiff. */
export function reliableChangeThreshold(definition: ReliableChange): number {
  return RELIABLE_CHANGE_CRITERION * definition.normSd * Math.SQRT2 * Math.sqrt(1 - definition.reliability.value);
}
