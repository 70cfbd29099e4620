import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { schemaFiles } from './schema-files.js';

/** The document kinds that have a root schema. */
export type SchemaKind = 'module' | 'program' | 'response';

const schemaIds: Record<SchemaKind, string> = {
  module: 'https://careloom.org/schemas/module.schema.json',
  program: 'https://careloom.org/schemas/program.schema.json',
  response: 'https://careloom.org/schemas/response.schema.json',
};

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaKind, ValidateFunction>();

/**
 * The one Ajv instance, built on first use so that importing the validators costs nothing.
 *
 * Strict mode, except `strictRequired` (a discriminated union lists its tag in `required` while the
 * tag's `properties` live in the variants, which is how ajv's `discriminator` wants it) and union
 * types (`["number", "null"]`), which the format uses on purpose. `verbose` gives each error its
 * schema, so messages can list allowed values.
 */
function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true, verbose: true });
  addFormats(ajv);
  for (const schema of schemaFiles.values()) ajv.addSchema(schema as object);
  return ajv;
}

/** The compiled validator of one document kind, compiled once. */
export function schemaValidator(kind: SchemaKind): ValidateFunction {
  const existing = compiled.get(kind);
  if (existing) return existing;
  const validate = instance().getSchema(schemaIds[kind]);
  if (!validate) throw new Error(`The ${kind} schema is not registered.`);
  compiled.set(kind, validate);
  return validate;
}

/** Runs the schema of `kind` over `doc`: the errors, or none. */
export function schemaErrors(kind: SchemaKind, doc: unknown): ErrorObject[] {
  const validate = schemaValidator(kind);
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}
