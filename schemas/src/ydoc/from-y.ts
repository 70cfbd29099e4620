import * as Y from 'yjs';
import { pointerSegment } from '../issue.js';
import { checkDepth, isPlainObject, notJson, plainJson } from './json-value.js';
import { orderKeys } from './key-order.js';
import { YDocLayoutError } from './layout-error.js';
import { yXmlFragmentToRichText } from './rich-text-from-y.js';
import { childLocation, resolveUnion, shapeOf, type SchemaLocation, type Shape } from './schema-location.js';

/**
 * Reads the JSON a Y value stands for at a place the schema describes (`location`; undefined where
 * the schema says nothing). Y.Map and plain objects become objects with keys in schema order (see
 * `orderKeys`), Y.Array and arrays become arrays, Y.Text becomes its string, a Y.XmlFragment in a
 * LocalizedRichText becomes the rich-text JSON the editor shows. Keys holding undefined are absent.
 *
 * Content in the wrong Y type but expressible as JSON (a plain string where a Y.Text belongs, a
 * Y.Map where a string belongs, a key the schema lacks) is read as it is, for the validator to
 * judge. Throws {@link YDocLayoutError} for what JSON cannot hold (`ydoc.not_json`) and for XML
 * types outside rich text (`ydoc.unexpected_type`).
 */
export function fromY(value: unknown, location: SchemaLocation | undefined, path: string, depth = 0, inPlainValue = false): unknown {
  checkDepth(depth, path);
  // A Y type inside a plain stored value was never integrated into the doc (nor can it be encoded).
  if (inPlainValue && value instanceof Y.AbstractType) return notJson(value, path);
  if (value instanceof Y.XmlFragment || value instanceof Y.XmlText || value instanceof Y.XmlHook) {
    const shape = location ? shapeOf(location) : undefined;
    throw new YDocLayoutError('ydoc.unexpected_type', path, `Found a ${value.constructor.name} where ${shape?.kind === 'localizedRichText' ? 'a map of languages' : 'no rich text'} belongs`);
  }
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.Array) return readArray(value.toArray(), location, path, depth, false);
  if (Array.isArray(value)) return readArray(value, location, path, depth, true);
  if (value instanceof Y.Map) return readObject(new Map(value.entries()), location, path, depth, false);
  if (isPlainObject(value)) return readObject(new Map(Object.entries(value)), location, path, depth, true);
  if (value instanceof Y.AbstractType) return notJson(value, path);
  return plainJson(value, path, depth);
}

function readArray(items: unknown[], location: SchemaLocation | undefined, path: string, depth: number, plain: boolean): unknown[] {
  const shape = location ? shapeOf(location) : undefined;
  const itemLocation = shape?.kind === 'array' ? shape.items : undefined;
  return items.map((item, index) => {
    const itemPath = `${path}/${index}`;
    return item === undefined ? notJson(item, itemPath) : fromY(item, itemLocation, itemPath, depth + 1, plain);
  });
}

function readObject(entries: Map<string, unknown>, location: SchemaLocation | undefined, path: string, depth: number, plain: boolean): Record<string, unknown> {
  const shape = location ? shapeOf(location) : undefined;
  if (shape?.kind === 'localizedRichText') return readLocalizedRichText(entries, path, depth, plain);
  const tag = shape?.kind === 'union' ? tagValue(entries.get(shape.tag)) : undefined;
  const resolved: Shape | undefined = resolveUnion(shape, tag);
  const out: Record<string, unknown> = {};
  for (const key of orderKeys(entries.keys(), resolved)) {
    const entry = entries.get(key);
    if (entry === undefined) continue;
    out[key] = fromY(entry, childLocation(resolved, key), `${path}/${pointerSegment(key)}`, depth + 1, plain);
  }
  return out;
}

function readLocalizedRichText(entries: Map<string, unknown>, path: string, depth: number, plain: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const language of [...entries.keys()].sort()) {
    const entry = entries.get(language);
    const entryPath = `${path}/${pointerSegment(language)}`;
    if (entry === undefined) continue;
    if (plain && entry instanceof Y.AbstractType) return notJson(entry, entryPath);
    out[language] = entry instanceof Y.XmlFragment ? yXmlFragmentToRichText(entry, entryPath, depth + 1) : fromY(entry, undefined, entryPath, depth + 1, plain);
  }
  return out;
}

/** A discriminator read from a Y.Text (a tag typed into a text field) is its string. */
function tagValue(value: unknown): unknown {
  return value instanceof Y.Text ? value.toString() : value;
}
