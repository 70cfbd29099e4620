import * as Y from 'yjs';
import { pointerSegment } from '../issue.js';
import { YDocLayoutError } from './layout-error.js';

/** How deep a document may nest before reading it is refused (conditions and lists nest; nothing legitimate comes close). */
export const maxDepth = 200;

/** A plain JSON object: `{}` or `Object.create(null)`, nothing with a class. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Refuses nesting beyond {@link maxDepth}, so hostile input cannot exhaust the stack. */
export function checkDepth(depth: number, path: string): void {
  if (depth > maxDepth) throw new YDocLayoutError('ydoc.not_json', path, `The document nests deeper than ${maxDepth} levels`);
}

/** A short name for a value JSON cannot hold, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (value instanceof Uint8Array) return 'binary content';
  if (value instanceof Y.Doc) return 'a sub-document';
  if (value instanceof Y.AbstractType) return `a ${value.constructor.name}`;
  if (value !== null && typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

/** Fails with `ydoc.not_json` for `value` at `path`. */
export function notJson(value: unknown, path: string): never {
  throw new YDocLayoutError('ydoc.not_json', path, `Found ${describeValue(value)}, which JSON cannot hold`);
}

/**
 * Checks that a plain value (no Y types) is JSON and returns it, with object keys in code-unit
 * order so the result does not depend on how the value was written.
 */
export function plainJson(value: unknown, path: string, depth: number): unknown {
  checkDepth(depth, path);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : notJson(value, path);
  if (Array.isArray(value)) return value.map((item: unknown, index) => plainJson(item, `${path}/${index}`, depth + 1));
  if (!isPlainObject(value)) return notJson(value, path);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) out[key] = plainJson(value[key], `${path}/${pointerSegment(key)}`, depth + 1);
  }
  return out;
}

/** Structural equality of two JSON values (key order ignored). */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item: unknown, index) => jsonEqual(item, right[index]));
  }
  if (!isPlainObject(left) || !isPlainObject(right)) return false;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}
