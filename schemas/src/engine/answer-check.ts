import type { Module } from '../generated/format.js';
import { pointer } from '../issue.js';
import type { Issue } from '../issue.js';
import { answerValueProblem } from './answer-value-check.js';
import type { Answers } from './answers.js';
import { indexModule } from './module-index.js';
import type { ModuleIndex } from './module-index.js';
import { missingRequired, progress } from './navigation.js';

/** What else {@link checkAnswers} should require beyond well-formed answers. */
export interface CheckAnswersOptions {
  /** Report the required items on this page that are unanswered (nothing when the page is hidden). */
  pageId?: string;
  /** Report every required item on the pages the patient traverses that is unanswered: the module is being finished. */
  requireComplete?: boolean;
  /** A prebuilt index of the module, to skip rebuilding it. */
  index?: ModuleIndex;
}

/**
 * Checks a patient's answers against a module version and returns the problems as issues, in the
 * order the answers were given, then the missing required items in module order. Paths point into a
 * response: `/answers/<item id>` (escaped as a JSON Pointer segment), `/pageId` for an unknown page.
 *
 * Each answer must belong to an item of the module (`answer.unknown_item`) and fit its input:
 * `answer.wrong_type`, `answer.unknown_option`, `answer.duplicate_option`, `answer.too_many_options`,
 * `answer.too_few_options`, `answer.out_of_range`, `answer.off_step`, `answer.not_integer`,
 * `answer.too_many_decimals`, `answer.too_long`, `answer.bad_format`. null clears an answer and always
 * fits. With `pageId` or `requireComplete`, unanswered required items are `answer.required`; which
 * items are required and shown is decided by {@link missingRequired} and {@link progress}, the same
 * functions the patient app navigates with, so the server never demands an answer the app did not ask.
 * Pass the patient's full current answers (stored merged with submitted) so that conditions see them.
 *
 * @example
 * checkAnswers(module, { mood: 'sad' });
 * // [{ code: 'answer.unknown_option', path: '/answers/mood', message: '"mood" must be one of "low" or "high"; …' }]
 */
export function checkAnswers(module: Module, answers: Readonly<Record<string, unknown>>, options: CheckAnswersOptions = {}): Issue[] {
  const index = options.index ?? indexModule(module);
  const issues: Issue[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const path = pointer('answers', itemId);
    const item = index.items.get(itemId);
    if (!item) {
      issues.push({ code: 'answer.unknown_item', path, message: `"${itemId}" is not a question, grid row, instrument item or field of module "${module.id}".`, params: { item: itemId } });
      continue;
    }
    const problem = answerValueProblem(item, value);
    if (problem) issues.push({ code: problem.code, path, message: problem.message, params: problem.params });
  }
  return [...issues, ...requiredIssues(module, answers as Answers, options, index)];
}

function requiredIssues(module: Module, answers: Answers, options: CheckAnswersOptions, index: ModuleIndex): Issue[] {
  const missing: string[] = [];
  if (options.pageId !== undefined) {
    if (!index.pages.has(options.pageId)) {
      return [{ code: 'answer.unknown_page', path: '/pageId', message: `Module "${module.id}" has no page "${options.pageId}".`, params: { pageId: options.pageId } }];
    }
    missing.push(...missingRequired(module, options.pageId, answers, index));
  }
  if (options.requireComplete) {
    for (const pageId of progress(module, answers, { index }).incompletePages) {
      missing.push(...missingRequired(module, pageId, answers, index));
    }
  }
  return [...new Set(missing)].map((itemId) => ({
    code: 'answer.required',
    path: pointer('answers', itemId),
    message: `"${itemId}" on page "${index.items.get(itemId)?.pageId}" is required and has no answer.`,
    params: { item: itemId, pageId: index.items.get(itemId)?.pageId },
  }));
}
