import * as Y from 'yjs';
import { localizedValues } from '@careloom/format/validate';
import { pointerSegments } from '@careloom/format/validate';
import { yDocToModule } from '@careloom/format/ydoc';

/** The form of a language tag the format accepts ('sv', 'nb', 'en-GB'). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/**
 * The Y.Maps of every translated text in a module draft (LocalizedText: language → Y.Text;
 * LocalizedRichText: language → Y.XmlFragment), found by walking the schema as the validator
 * does, not by a list of fields here.
 */
export function translatedTextMaps(doc: Y.Doc): Array<Y.Map<unknown>> {
  const root = doc.getMap('module');
  const maps: Array<Y.Map<unknown>> = [];
  for (const { path } of localizedValues('module.schema.json', yDocToModule(doc))) {
    const found = resolve(root, pointerSegments(path));
    if (found) maps.push(found);
  }
  return maps;
}

/** How many texts of the draft have a translation in `language`. */
export function translationCount(doc: Y.Doc, language: string): number {
  return translatedTextMaps(doc).filter((map) => map.has(language)).length;
}

/**
 * Drops a language from the draft: from `languages` and from every translated text. Call it
 * inside one transaction (the caller's `session.transact`) so that it is undone as one step.
 * Returns how many translations were dropped.
 */
export function dropLanguage(doc: Y.Doc, language: string): number {
  const root = doc.getMap('module');
  const maps = translatedTextMaps(doc).filter((map) => map.has(language));
  for (const map of maps) map.delete(language);
  const languages = root.get('languages');
  if (languages instanceof Y.Array) {
    for (let index = languages.length - 1; index >= 0; index -= 1) if (languages.get(index) === language) languages.delete(index, 1);
  }
  return maps.length;
}

function resolve(root: Y.Map<unknown>, segments: readonly string[]): Y.Map<unknown> | undefined {
  let current: unknown = root;
  for (const segment of segments) {
    if (current instanceof Y.Map) current = current.get(segment);
    else if (current instanceof Y.Array) current = current.get(Number(segment));
    else return undefined;
  }
  return current instanceof Y.Map ? (current as Y.Map<unknown>) : undefined;
}
