import type * as Y from 'yjs';
import { fromY } from './from-y.js';
import { definitionLocation, type SchemaLocation } from './schema-location.js';
import { toY } from './to-y.js';

/**
 * The Y value for one piece of a document, laid out like the same piece inside a seeded draft,
 * for the designer to insert: `toYValue(block, 'Block')`, `toYValue(option, 'Option')`,
 * `toYValue(rule, 'ZoneRule')`… `definition` is a schema `$defs` name or a schema file's title.
 * The result is not yet integrated; insert it inside a transaction.
 *
 * @example
 * doc.transact(() => getPagesArray(doc).get(0).get('blocks').push([toYValue(block, 'Block')]));
 */
export function toYValue(json: unknown, definition: string): unknown {
  return toY(json, locate(definition), '');
}

/**
 * The JSON of one piece of a draft (`fromYValue(findBlockMap(doc, 'intro'), 'Block')`), read with
 * the same rules as `yDocToModule`.
 */
export function fromYValue(value: Y.AbstractType<unknown> | unknown, definition: string): unknown {
  return fromY(value, locate(definition), '');
}

function locate(definition: string): SchemaLocation {
  const location = definitionLocation(definition);
  if (!location) throw new Error(`unreachable: no schema definition named ${definition}`);
  return location;
}
