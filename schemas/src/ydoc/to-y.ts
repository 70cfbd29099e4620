import * as Y from 'yjs';
import { pointerSegment } from '../issue.js';
import { checkDepth, isPlainObject, notJson } from './json-value.js';
import { orderKeys } from './key-order.js';
import { richTextToYXmlFragment } from './rich-text-to-y.js';
import { childLocation, resolveUnion, shapeOf, type SchemaLocation, type Shape } from './schema-location.js';

/**
 * Builds the Y value for a JSON value at a place the schema describes (`location`; undefined where
 * the schema says nothing): Y.Map for objects, Y.Array for arrays, a Y.Map of Y.Text for a
 * LocalizedText, a Y.Map of Y.XmlFragment for a LocalizedRichText, the value itself otherwise.
 * The result is not yet integrated: set or insert it into a doc's type inside one transaction.
 * Properties set to undefined are left out.
 */
export function toY(value: unknown, location: SchemaLocation | undefined, path: string, depth = 0): unknown {
  checkDepth(depth, path);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : notJson(value, path);
  const shape = location ? shapeOf(location) : undefined;
  if (Array.isArray(value)) {
    const items = shape?.kind === 'array' ? shape.items : undefined;
    const array = new Y.Array<unknown>();
    array.insert(0, value.map((item: unknown, index) => toY(item, items, `${path}/${index}`, depth + 1)));
    return array;
  }
  if (!isPlainObject(value)) return notJson(value, path);
  if (shape?.kind === 'localizedText') return localizedTextToY(value, path, depth);
  if (shape?.kind === 'localizedRichText') return localizedRichTextToY(value, path);
  return objectToY(value, shape, path, depth);
}

function objectToY(value: Record<string, unknown>, shape: Shape | undefined, path: string, depth: number): Y.Map<unknown> {
  const resolved = resolveUnion(shape, value[shape?.kind === 'union' ? shape.tag : '']);
  const map = new Y.Map<unknown>();
  for (const key of orderKeys(Object.keys(value), resolved)) {
    if (value[key] === undefined) continue;
    map.set(key, toY(value[key], childLocation(resolved, key), `${path}/${pointerSegment(key)}`, depth + 1));
  }
  return map;
}

function localizedTextToY(value: Record<string, unknown>, path: string, depth: number): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const language of Object.keys(value).sort()) {
    const text = value[language];
    if (text === undefined) continue;
    map.set(language, typeof text === 'string' ? new Y.Text(text) : toY(text, undefined, `${path}/${pointerSegment(language)}`, depth + 1));
  }
  return map;
}

function localizedRichTextToY(value: Record<string, unknown>, path: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const language of Object.keys(value).sort()) {
    if (value[language] === undefined) continue;
    map.set(language, richTextToYXmlFragment(value[language], new Y.XmlFragment(), `${path}/${pointerSegment(language)}`));
  }
  return map;
}
