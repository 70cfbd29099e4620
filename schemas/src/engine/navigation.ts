import type { Module, Page } from '../generated/format.js';
import { isAnswered } from './answers.js';
import type { Answers } from './answers.js';
import { evaluateCondition } from './conditions.js';
import { indexModule, itemsByBlock } from './module-index.js';
import type { IndexedItem, ModuleIndex } from './module-index.js';
import { isVisible, visibleBlocks } from './visibility.js';

/** The branch target that finishes the module. */
export const END_OF_MODULE = '#end';

/**
 * The first page a patient sees: the first visible page, or null when no page is visible.
 *
 * @example
 * firstPageId(module, {}); // 'intro'
 */
export function firstPageId(module: Module, answers: Answers): string | null {
  return nextVisibleFrom(module, 0, answers);
}

/**
 * The page after `currentPageId`, or null when the module is finished.
 *
 * The first branch of the current page whose condition holds decides: `'#end'` finishes the module, a
 * page id goes to that page, or, when that page is hidden, to the next visible page after it. When no
 * branch holds, the next visible page in reading order follows. Throws on an unknown page id (current
 * or branch target): the module did not pass validation or the caller mixed up modules.
 *
 * @example
 * nextPageId(module, 'screening', { worried: 'no' }); // '#end' branch taken → null
 */
export function nextPageId(module: Module, currentPageId: string, answers: Answers): string | null {
  const current = pagePosition(module, currentPageId);
  for (const branch of module.pages[current]?.branches ?? []) {
    if (!evaluateCondition(branch.when, answers)) continue;
    if (branch.goTo === END_OF_MODULE) return null;
    return nextVisibleFrom(module, pagePosition(module, branch.goTo), answers);
  }
  return nextVisibleFrom(module, current + 1, answers);
}

/**
 * The ids of the pages a patient traverses from the first page with these answers, in order.
 * A branch back to a page already on the path ends the path there, so a cyclic module still terminates.
 *
 * @example
 * pagePath(module, { worried: 'yes' }); // ['screening', 'details', 'summary']
 */
export function pagePath(module: Module, answers: Answers): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let pageId = firstPageId(module, answers);
  while (pageId !== null && !seen.has(pageId)) {
    seen.add(pageId);
    path.push(pageId);
    pageId = nextPageId(module, pageId, answers);
  }
  return path;
}

/**
 * Ids of the answerable items on a page that must be answered before the patient leaves it and are not:
 * required questions, every row of a required grid, instrument items (unless `required: false`) and
 * required exercise or registration fields, on visible blocks only. A hidden page requires nothing.
 *
 * @example
 * missingRequired(module, 'phq', { phq1: 'a0' }); // ['phq2', …, 'phq9']
 */
export function missingRequired(module: Module, pageId: string, answers: Answers, index?: ModuleIndex): string[] {
  const page = module.pages[pagePosition(module, pageId)] as Page;
  return missingOnPage(page, answers, itemsByBlock(index ?? indexModule(module)));
}

/** Where a patient stands in a module. */
export interface ModuleProgress {
  /** The pages the patient traverses with the current answers ({@link pagePath}); changes as answers change. */
  path: string[];
  /** Pages on the path. */
  totalPages: number;
  /** Pages on the path that show at least one answerable item. */
  questionPages: number;
  /** Of those, pages with at least one answer and no required item missing. */
  answeredPages: number;
  /** Pages on the path with a required item still missing, in path order. */
  incompletePages: string[];
  /** Index of the current page in the path (0-based), or null when it is not on the path or not given. */
  position: number | null;
  /** No required item is missing anywhere on the path: the module can be finished. */
  complete: boolean;
}

/**
 * A summary of a patient's progress through a module, for progress bars and for checking that a
 * submission that finishes the module has every required answer.
 *
 * @example
 * const { position, totalPages, complete } = progress(module, answers, { currentPageId: 'p2' });
 */
export function progress(
  module: Module,
  answers: Answers,
  options: { currentPageId?: string; index?: ModuleIndex } = {},
): ModuleProgress {
  const index = options.index ?? indexModule(module);
  const items = itemsByBlock(index);
  const path = pagePath(module, answers);
  let questionPages = 0;
  let answeredPages = 0;
  const incompletePages: string[] = [];
  for (const pageId of path) {
    const page = module.pages[pagePosition(module, pageId)] as Page;
    const shown = visibleBlocks(page, answers).flatMap((block) => items.get(block.id) ?? []);
    const missing = missingOnPage(page, answers, items);
    if (missing.length > 0) incompletePages.push(pageId);
    if (shown.length === 0) continue;
    questionPages += 1;
    if (missing.length === 0 && shown.some((item) => isAnswered(answers[item.id]))) answeredPages += 1;
  }
  const position = options.currentPageId === undefined ? -1 : path.indexOf(options.currentPageId);
  return {
    path,
    totalPages: path.length,
    questionPages,
    answeredPages,
    incompletePages,
    position: position === -1 ? null : position,
    complete: incompletePages.length === 0,
  };
}

function missingOnPage(page: Page, answers: Answers, items: Map<string, IndexedItem[]>): string[] {
  if (!isVisible(page, answers)) return [];
  const missing: string[] = [];
  for (const block of visibleBlocks(page, answers)) {
    for (const item of items.get(block.id) ?? []) {
      if (item.required && !isAnswered(answers[item.id])) missing.push(item.id);
    }
  }
  return missing;
}

function nextVisibleFrom(module: Module, start: number, answers: Answers): string | null {
  for (let position = start; position < module.pages.length; position += 1) {
    const page = module.pages[position] as Page;
    if (isVisible(page, answers)) return page.id;
  }
  return null;
}

function pagePosition(module: Module, pageId: string): number {
  const position = module.pages.findIndex((page) => page.id === pageId);
  if (position === -1) throw new Error(`Module "${module.id}" has no page "${pageId}".`);
  return position;
}
