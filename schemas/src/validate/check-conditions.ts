import { indexModule, type IndexedItem, type ModuleIndex } from '../engine/module-index.js';
import { answerValueProblem } from '../engine/answer-value-check.js';
import { EARLIEST_DATE, LATEST_DATE } from '../engine/calendar-date.js';
import type { Condition, Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, listWords, quoteAll, type CheckContext } from './check-context.js';
import { placedBlocks, placedRegistrations } from './module-walk.js';

/** Where a condition sits, which decides which items it may use. */
type Scope =
  | { kind: 'page'; pageIndex: number }
  | { kind: 'block'; pageIndex: number; blockIndex: number }
  | { kind: 'branch'; pageIndex: number }
  | { kind: 'zone'; blockId: string };

/**
 * Conditions use answers that exist when they are evaluated: a block's `visibleWhen` items of
 * earlier blocks, a page's `visibleWhen` items of earlier pages, a branch items of its page or
 * earlier ones, a zone rule the fields of its own registration. Each comparison must suit the
 * item: numbers for gt/gte/lt/lte, an option id for eq/ne on a choice, a boolean for yes/no,
 * `includes` only on multiple choice. Branches go forward, to an existing page or '#end'.
 */
export function checkConditions(context: CheckContext<Module>): Issue[] {
  const index = indexModule(context.doc);
  const issues: Issue[] = [];
  const check = (condition: Condition | undefined, path: string, scope: Scope) => {
    if (condition) issues.push(...checkCondition(context, index, condition, path, scope));
  };
  context.doc.pages.forEach((page, pageIndex) => {
    check(page.visibleWhen, `/pages/${pageIndex}/visibleWhen`, { kind: 'page', pageIndex });
    (page.branches ?? []).forEach((branch, branchIndex) => {
      const path = `/pages/${pageIndex}/branches/${branchIndex}`;
      check(branch.when, `${path}/when`, { kind: 'branch', pageIndex });
      issues.push(...checkGoTo(context, index, branch.goTo, `${path}/goTo`, pageIndex));
    });
  });
  for (const { block, path, pageIndex, blockIndex } of placedBlocks(context.doc)) {
    check(block.visibleWhen, `${path}/visibleWhen`, { kind: 'block', pageIndex, blockIndex });
  }
  for (const { block, path } of placedRegistrations(context.doc)) {
    (block.zones?.rules ?? []).forEach((rule, ruleIndex) => check(rule.when, `${path}/zones/rules/${ruleIndex}/when`, { kind: 'zone', blockId: block.id }));
  }
  return issues;
}

function checkGoTo(context: CheckContext<Module>, index: ModuleIndex, goTo: string, path: string, pageIndex: number): Issue[] {
  if (goTo === '#end') return [];
  const target = index.pages.get(goTo);
  const branch = context.where(path.replace(/\/goTo$/, ''));
  if (!target) {
    return [issue('branch.unknown_page', path, `${branch} goes to "${goTo}", which is not a page of this module. Pick an existing page or "#end".`, { goTo })];
  }
  if (target.index <= pageIndex) {
    return [issue('branch.backward', path, `${branch} goes back to page ${target.index + 1} ("${goTo}"). Branches only go forward: pick a later page or "#end".`, { goTo })];
  }
  return [];
}

function checkCondition(context: CheckContext<Module>, index: ModuleIndex, condition: Condition, path: string, scope: Scope): Issue[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap((child, childIndex) => checkCondition(context, index, child, `${path}/conditions/${childIndex}`, scope));
    case 'not':
      return checkCondition(context, index, condition.condition, `${path}/condition`, scope);
    default:
      break;
  }
  const item = index.items.get(condition.item);
  const it = context.where(path);
  if (!item) {
    return [issue('reference.unknown_item', `${path}/item`,
      `${it} refers to "${condition.item}", which is not a question, grid row, instrument item or field of this module. Pick an existing one.`, { item: condition.item })];
  }
  const order = misplaced(item, scope);
  if (order) return [issue(order.code, `${path}/item`, `${it} refers to "${condition.item}", ${order.reason}`, { item: condition.item })];
  if (condition.op === 'answered') return [];
  const kind = itemKind(item);
  const optionIds = (item.options ?? []).map((option) => option.id);
  if (condition.op === 'includes') {
    if (item.shape !== 'options') {
      return [issue('reference.wrong_kind', `${path}/op`, `${it} uses "includes" on "${item.id}", which is ${kind}; "includes" only works on multiple-choice questions. Use "eq" instead.`, { item: item.id, op: condition.op })];
    }
    return optionIds.includes(condition.value) ? [] : [notAnOption(it, path, item, condition.value, optionIds)];
  }
  const value = condition.value;
  const ordered = condition.op !== 'eq' && condition.op !== 'ne';
  if (ordered && item.shape !== 'number') {
    return [issue('reference.wrong_kind', `${path}/op`, `${it} compares "${item.id}" with "${condition.op}", but "${item.id}" is ${kind}, which has no order. Greater and less than only work on numbers.`, { item: item.id, op: condition.op })];
  }
  switch (item.shape) {
    case 'options':
      return [issue('reference.wrong_kind', `${path}/op`, `${it} uses "${condition.op}" on "${item.id}", which is ${kind}. Use "includes" to test whether an option was picked.`, { item: item.id, op: condition.op })];
    case 'option':
      return typeof value === 'string' && optionIds.includes(value) ? [] : [notAnOption(it, path, item, value, optionIds)];
    case 'number':
      return typeof value === 'number' ? [] : [wrongValue(it, path, item, value, 'a number')];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [wrongValue(it, path, item, value, 'true or false')];
    case 'dateTime': {
      // A date compared with must be one an answer can be: well-formed, and in the supported range.
      const problem = typeof value === 'string' ? answerValueProblem(item, value) : { message: '' };
      return problem === null ? [] : [wrongValue(it, path, item, value, `a date or time written like its answers, from ${EARLIEST_DATE} to ${LATEST_DATE}`)];
    }
    default:
      return typeof value === 'string' ? [] : [wrongValue(it, path, item, value, 'text')];
  }
}

function misplaced(item: IndexedItem, scope: Scope): { code: string; reason: string } | undefined {
  const [pageIndex, blockIndex] = placeOf(item);
  switch (scope.kind) {
    case 'page':
      return pageIndex < scope.pageIndex ? undefined
        : { code: 'reference.later_item', reason: 'which is on this page or a later one. A page can only depend on answers from earlier pages.' };
    case 'block':
      return pageIndex < scope.pageIndex || (pageIndex === scope.pageIndex && blockIndex < scope.blockIndex) ? undefined
        : { code: 'reference.later_item', reason: 'which does not come before it. A condition can only use answers given earlier in the module.' };
    case 'branch':
      return pageIndex <= scope.pageIndex ? undefined
        : { code: 'reference.later_item', reason: 'which is on a later page. A branch can only use answers from its own page or earlier ones.' };
    case 'zone':
      return item.blockId === scope.blockId && item.source === 'field' ? undefined
        : { code: 'reference.outside_registration', reason: 'which is not a field of this registration. A zone rule can only use the fields of its own entry.' };
  }
}

/** Page and block index of an item, read from its path (/pages/P/blocks/B/…). */
function placeOf(item: IndexedItem): [number, number] {
  const match = /^\/pages\/(\d+)\/blocks\/(\d+)/.exec(item.path);
  return [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
}

function notAnOption(it: string, path: string, item: IndexedItem, value: unknown, optionIds: string[]): Issue {
  return issue('reference.invalid_value', `${path}/value`,
    `${it} tests "${item.id}" for ${JSON.stringify(value)}, which is not one of its options (${listWords(quoteAll(optionIds))}). Use an option id.`,
    { item: item.id, value, allowed: optionIds });
}

function wrongValue(it: string, path: string, item: IndexedItem, value: unknown, expected: string): Issue {
  return issue('reference.invalid_value', `${path}/value`,
    `${it} compares "${item.id}" with ${JSON.stringify(value)}, but "${item.id}" is ${itemKind(item)}, so the value must be ${expected}.`,
    { item: item.id, value, expected });
}

const inputWords: Record<string, string> = {
  singleChoice: 'single-choice', multipleChoice: 'multiple-choice', scale: 'scale', slider: 'slider', number: 'number',
  text: 'text', dateTime: 'date/time', yesNo: 'yes/no',
};

/** 'a yes/no question', 'a grid row', …: what an item is, for messages. */
function itemKind(item: IndexedItem): string {
  if (item.source === 'gridRow') return 'a grid row';
  if (item.source === 'instrumentItem') return 'an instrument item';
  const noun = item.source === 'field' ? 'field' : 'question';
  const kind = item.input ? (inputWords[item.input.kind] ?? item.input.kind) : '';
  return `a ${kind} ${noun}`.replace(/^a ([aeiou])/, 'an $1');
}
