import type { Module, Page } from '../generated/format.js';
import type { AnswerValue, Answers } from './answers.js';
import { indexModule, itemsByBlock } from './module-index.js';
import type { ModuleIndex } from './module-index.js';
import { firstPageId, nextPageId } from './navigation.js';
import { isVisible } from './visibility.js';

/**
 * The answers that still count: those to items on visible blocks of the pages the patient traverses.
 *
 * A patient who goes back and changes an answer can hide a block or branch past a page they already
 * filled in; the stale answers stay in the stored answers but must not steer later conditions or be
 * scored. The path is walked in reading order, and every visibility and branch condition is evaluated
 * only on the answers kept so far (conditions refer to earlier answers), so a stale answer never
 * keeps another one alive. Registration entries are answered apart from the page flow; this is for
 * a walk through the module's pages.
 *
 * @example
 * relevantAnswers(module, { smoker: false, cigarettesPerDay: 20 }); // { smoker: false }
 */
export function relevantAnswers(module: Module, answers: Answers, index?: ModuleIndex): Record<string, AnswerValue> {
  const items = itemsByBlock(index ?? indexModule(module));
  const pages = new Map(module.pages.map((page) => [page.id, page] as const));
  const kept: Record<string, AnswerValue> = {};
  const seen = new Set<string>();
  let pageId = firstPageId(module, kept);
  while (pageId !== null && !seen.has(pageId)) {
    seen.add(pageId);
    for (const block of (pages.get(pageId) as Page).blocks) {
      if (!isVisible(block, kept)) continue;
      for (const item of items.get(block.id) ?? []) {
        const value = answers[item.id];
        if (value !== undefined) kept[item.id] = value;
      }
    }
    pageId = nextPageId(module, pageId, kept);
  }
  return kept;
}
