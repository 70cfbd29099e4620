import { pointerSegment } from '../../issue.js';
import { entityCategory, propertyCategory } from './categories.js';
import type { ChangeCategory, DocumentChange } from './change.js';
import { isRichTextDoc, richTextToPlain } from './plain-text.js';
import { wordDiff } from './word-diff.js';

/** Arrays whose elements are matched by identity rather than position, and what their elements are called. */
const KEYED_ARRAYS: Record<string, { entity: string; key: string }> = {
  pages: { entity: 'page', key: 'id' },
  blocks: { entity: 'block', key: 'id' },
  options: { entity: 'option', key: 'id' },
  items: { entity: 'item', key: 'id' },
  rows: { entity: 'row', key: 'id' },
  fields: { entity: 'field', key: 'id' },
  bands: { entity: 'band', key: 'id' },
  subscales: { entity: 'subscale', key: 'id' },
  alerts: { entity: 'alert', key: 'id' },
  rules: { entity: 'zoneRule', key: 'id' },
  tests: { entity: 'test', key: 'name' },
  modules: { entity: 'module', key: 'key' },
  measurements: { entity: 'measurement', key: 'id' },
  registrations: { entity: 'registration', key: 'id' },
  captions: { entity: 'captionTrack', key: 'language' },
};

interface Place {
  before: string;
  after: string;
  /** Ids of enclosing entities. */
  within: string[];
  /** Property names from the nearest entity down. */
  properties: string[];
  /** The languages a translation map may have. */
  languages: ReadonlySet<string>;
}

type Json = unknown;
type JsonObject = Record<string, Json>;

/**
 * The structural difference between two versions of a module (or program): pages, blocks, items,
 * options, scoring, bands, alerts, zones and schedule entries added, removed, moved or changed,
 * matched by their ids so a reorder is a move and not a rewrite; text changes come word by word,
 * per language. Changes are listed in document order of the newer version, removals where they were.
 *
 * @example
 * diffDocuments(v1, v2).filter((change) => change.category === 'logic');
 */
export function diffDocuments(before: Json, after: Json): DocumentChange[] {
  const changes: DocumentChange[] = [];
  const languages = new Set<string>([...languagesOf(before), ...languagesOf(after)]);
  diffValue(before, after, { before: '', after: '', within: [], properties: [], languages }, changes);
  return changes;
}

function diffValue(before: Json, after: Json, place: Place, changes: DocumentChange[]): void {
  if (deepEqual(before, after)) return;
  const parent = place.properties[place.properties.length - 1];
  if (Array.isArray(before) && Array.isArray(after) && parent !== undefined && KEYED_ARRAYS[parent] && keyed(before, after, KEYED_ARRAYS[parent].key)) {
    diffKeyedArray(before as JsonObject[], after as JsonObject[], KEYED_ARRAYS[parent], place, changes);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some(isPlainObject)) {
    // Unkeyed lists (branches, conditions) of the same length: compare position by position for a precise path.
    before.forEach((element, index) => diffValue(element, after[index], indexPlace(place, index), changes));
    return;
  }
  if (isTranslationMap(before, place.languages) && isTranslationMap(after, place.languages)) {
    diffTranslations(before as JsonObject, after as JsonObject, place, changes);
    return;
  }
  if (isPlainObject(before) && isPlainObject(after) && !isRichTextDoc(before) && !isRichTextDoc(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
    for (const key of keys) {
      const child = childPlace(place, key);
      if (!(key in before)) changes.push(propertyChange('added', child, undefined, after[key]));
      else if (!(key in after)) changes.push(propertyChange('removed', child, before[key], undefined));
      else diffValue(before[key], after[key], child, changes);
    }
    return;
  }
  changes.push(propertyChange('changed', place, before, after));
}

function diffKeyedArray(before: JsonObject[], after: JsonObject[], spec: { entity: string; key: string }, place: Place, changes: DocumentChange[]): void {
  const beforeIndex = new Map(before.map((element, index) => [String(element[spec.key]), index]));
  const afterIds = new Set(after.map((element) => String(element[spec.key])));
  const kept = after.map((element) => beforeIndex.get(String(element[spec.key]))).filter((index): index is number => index !== undefined);
  const stayed = longestIncreasing(kept);
  after.forEach((element, index) => {
    const id = String(element[spec.key]);
    const entityPlace = elementPlace(place, id, index, beforeIndex.get(id));
    const previous = beforeIndex.get(id);
    if (previous === undefined) {
      changes.push(entityChange('added', spec.entity, id, entityPlace, undefined, element));
      return;
    }
    if (!stayed.has(previous)) changes.push(entityChange('moved', spec.entity, id, entityPlace, before[previous], element));
    diffValue(before[previous], element, entityPlace, changes);
  });
  before.forEach((element, index) => {
    const id = String(element[spec.key]);
    if (afterIds.has(id)) return;
    const entityPlace = { ...elementPlace(place, id, index, index), after: place.after };
    changes.push({ ...entityChange('removed', spec.entity, id, entityPlace, element, undefined), path: entityPlace.before });
  });
}

function diffTranslations(before: JsonObject, after: JsonObject, place: Place, changes: DocumentChange[]): void {
  const languages = [...Object.keys(after), ...Object.keys(before).filter((language) => !(language in after))];
  for (const language of languages) {
    const child = childPlace(place, language, false);
    const [old, now] = [before[language], after[language]];
    if (deepEqual(old, now)) continue;
    const kind = old === undefined ? 'added' : now === undefined ? 'removed' : 'changed';
    const change = propertyChange(kind, child, old, now, 'wording');
    change.language = language;
    change.entity = kind === 'changed' ? 'text' : 'translation';
    change.summary = `${describeOwner(place)}: ${language} ${propertyName(place)} ${kind === 'changed' ? 'reworded' : kind}`;
    changes.push(change);
  }
}

function propertyChange(kind: DocumentChange['kind'], place: Place, before: Json, after: Json, category?: ChangeCategory): DocumentChange {
  const change: DocumentChange = {
    kind,
    entity: 'property',
    id: place.within[place.within.length - 1] ?? '',
    within: place.within.slice(0, -1),
    path: kind === 'removed' ? place.before : place.after,
    property: place.properties.join('/'),
    category: category ?? propertyCategory(place.properties),
    summary: '',
  };
  if (place.before !== change.path) change.beforePath = place.before;
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  const [oldText, newText] = [textOf(before), textOf(after)];
  if (kind === 'changed' && oldText !== undefined && newText !== undefined) change.words = wordDiff(oldText, newText);
  change.summary =
    kind === 'changed' && change.words
      ? `${describeOwner(place)}: ${propertyName(place)} reworded`
      : kind === 'changed'
        ? `${describeOwner(place)}: ${propertyName(place)} changed from ${short(before)} to ${short(after)}`
        : `${describeOwner(place)}: ${propertyName(place)} ${kind}`;
  return change;
}

function entityChange(kind: DocumentChange['kind'], entity: string, id: string, place: Place, before: Json, after: Json): DocumentChange {
  const change: DocumentChange = {
    kind,
    entity,
    id,
    within: place.within.slice(0, -1),
    path: place.after,
    category: entityCategory(entity, after ?? before),
    summary: `${capitalise(entity)} "${id}" ${kind}`,
  };
  if (place.before !== place.after) change.beforePath = place.before;
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

function elementPlace(place: Place, id: string, afterIndex: number, beforeIndex: number | undefined): Place {
  return {
    before: beforeIndex === undefined ? place.before : `${place.before}/${beforeIndex}`,
    after: `${place.after}/${afterIndex}`,
    within: [...place.within, id],
    properties: [],
    languages: place.languages,
  };
}

function indexPlace(place: Place, index: number): Place {
  return { ...place, before: `${place.before}/${index}`, after: `${place.after}/${index}` };
}

function childPlace(place: Place, key: string, isProperty = true): Place {
  const segment = `/${pointerSegment(key)}`;
  return {
    before: place.before + segment,
    after: place.after + segment,
    within: place.within,
    properties: isProperty ? [...place.properties, key] : place.properties,
    languages: place.languages,
  };
}

function describeOwner(place: Place): string {
  const id = place.within[place.within.length - 1];
  return id === undefined ? 'Document' : `"${id}"`;
}

function propertyName(place: Place): string {
  return place.properties.join('.') || 'value';
}

function textOf(value: Json): string | undefined {
  if (typeof value === 'string') return value;
  if (isRichTextDoc(value)) return richTextToPlain(value);
  return undefined;
}

function short(value: Json): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function languagesOf(document: Json): string[] {
  const languages = isPlainObject(document) ? document.languages : undefined;
  return Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : [];
}

function isTranslationMap(value: Json, languages: ReadonlySet<string>): boolean {
  if (!isPlainObject(value) || languages.size === 0) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, text]) => languages.has(key) && (typeof text === 'string' || isRichTextDoc(text)));
}

function keyed(before: Json[], after: Json[], key: string): boolean {
  const ids = (list: Json[]) => list.map((element) => (isPlainObject(element) ? element[key] : undefined));
  const all = [...ids(before), ...ids(after)];
  if (!all.every((id) => typeof id === 'string' || typeof id === 'number')) return false;
  // Duplicate ids (an invalid draft) cannot be matched reliably; fall back to comparing the whole list.
  return new Set(ids(before)).size === before.length && new Set(ids(after)).size === after.length;
}

/** Positions (values of `sequence`) on one longest strictly increasing subsequence: the elements that did not move. */
function longestIncreasing(sequence: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(sequence.length).fill(-1);
  sequence.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sequence[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const stayed = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index] as number) stayed.add(sequence[index] as number);
  return stayed;
}

function isPlainObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((element, index) => deepEqual(element, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
}
