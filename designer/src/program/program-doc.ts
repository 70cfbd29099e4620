import * as Y from 'yjs';
import { moveArrayItem, toYValue } from '@careloom/format/ydoc';

/** The program's scheduled lists, with the schema definition of their entries. */
export const PROGRAM_LISTS = { modules: 'ScheduledModule', measurements: 'Measurement', registrations: 'ScheduledRegistration' } as const;
export type ProgramList = keyof typeof PROGRAM_LISTS;

/** A plain value, a list of plain values, or a list of reminders (the only objects the editor sets whole). */
export type EntryValue = string | number | boolean | ReadonlyArray<string | number> | ReadonlyArray<{ minutesBefore: number; channels?: Array<'app' | 'email'> }>;

// Edits of a program draft in its Y.Doc (layout: schemas/src/ydoc/README.md). Each edit is one
// transaction that touches only the key it changes, so concurrent edits of other fields merge.

function root(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('program');
}

function listOf(doc: Y.Doc, list: ProgramList): Y.Array<Y.Map<unknown>> {
  const existing = root(doc).get(list);
  if (existing instanceof Y.Array) return existing as Y.Array<Y.Map<unknown>>;
  const created = new Y.Array<Y.Map<unknown>>();
  root(doc).set(list, created);
  return created;
}

/** Appends an entry (`json` laid out as the list's schema definition). */
export function addEntry(doc: Y.Doc, list: ProgramList, json: unknown): void {
  doc.transact(() => listOf(doc, list).push([toYValue(json, PROGRAM_LISTS[list]) as Y.Map<unknown>]));
}

export function removeEntry(doc: Y.Doc, list: ProgramList, index: number): void {
  doc.transact(() => listOf(doc, list).delete(index, 1));
}

/** Moves an entry (clone and delete: concurrent edits inside the moved entry are lost, see the ydoc README). */
export function moveEntry(doc: Y.Doc, list: ProgramList, from: number, to: number): void {
  moveArrayItem(listOf(doc, list), from, to);
}

/**
 * Sets (or, with `undefined`, removes) one field of an entry, e.g. `['unlock', 'week']`,
 * `['module', 'version']`, `['weekdays']`. Missing maps on the way are created.
 *
 * @example
 * setEntryValue(doc, 'modules', 0, ['unlock', 'week'], 3);
 */
export function setEntryValue(doc: Y.Doc, list: ProgramList, index: number, path: readonly string[], value: EntryValue | undefined): void {
  doc.transact(() => {
    const entry = listOf(doc, list).get(index);
    if (!(entry instanceof Y.Map)) throw new RangeError(`There is no entry ${index} in ${list}`);
    let map: Y.Map<unknown> = entry;
    for (const key of path.slice(0, -1)) {
      let next = map.get(key);
      if (!(next instanceof Y.Map)) {
        next = new Y.Map<unknown>();
        map.set(key, next);
      }
      map = next as Y.Map<unknown>;
    }
    const key = path[path.length - 1]!;
    if (value === undefined) map.delete(key);
    else map.set(key, yValue(value));
  });
}

/** Sets (or removes) a top-level plain value such as `durationWeeks`. */
export function setProgramValue(doc: Y.Doc, key: 'durationWeeks', value: number | undefined): void {
  doc.transact(() => (value === undefined ? root(doc).delete(key) : root(doc).set(key, value)));
}

/**
 * Replaces a translation of a text (`title`, `summary`) by changing only the differing middle, so
 * concurrent typing elsewhere survives. An emptied summary translation is removed (the format wants
 * none rather than an empty one), and the summary with it when none is left.
 */
export function setProgramText(doc: Y.Doc, key: 'title' | 'summary', language: string, text: string): void {
  doc.transact(() => {
    if (key === 'summary' && text === '') {
      const summary = root(doc).get('summary');
      if (!(summary instanceof Y.Map)) return;
      summary.delete(language);
      if (summary.size === 0) root(doc).delete('summary');
      return;
    }
    let translations = root(doc).get(key);
    if (!(translations instanceof Y.Map)) {
      translations = new Y.Map<Y.Text>();
      root(doc).set(key, translations);
    }
    const map = translations as Y.Map<unknown>;
    const current = map.get(language);
    if (!(current instanceof Y.Text)) {
      map.set(language, new Y.Text(text));
      return;
    }
    const before = current.toString();
    let start = 0;
    while (start < before.length && start < text.length && before[start] === text[start]) start++;
    let end = 0;
    while (end < before.length - start && end < text.length - start && before[before.length - 1 - end] === text[text.length - 1 - end]) end++;
    current.delete(start, before.length - start - end);
    current.insert(start, text.slice(start, text.length - end));
  });
}

/** The strings of a top-level list (`languages`, `tags`). */
export function programStrings(doc: Y.Doc, key: 'languages' | 'tags'): string[] {
  const array = root(doc).get(key);
  return array instanceof Y.Array ? array.toArray().filter((value): value is string => typeof value === 'string') : [];
}

function stringList(doc: Y.Doc, key: 'languages' | 'tags'): Y.Array<string> {
  const existing = root(doc).get(key);
  if (existing instanceof Y.Array) return existing as Y.Array<string>;
  const created = new Y.Array<string>();
  root(doc).set(key, created);
  return created;
}

/** Appends a tag unless it is there already. */
export function addTag(doc: Y.Doc, tag: string): void {
  doc.transact(() => {
    if (!programStrings(doc, 'tags').includes(tag)) stringList(doc, 'tags').push([tag]);
  });
}

/** Removes a tag by value (another editor may have moved it since it was shown); the list goes when it empties. */
export function removeTag(doc: Y.Doc, tag: string): void {
  doc.transact(() => {
    const tags = stringList(doc, 'tags');
    for (let index = tags.length - 1; index >= 0; index--) if (tags.get(index) === tag) tags.delete(index, 1);
    if (tags.length === 0) root(doc).delete('tags');
  });
}

/** Declares a language (once); its translations are then asked for by the validator. */
export function addLanguage(doc: Y.Doc, language: string): void {
  doc.transact(() => {
    if (!programStrings(doc, 'languages').includes(language)) stringList(doc, 'languages').push([language]);
  });
}

/**
 * Drops a language and its title and summary translations in one transaction (one undo step);
 * the default language is refused. Returns how many translations went with it.
 */
export function removeLanguage(doc: Y.Doc, language: string): number {
  if (root(doc).get('defaultLanguage') === language) throw new RangeError(`${language} is the default language`);
  let dropped = 0;
  doc.transact(() => {
    const languages = stringList(doc, 'languages');
    for (let index = languages.length - 1; index >= 0; index--) if (languages.get(index) === language) languages.delete(index, 1);
    for (const key of ['title', 'summary']) {
      const texts = root(doc).get(key);
      if (texts instanceof Y.Map && texts.has(language)) {
        texts.delete(language);
        dropped++;
      }
    }
    const summary = root(doc).get('summary');
    if (summary instanceof Y.Map && summary.size === 0) root(doc).delete('summary');
  });
  return dropped;
}

/** Makes a declared language the default (what patients get when theirs is not offered). */
export function setDefaultLanguage(doc: Y.Doc, language: string): void {
  if (!programStrings(doc, 'languages').includes(language)) throw new RangeError(`${language} is not a declared language`);
  doc.transact(() => root(doc).set('defaultLanguage', language));
}

function yValue(value: EntryValue): unknown {
  if (!Array.isArray(value)) return value;
  const array = new Y.Array<unknown>();
  array.push(value.map((item) => (typeof item === 'object' ? toYValue(item, 'Reminder') : item)));
  return array;
}
