import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, jsonEqual } from './validator-runtime.js';

// The compiled validators get these two helpers from us instead of from ajv's run time; they must
// count and compare exactly as ajv's do (read through require: ajv's run time is CommonJS).
const require = createRequire(import.meta.url);
const ajvLength = (require('ajv/dist/runtime/ucs2length.js') as { default: (text: string) => number }).default;
const ajvEqual = (require('ajv/dist/runtime/equal.js') as { default: (a: unknown, b: unknown) => boolean }).default;

/** Fixed, so a run in CI repeats a run on a laptop; change it to explore other cases. */
const SEED = 20261205;

describe('the validators\' run time', () => {
  it('counts code points like ajv, lone surrogates included', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\ud83d')).toBe(1);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => codePointLength(text) === ajvLength(text)), { seed: SEED });
  });

  it('compares JSON values like ajv', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    // ajv's own helper calls a `toString` or `valueOf` it finds on the object, so JSON with such a key
    // makes it throw (an answer body could carry one); ours compares it as data. Where ajv's throws,
    // there is nothing to agree with: ours must simply compare.
    expect(jsonEqual({ toString: '' }, { toString: '' })).toBe(true);
    expect(jsonEqual({ valueOf: 1 }, { valueOf: 2 })).toBe(false);
    const agrees = (a: unknown, b: unknown) => {
      let expected: boolean;
      try {
        expected = ajvEqual(a, b);
      } catch {
        return typeof jsonEqual(a, b) === 'boolean';
      }
      return jsonEqual(a, b) === expected;
    };
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(value, value, agrees), { seed: SEED });
    fc.assert(fc.property(value, (a) => jsonEqual(a, structuredClone(a)) && agrees(a, structuredClone(a))), { seed: SEED });
  });
});
