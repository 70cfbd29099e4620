import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, jsonEqual } from './validator-runtime.js';

// The compiled validators get these two helpers from us instead of from ajv's run time; they must
// count and compare exactly as ajv's do (read through require: ajv's run time is CommonJS).
const require = createRequire(import.meta.url);
const ajvLength = (require('ajv/dist/runtime/ucs2length.js') as { default: (text: string) => number }).default;
const ajvEqual = (require('ajv/dist/runtime/equal.js') as { default: (a: unknown, b: unknown) => boolean }).default;

describe('the validators\' run time', () => {
  it('counts code points like ajv, lone surrogates included', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\ud83d')).toBe(1);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => codePointLength(text) === ajvLength(text)));
  });

  it('compares JSON values like ajv', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(value, value, (a, b) => jsonEqual(a, b) === ajvEqual(a, b)));
    fc.assert(fc.property(value, (a) => jsonEqual(a, structuredClone(a)) && ajvEqual(a, structuredClone(a))));
  });
});
