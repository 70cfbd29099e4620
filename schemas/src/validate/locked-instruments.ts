import type { InstrumentBlock, Module, ScoredOption } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { pointerSegment } from '../issue.js';
import { checkContext, issue, type CheckContext } from './check-context.js';
import { placedInstruments } from './module-walk.js';
import { localizedValues } from './schema-walk.js';

/**
 * What a new version of a module changed in the instruments the previous version marked
 * `locked` (validated scales): their items (ids, order, reversal, scoring), options (ids, order,
 * scores), scoring, and the wording in any language the previous version had. Adding a
 * translation in a new language is allowed, and so is removing the instrument. Paths point into
 * `next`.
 *
 * @example
 * const issues = checkLockedInstrumentChanges(releasedVersion, draft);
 */
export function checkLockedInstrumentChanges(previous: Module, next: Module): Issue[] {
  const context = checkContext(next, 'module');
  const nextInstruments = placedInstruments(next);
  return placedInstruments(previous).flatMap(({ block: before }) => {
    if (before.locked !== true) return [];
    const found = nextInstruments.find(({ block }) => block.id === before.id);
    return found ? compareInstrument(context, before, found.block, found.path) : [];
  });
}

function compareInstrument(context: CheckContext<Module>, before: InstrumentBlock, after: InstrumentBlock, path: string): Issue[] {
  const name = `Instrument "${before.id}"`;
  const rule = 'is a locked, validated instrument';
  const issues: Issue[] = [];
  if (after.locked !== true) {
    issues.push(issue('locked.unlocked', `${path}/locked`, `${name} ${rule} and cannot be unlocked. Keep "locked": true; make a new instrument for an adapted version.`, { instrument: before.id }));
  }
  const beforeIds = before.items.map((item) => item.id);
  const afterIds = after.items.map((item) => item.id);
  if (beforeIds.join('\n') !== afterIds.join('\n')) {
    issues.push(issue('locked.items_changed', `${path}/items`,
      `${name} ${rule}: its items may not be added, removed, renamed or reordered. Restore the items ${beforeIds.map((id) => `"${id}"`).join(', ')}.`,
      { expected: beforeIds, actual: afterIds }));
  }
  after.items.forEach((item, index) => {
    const old = before.items.find((candidate) => candidate.id === item.id);
    if (!old) return;
    const itemPath = `${path}/items/${index}`;
    if ((old.reversed ?? false) !== (item.reversed ?? false) || (old.scored ?? true) !== (item.scored ?? true)) {
      issues.push(issue('locked.item_changed', itemPath, `${context.where(itemPath)} belongs to a locked instrument: whether it is reversed or scored may not change.`, { item: item.id }));
    }
    issues.push(...compareOptions(context, old.options, item.options, `${itemPath}/options`, name, rule));
  });
  issues.push(...compareOptions(context, before.options, after.options, `${path}/options`, name, rule));
  if (stableJson(withoutProtocol(withoutTexts(before, 'scoring'))) !== stableJson(withoutProtocol(withoutTexts(after, 'scoring')))) {
    issues.push(issue('locked.scoring_changed', `${path}/scoring`,
      `${name} ${rule}: its scoring (total, subscales, missing-item rule, bands and alert rules) may not change. Restore the previous scoring; only translations may be added.`, { instrument: before.id }));
  }
  const afterTexts = new Map(localizedValues('instrument.schema.json', after).map((found) => [found.path, found.value]));
  for (const { path: beforePath, value } of localizedValues('instrument.schema.json', before)) {
    const textPath = matchingPath(before, after, beforePath);
    // An item or option that is gone or renamed is reported above.
    if (textPath === undefined) continue;
    const now = afterTexts.get(textPath);
    for (const [language, text] of Object.entries(value)) {
      if (now && stableJson(now[language]) === stableJson(text)) continue;
      const changedPath = `${path}${textPath}/${pointerSegment(language)}`;
      issues.push(issue('locked.text_changed', changedPath,
        `${capitalizeFirst(context.at(`${path}${textPath}`))} in "${language}" belongs to a locked instrument and may not change. Restore the validated wording; only new languages may be added.`,
        { language }));
    }
  }
  return issues;
}

function compareOptions(context: CheckContext<Module>, before: ScoredOption[] | undefined, after: ScoredOption[] | undefined, path: string, name: string, rule: string): Issue[] {
  const shape = (options: ScoredOption[] | undefined) => (options ?? []).map((option) => `${option.id}=${option.score}`).join('\n');
  if (shape(before) === shape(after)) return [];
  const list = (before ?? []).map((option) => `"${option.id}" (${option.score})`).join(', ') || 'none';
  return [issue('locked.options_changed', path,
    `${name} ${rule}: the options of ${context.at(path.replace(/\/options$/, ''))} (ids, order and scores) may not change. Restore them: ${list}.`,
    { expected: (before ?? []).map(({ id, score }) => ({ id, score })) })];
}

/** The path in `after` of the text at `path` in `before`, following items and options by id when they moved. */
function matchingPath(before: InstrumentBlock, after: InstrumentBlock, path: string): string | undefined {
  const segments = path.slice(1).split('/');
  const follow = (list: Array<{ id: string }> | undefined, next: Array<{ id: string }> | undefined, at: number): boolean => {
    const id = list?.[Number(segments[at])]?.id;
    const index = next?.findIndex((entry) => entry.id === id) ?? -1;
    if (id === undefined || index === -1) return false;
    segments[at] = String(index);
    return true;
  };
  if (segments[0] === 'options' && !follow(before.options, after.options, 1)) return undefined;
  if (segments[0] === 'items') {
    const item = before.items[Number(segments[1])];
    if (!follow(before.items, after.items, 1)) return undefined;
    const moved = after.items[Number(segments[1])];
    if (segments[2] === 'options' && !follow(item?.options, moved?.options, 3)) return undefined;
  }
  return `/${segments.join('/')}`;
}

/** A part of an instrument with its translated texts blanked, so that adding a language is no change. */
function withoutTexts(instrument: InstrumentBlock, key: 'scoring'): unknown {
  const copy = JSON.parse(JSON.stringify(instrument)) as Record<string, unknown>;
  for (const { path } of localizedValues('instrument.schema.json', instrument)) {
    if (!path.startsWith(`/${key}/`)) continue;
    const segments = path.slice(1).split('/');
    const last = segments.pop() as string;
    const parent = segments.reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], copy) as Record<string, unknown>;
    parent[last] = null;
  }
  return copy[key];
}

/**
 * Scoring without the alert rules' response deadlines: how soon the care team answers is the
 * service's safety protocol, which a service sets on a validated instrument too.
 */
function withoutProtocol(scoring: unknown): unknown {
  const alerts = (scoring as { alerts?: Array<Record<string, unknown>> } | undefined)?.alerts;
  if (!Array.isArray(alerts)) return scoring;
  return { ...(scoring as object), alerts: alerts.map(({ response: _response, ...rule }) => rule) };
}

/** JSON with object keys sorted, for comparing regardless of key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node && typeof node === 'object' && !Array.isArray(node)
      ? Object.fromEntries(Object.entries(node as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
      : node);
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
