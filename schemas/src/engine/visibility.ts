import type { Block, Condition, Page } from '../generated/format.js';
import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';

/**
 * Whether a page or block is shown: it has no `visibleWhen`, or its condition holds.
 *
 * @example
 * isVisible({ visibleWhen: { op: 'eq', item: 'smoker', value: true } }, { smoker: false }); // false
 */
export function isVisible(node: { visibleWhen?: Condition }, answers: Answers): boolean {
  return node.visibleWhen === undefined || evaluateCondition(node.visibleWhen, answers);
}

/**
 * The blocks of a page that are shown for these answers, in page order.
 * Does not look at the page's own `visibleWhen`; see {@link isVisible}.
 */
export function visibleBlocks(page: Page, answers: Answers): Block[] {
  return page.blocks.filter((block) => isVisible(block, answers));
}
