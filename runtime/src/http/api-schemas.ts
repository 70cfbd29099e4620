import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import type * as AjvModule from 'ajv/dist/2020.js';
import type * as AjvFormatsModule from 'ajv-formats';
import type { ApiDefinitions } from '@careloom/format/api';
import { API_SCHEMA_BASE, apiSchemaFileContents, schemaFileContents } from '@careloom/format/api/schemas';

/** The name of a definition of the API schemas (schemas/json/api/*.schema.json), checked by the compiler. */
export type ApiSchemaName = keyof ApiDefinitions;

/**
 * One ajv for the API's bodies, holding the API schemas and the format's (which they reference),
 * made on first use: building it and compiling every route's schema when the modules load delayed
 * the production start by about a second. The server runs in Node, where compiling at run time is
 * allowed (the designer's validators are compiled at generation time instead). `tsType` says which
 * TypeScript type json-schema-to-typescript writes, and is no rule. ajv itself (about a hundred
 * CommonJS modules) is required here too, not imported, so that loading it is no part of the start.
 */
let ajv: Ajv2020 | undefined;
function apiAjv(): Ajv2020 {
  if (ajv) return ajv;
  const require = createRequire(import.meta.url);
  const { default: Ajv } = require('ajv/dist/2020.js') as typeof AjvModule;
  const { default: addFormats } = require('ajv-formats') as typeof AjvFormatsModule;
  ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  ajv.addKeyword('tsType');
  // A field's name in the user's words, for refusals (fieldWords).
  ajv.addKeyword('x-field');
  for (const schema of Object.values(schemaFileContents)) ajv.addSchema(schema as object);
  for (const schema of Object.values(apiSchemaFileContents)) ajv.addSchema(schema as object);
  return ajv;
}

/** Which API schema file defines each name. */
const fileOf = new Map<string, string>();
for (const [file, schema] of Object.entries(apiSchemaFileContents)) {
  for (const name of Object.keys((schema['$defs'] ?? {}) as object)) fileOf.set(name, file);
}

/** The `$id`-based reference to an API definition, e.g. `https://careloom.org/schemas/api/accounts.schema.json#/$defs/Session`. */
export function apiSchemaRef(name: ApiSchemaName): string {
  const file = fileOf.get(name);
  if (!file) throw new Error(`No API schema defines ${name}.`);
  return `${API_SCHEMA_BASE}${file}#/$defs/${name}`;
}

const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of a reference, compiled once per process. */
function compiledOf(ref: string): ValidateFunction {
  let validate = compiled.get(ref);
  if (!validate) {
    validate = apiAjv().getSchema(ref);
    if (!validate) throw new Error(`The API schema ${ref} does not compile.`);
    compiled.set(ref, validate);
  }
  return validate;
}

/**
 * The validator of one API definition, typed by the generated type of the same name, compiled the
 * first time a body is checked with it. Routes validate request bodies with it (through `readBody`
 * or `parseBody`); the OpenAPI description names the same definition, so the two cannot disagree.
 * An unknown name throws at once, when the route module loads.
 *
 * @example
 * const validateLoginBody = apiValidator('LoginBody'); // ValidateFunction<LoginBody>
 */
export function apiValidator<N extends ApiSchemaName>(name: N): ValidateFunction<ApiDefinitions[N]> {
  const ref = apiSchemaRef(name);
  const validate = ((data: unknown) => {
    const inner = compiledOf(ref);
    const valid = inner(data);
    validate.errors = inner.errors ?? null;
    return valid;
  }) as ValidateFunction<ApiDefinitions[N]>;
  validate.schema = { $ref: ref };
  return validate;
}

/**
 * The schema node a body's JSON Pointer reaches from an API definition, following `$ref`s and
 * keeping the nearest `x-field` and `description` on the way: the words a refusal names the field
 * with ("The e-mail address"), since a pointer such as `/settings/email` is no one's words.
 */
export function fieldWords(validate: ValidateFunction, instancePath: string): { title?: string; description?: string } {
  const rootRef = (validate.schema as { $ref?: unknown } | undefined)?.$ref;
  if (typeof rootRef !== 'string') return {};
  let base = rootRef.split('#')[0]!;
  let node = apiAjv().getSchema(rootRef)?.schema as Record<string, unknown> | undefined;
  const words: { title?: string; description?: string } = {};
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const segment of segments) {
    const properties = node?.['properties'] as Record<string, Record<string, unknown>> | undefined;
    const next = properties?.[segment] ?? (/^\d+$/.test(segment) ? (node?.['items'] as Record<string, unknown> | undefined) : undefined);
    if (!next) return {};
    delete words.title;
    delete words.description;
    node = next;
    for (let hops = 0; hops < 8 && node; hops += 1) {
      if (typeof node['x-field'] === 'string') words.title ??= node['x-field'];
      if (typeof node['description'] === 'string') words.description ??= node['description'];
      const ref = node['$ref'];
      if (typeof ref !== 'string') break;
      const target = new URL(ref, base).href;
      base = target.split('#')[0]!;
      node = apiAjv().getSchema(target)?.schema as Record<string, unknown> | undefined;
    }
  }
  return words;
}

