import { indexModule } from '../engine/module-index.js';
import type { Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, type CheckContext } from './check-context.js';
import { optionLists, placedInstruments, placedRegistrations } from './module-walk.js';

/**
 * Ids that must differ: pages, blocks, questions, grid rows, instrument items and fields across the
 * whole module (answers and conditions are keyed by them); options within their list; an
 * instrument's subscales, bands and alert rules; a registration's zone rules.
 */
export function checkIds(context: CheckContext<Module>): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, string>();
  for (const { id, path } of indexModule(context.doc).declaredIds) {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, path);
      continue;
    }
    issues.push(issue('ids.duplicate', `${path}/id`,
      `${context.where(path)} has the id "${id}", which ${context.at(earlier)} already has. Ids must be unique in the module: rename one of them.`,
      { id, firstPath: `${earlier}/id` }));
  }
  const lists = optionLists(context.doc).map(({ options, path }) => ({ entries: options, path, what: 'option' }));
  for (const { block, path } of placedInstruments(context.doc)) {
    lists.push({ entries: block.scoring.subscales ?? [], path: `${path}/scoring/subscales`, what: 'subscale' });
    lists.push({ entries: block.scoring.bands, path: `${path}/scoring/bands`, what: 'band' });
    lists.push({ entries: block.scoring.alerts ?? [], path: `${path}/scoring/alerts`, what: 'alert rule' });
  }
  for (const { block, path } of placedRegistrations(context.doc)) {
    lists.push({ entries: block.zones?.rules ?? [], path: `${path}/zones/rules`, what: 'zone rule' });
  }
  for (const { entries, path, what } of lists) issues.push(...duplicatesInList(context, entries, path, what));
  return issues;
}

function duplicatesInList(context: CheckContext<Module>, entries: ReadonlyArray<{ id: string }>, listPath: string, what: string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  entries.forEach(({ id }, index) => {
    const earlier = seen.get(id);
    if (earlier === undefined) {
      seen.set(id, index);
      return;
    }
    const path = `${listPath}/${index}`;
    issues.push(issue('ids.duplicate_in_list', `${path}/id`,
      `${context.where(path)} has the same id as ${what} ${earlier + 1}. Each ${what} in a list needs its own id: rename one of them.`,
      { id, firstPath: `${listPath}/${earlier}/id` }));
  });
  return issues;
}
