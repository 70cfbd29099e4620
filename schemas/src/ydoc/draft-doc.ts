import * as Y from 'yjs';
import type { Module, Program } from '../generated/format.js';
import { pointerSegment } from '../issue.js';
import { fromY } from './from-y.js';
import { isPlainObject } from './json-value.js';
import { orderKeys } from './key-order.js';
import { layoutVersion, metaMapName, type DraftKind } from './layout.js';
import { YDocLayoutError } from './layout-error.js';
import { childLocation, rootLocation, shapeOf } from './schema-location.js';
import { toY } from './to-y.js';

/**
 * Seeds an empty Y.Doc with a module draft, in one transaction: `meta` gets the layout version and
 * kind, the root map `module` gets the module laid out as README.md describes. Throws
 * {@link YDocLayoutError} `ydoc.not_empty` if the doc already holds a draft (only the server seeds
 * drafts; two seeds of one doc would merge into nonsense), and `ydoc.not_json` /
 * `ydoc.invalid_rich_text` for content the layout cannot hold, before writing anything.
 *
 * @example
 * const doc = moduleToYDoc(validated.value);
 * const update = Y.encodeStateAsUpdate(doc); // store, or send to the first client
 */
export function moduleToYDoc(module: Module, doc: Y.Doc = new Y.Doc()): Y.Doc {
  return seedDraft('module', module, doc);
}

/**
 * The module a draft holds now, as plain JSON: keys in schema order, optional fields absent, rich
 * text as the editor shows it. Equal doc states give byte-identical `JSON.stringify` output.
 * The result is not validated; run `validateModule` on it.
 *
 * @example
 * const result = validateModule(yDocToModule(doc));
 */
export function yDocToModule(doc: Y.Doc): unknown {
  return readDraft('module', doc);
}

/** {@link moduleToYDoc} for a program (root map `program`). */
export function programToYDoc(program: Program, doc: Y.Doc = new Y.Doc()): Y.Doc {
  return seedDraft('program', program, doc);
}

/** {@link yDocToModule} for a program. */
export function yDocToProgram(doc: Y.Doc): unknown {
  return readDraft('program', doc);
}

function seedDraft(kind: DraftKind, document: unknown, doc: Y.Doc): Y.Doc {
  const root = doc.getMap<unknown>(kind);
  const meta = doc.getMap<unknown>(metaMapName);
  if (root.size > 0 || meta.size > 0) throw new YDocLayoutError('ydoc.not_empty', '', `The Y.Doc already holds a draft`);
  if (!isPlainObject(document)) throw new YDocLayoutError('ydoc.not_json', '', `A ${kind} must be a JSON object`);
  const shape = shapeOf(rootLocation(kind));
  // Build every value before the transaction, so a refusal leaves the doc untouched.
  const entries = orderKeys(Object.keys(document), shape)
    .filter((key) => document[key] !== undefined)
    .map((key) => [key, toY(document[key], childLocation(shape, key), `/${pointerSegment(key)}`, 1)] as const);
  doc.transact(() => {
    meta.set('layout', layoutVersion);
    meta.set('kind', kind);
    for (const [key, value] of entries) root.set(key, value);
  });
  return doc;
}

function readDraft(kind: DraftKind, doc: Y.Doc): unknown {
  const meta = doc.getMap<unknown>(metaMapName);
  const root = doc.getMap<unknown>(kind);
  const layout = meta.get('layout');
  if (meta.size === 0 && root.size === 0) throw new YDocLayoutError('ydoc.missing_root', '', `The Y.Doc holds no ${kind} draft`);
  if (typeof layout !== 'number' || !Number.isInteger(layout) || layout < 1 || layout > layoutVersion) {
    throw new YDocLayoutError('ydoc.unsupported_layout', '', `The Y.Doc's layout ${JSON.stringify(layout ?? null)} is not one this code reads (1 to ${layoutVersion})`);
  }
  if (meta.get('kind') !== kind) throw new YDocLayoutError('ydoc.missing_root', '', `The Y.Doc holds a ${String(meta.get('kind'))} draft, not a ${kind}`);
  return fromY(root, rootLocation(kind), '');
}
