import type { AnswerShape } from '@careloom/format/engine';
import type { AnswerableItem } from './answerable-items.js';

export type SimpleOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'includes' | 'answered';

/** The tests that suit an item's answer, as the validator accepts them. */
export function opsFor(shape: AnswerShape): SimpleOp[] {
  switch (shape) {
    case 'option':
      return ['eq', 'ne', 'answered'];
    case 'options':
      return ['includes', 'answered'];
    case 'number':
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'answered'];
    case 'boolean':
      return ['eq', 'answered'];
    default:
      return ['answered'];
  }
}

/** The value a new test on an item starts with (its first option, yes, or 0). */
export function defaultValue(item: AnswerableItem, op: SimpleOp): string | number | boolean | undefined {
  if (op === 'answered') return undefined;
  if (item.shape === 'option' || item.shape === 'options') return item.options[0]?.id ?? '';
  if (item.shape === 'boolean') return true;
  return 0;
}

/** A new simple condition on an item: its first suitable test with a default value. */
export function defaultCondition(item: AnswerableItem): Record<string, unknown> {
  const op = opsFor(item.shape)[0] ?? 'answered';
  const value = defaultValue(item, op);
  return value === undefined ? { op, item: item.id } : { op, item: item.id, value };
}
