import type { CompareCondition, Condition, NumericOp } from '../generated/format.js';
import { isAnswered } from './answers.js';
import type { AnswerValue, Answers } from './answers.js';

/**
 * Whether a condition holds for the given answers.
 *
 * - `eq`/`ne`/`gt`/`gte`/`lt`/`lte` compare the answer with `value`: numbers numerically, option ids
 *   and booleans only by `eq`/`ne`. An unanswered item, or an answer of another type than `value`,
 *   makes every comparison false, `ne` included, so "not yes" never holds for a question left blank.
 * - `includes` holds when a multiple-choice answer lists the option id.
 * - `answered` holds when the item has an answer (see {@link isAnswered}).
 * - `all`, `any` and `not` combine conditions.
 *
 * Throws on an unknown `op`: the module did not pass validation.
 *
 * @example
 * evaluateCondition({ op: 'gte', item: 'sleepHours', value: 7 }, { sleepHours: 8 }); // true
 * evaluateCondition({ op: 'ne', item: 'smoker', value: true }, {}); // false: unanswered
 */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  switch (condition.op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareAnswer(answers[condition.item], condition);
    case 'includes': {
      const answer = answers[condition.item];
      return Array.isArray(answer) && answer.includes(condition.value);
    }
    case 'answered':
      return isAnswered(answers[condition.item]);
    case 'all':
      return condition.conditions.every((child) => evaluateCondition(child, answers));
    case 'any':
      return condition.conditions.some((child) => evaluateCondition(child, answers));
    case 'not':
      return !evaluateCondition(condition.condition, answers);
    default:
      throw new Error(`Unknown condition op ${JSON.stringify((condition as { op?: unknown }).op)}.`);
  }
}

function compareAnswer(answer: AnswerValue | undefined, condition: CompareCondition): boolean {
  if (!isAnswered(answer) || answer === undefined || answer === null || Array.isArray(answer)) return false;
  const { op, value } = condition;
  if (typeof answer === 'number' && typeof value === 'number') return compareNumbers(answer, op, value);
  if (typeof answer !== typeof value) return false;
  if (op === 'eq') return answer === value;
  if (op === 'ne') return answer !== value;
  // Option ids and booleans have no order.
  return false;
}

/**
 * Compares two numbers with a numeric operator.
 *
 * @example
 * compareNumbers(3, 'gte', 3); // true
 */
export function compareNumbers(left: number, op: NumericOp, right: number): boolean {
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    default:
      throw new Error(`Unknown comparison op ${JSON.stringify(op)}.`);
  }
}
