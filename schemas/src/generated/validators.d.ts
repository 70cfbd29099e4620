/* eslint-disable */
/**
 * DO NOT EDIT. Validation code compiled by ajv from schemas/json/*.schema.json by `npm run gen`
 * (schemas/scripts/compile-validators.ts); `npm run gen:check` (part of `npm test`) fails when this
 * file is stale. Declares validators.js.
 */

import type { ErrorObject } from 'ajv';

/** One compiled schema: true when `data` is valid; otherwise `errors` holds ajv's (verbose) errors. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What the compiled code needs at run time. */
export interface ValidatorRuntime {
  /** The format's schema files keyed by file name: the very objects errors will point into. */
  schemaFiles: Readonly<Record<string, object>>;
  /** ajv-formats' full formats. */
  formats: Readonly<Record<string, unknown>>;
  /** String length in Unicode code points, as JSON Schema counts it. */
  ucs2length(text: string): number;
  /** Deep equality of JSON values, for `const`, `enum` and `uniqueItems`. */
  equal(a: unknown, b: unknown): boolean;
}

export declare function bindValidators(runtime: ValidatorRuntime): Record<'module' | 'program' | 'response', CompiledValidator>;
