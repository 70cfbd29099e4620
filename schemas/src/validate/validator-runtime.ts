import { fullFormats } from 'ajv-formats/dist/formats.js';
import { schemaFileContents } from '../generated/schema-files.js';
import type { ValidatorRuntime } from '../generated/validators.js';

/**
 * A string's length in Unicode code points, which is how JSON Schema's `minLength`/`maxLength`
 * count (an emoji is one character, not two UTF-16 units); a lone surrogate counts as one.
 */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _codePoint of text) length += 1;
  return length;
}

/** Deep equality of JSON values, as JSON Schema's `const`, `enum` and `uniqueItems` compare them. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}

/**
 * What the validators compiled by `npm run gen` (../generated/validators.js) need at run time: the
 * schema files they point into, ajv-formats' formats (the same ones ajv used when compiling), and the
 * two helpers ajv's own run time would give them.
 */
export const validatorRuntime: ValidatorRuntime = {
  schemaFiles: schemaFileContents,
  formats: fullFormats,
  ucs2length: codePointLength,
  equal: jsonEqual,
};
