// Compiles the format's schemas into validation code at generation time (ajv standalone), so that no
// validator is compiled with `new Function` at run time and the designer's Content-Security-Policy
// needs no 'unsafe-eval'. `npm run gen` writes the result to schemas/src/generated/validators.js.
import Ajv2020 from 'ajv/dist/2020.js';
import { _, getProperty, Name, type Code } from 'ajv/dist/compile/codegen/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

/** The document kinds that have a root schema, and the `$id` of each. */
export const SCHEMA_IDS = {
  module: 'https://careloom.org/schemas/module.schema.json',
  program: 'https://careloom.org/schemas/program.schema.json',
  response: 'https://careloom.org/schemas/response.schema.json',
} as const;

/**
 * The options the validators are compiled with; schemas/src/validate/ajv-issues.ts depends on them.
 * Strict mode, except `strictRequired` (a discriminated union lists its tag in `required` while the
 * tag's `properties` live in the variants, which is how ajv's `discriminator` wants it) and union
 * types (`["number", "null"]`), which the format uses on purpose. `verbose` gives each error its
 * schema and data, so messages can list allowed values.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true, verbose: true } as const;

/** The name of the generated factory's one parameter; ajv's own generated names all end in a digit. */
const RUNTIME = 'careloomRuntime';
const runtime = new Name(RUNTIME);

/**
 * ajv's standalone code `require`s two helpers even with `code.esm` (ajv issue 1976); the generated
 * module takes them from its runtime argument instead, like the formats and the schemas.
 */
const REQUIRED_HELPERS: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': `${RUNTIME}.ucs2length`,
  'require("ajv/dist/runtime/equal").default': `${RUNTIME}.equal`,
};

const banner = `/* eslint-disable */
/**
 * DO NOT EDIT. Validation code compiled by ajv from schemas/json/*.schema.json by \`npm run gen\`
 * (schemas/scripts/compile-validators.ts); \`npm run gen:check\` (part of \`npm test\`) fails when this
 * file is stale. Types: validators.d.ts beside it.
 */`;

/**
 * The standalone validators as an ES module with no imports, and its declaration file.
 *
 * The module exports one factory, `bindValidators(runtime)`, which takes what the code needs at run
 * time as an argument: the schema files (its schema constants are those objects themselves, not
 * copies, so the `schema` and `parentSchema` of every error are nodes of `schemaFiles`, which
 * ajv-issues.ts looks up by identity; and the bundle holds the schemas once), ajv-formats' formats,
 * and ajv's two run-time helpers. Plain JavaScript with a `.d.ts` rather than TypeScript with
 * `@ts-nocheck`, so the types callers see are declared rather than inferred from generated code.
 */
export function compileValidators(files: ReadonlyMap<string, object>): { js: string; dts: string } {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true, formats: _`${runtime}.formats` } });
  addFormats(ajv);
  for (const schema of files.values()) ajv.addSchema(schema);
  for (const id of Object.values(SCHEMA_IDS)) if (!ajv.getSchema(id)) throw new Error(`The schema ${id} is not among the schema files.`);
  pointSchemaConstantsAtFiles(ajv, files);

  let code = standaloneCode(ajv, { ...SCHEMA_IDS });
  const literal = new RegExp(`const (schema\\d+) = (?!${RUNTIME}\\.)`).exec(code);
  if (literal) throw new Error(`The compiled schema ${literal[1]} is not a node of the schema files.`);
  for (const [required, replacement] of Object.entries(REQUIRED_HELPERS)) code = code.split(required).join(replacement);
  if (code.includes('require(')) throw new Error('The compiled validators require a module the generator does not provide.');

  const exported: string[] = [];
  code = code.replace(/^"use strict";\n?/, '').replace(/export const (\w+) = (validate\d+);\n?/g, (_match, kind: string, name: string) => {
    exported.push(`${kind}: ${name}`);
    return '';
  });
  if (exported.length !== Object.keys(SCHEMA_IDS).length) throw new Error(`Expected one validator per kind, found ${exported.join(', ')}.`);
  const indented = code.trimEnd().split('\n').map((line) => (line === '' ? line : `  ${line}`)).join('\n');
  const js = `${banner}

/** The compiled validators of the module, program and response schemas, bound to their run-time needs. */
export function bindValidators(${RUNTIME}) {
${indented}
  return { ${exported.join(', ')} };
}
`;
  const dts = `${banner.replace('Types: validators.d.ts beside it.', 'Declares validators.js.')}

import type { ErrorObject } from 'ajv';

/** One compiled schema: true when \`data\` is valid; otherwise \`errors\` holds ajv's (verbose) errors. */
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
  /** Deep equality of JSON values, for \`const\`, \`enum\` and \`uniqueItems\`. */
  equal(a: unknown, b: unknown): boolean;
}

export declare function bindValidators(runtime: ValidatorRuntime): Record<${Object.keys(SCHEMA_IDS).map((kind) => `'${kind}'`).join(' | ')}, CompiledValidator>;
`;
  return { js, dts };
}

/**
 * With `code.source`, ajv writes each compiled schema into the code as a JSON literal. Instead, each
 * becomes an expression reading that node of `runtime.schemaFiles`, found by identity: ajv keeps the
 * objects it was given, so every schema constant is a node of one of the files.
 */
function pointSchemaConstantsAtFiles(ajv: Ajv2020, files: ReadonlyMap<string, object>): void {
  const visit = (node: unknown, code: Code): void => {
    if (node === null || typeof node !== 'object') return;
    const name = ajv.scope.getValue('schema', node);
    if (name?.value) name.value = { ...name.value, code };
    for (const [key, child] of Object.entries(node)) visit(child, _`${code}${getProperty(Array.isArray(node) ? Number(key) : key)}`);
  };
  for (const [file, schema] of files) visit(schema, _`${runtime}.schemaFiles${getProperty(file)}`);
}
