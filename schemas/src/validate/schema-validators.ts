import { bindValidators, type CompiledValidator } from '../generated/validators.js';
import type { ErrorObject } from 'ajv';
import { validatorRuntime } from './validator-runtime.js';

/** The document kinds that have a root schema. */
export type SchemaKind = 'module' | 'program' | 'response';

let validators: Record<SchemaKind, CompiledValidator> | undefined;

/**
 * The validator of one document kind. The schemas are compiled by `npm run gen`
 * (schemas/scripts/compile-validators.ts), not here: compiling at run time needs `new Function`,
 * which the designer's Content-Security-Policy forbids.
 */
export function schemaValidator(kind: SchemaKind): CompiledValidator {
  validators ??= bindValidators(validatorRuntime);
  return validators[kind];
}

/** Runs the schema of `kind` over `doc`: the errors, or none. */
export function schemaErrors(kind: SchemaKind, doc: unknown): ErrorObject[] {
  const validate = schemaValidator(kind);
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}
