import type { Condition, ZonePlan } from '../generated/format.js';
import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';

/** The zone of one registration entry and the rules that put it there. */
export interface ZoneResult {
  zone: 'green' | 'yellow' | 'red';
  /** Ids of every rule that holds (yellow and red), in plan order. */
  matchedRules: string[];
  /** Ids of the matched rules with `alert: true`: the ones to alert the therapist about. */
  alertRules: string[];
}

/**
 * Sorts a registration entry into a zone: red when any red rule holds, otherwise yellow when any
 * yellow rule holds, otherwise green.
 *
 * `overrides` replace a rule's condition by rule id: a patient's personal thresholds, set by their
 * therapist. An override for a rule the plan does not have is ignored (see {@link unknownOverrides}
 * to report it when the overrides are saved), so a stale override cannot block a patient's report.
 *
 * @example
 * zoneFor(copdPlan, { breathless: 'worse', temperature: 38.4 }).zone; // 'red'
 * zoneFor(plan, answers, { 'spo2-low': { op: 'lt', item: 'spo2', value: 88 } });
 */
export function zoneFor(plan: ZonePlan, answers: Answers, overrides: Readonly<Record<string, Condition>> = {}): ZoneResult {
  const matched = plan.rules.filter((rule) => evaluateCondition(ruleCondition(rule.id, rule.when, overrides), answers));
  const zone = matched.some((rule) => rule.zone === 'red') ? 'red' : matched.length > 0 ? 'yellow' : 'green';
  return {
    zone,
    matchedRules: matched.map((rule) => rule.id),
    alertRules: matched.filter((rule) => rule.alert === true).map((rule) => rule.id),
  };
}

/**
 * Ids of overrides that name no rule of the plan, e.g. after the module got a new version.
 *
 * @example
 * unknownOverrides(plan, { 'old-rule': condition }); // ['old-rule']
 */
export function unknownOverrides(plan: ZonePlan, overrides: Readonly<Record<string, Condition>>): string[] {
  const ids = new Set(plan.rules.map((rule) => rule.id));
  return Object.keys(overrides).filter((id) => !ids.has(id));
}

function ruleCondition(id: string, when: Condition, overrides: Readonly<Record<string, Condition>>): Condition {
  return Object.hasOwn(overrides, id) ? (overrides[id] as Condition) : when;
}
