import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaFileContents } from '../src/generated/schema-files.js';
import { schemaErrors, type SchemaKind } from '../src/validate/schema-validators.js';
import { validModule, validProgram, validResponse } from '../src/validate/test-fixtures.js';
import { AJV_OPTIONS, compileValidators, SCHEMA_IDS } from './compile-validators.js';

// The generated validators must report exactly what ajv compiling the same schemas at run time
// reports, down to the schema objects the errors point at: ajv-issues.ts turns those errors into the
// messages designers read, and looks their schema nodes up by identity.
const runtimeAjv = new Ajv2020(AJV_OPTIONS);
addFormats(runtimeAjv);
for (const schema of Object.values(schemaFileContents)) runtimeAjv.addSchema(schema);

function runtimeErrors(kind: SchemaKind, doc: unknown): ErrorObject[] {
  const validate = runtimeAjv.getSchema(SCHEMA_IDS[kind])!;
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function expectSameErrors(kind: SchemaKind, doc: unknown): void {
  const compiled = schemaErrors(kind, doc);
  const expected = runtimeErrors(kind, doc);
  expect(compiled).toEqual(expected);
  compiled.forEach((error, index) => {
    expect(error.parentSchema).toBe(expected[index]!.parentSchema);
    expect(error.schema).toBe(expected[index]!.schema);
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every container in a document, with the keys a change may touch. */
function containers(doc: Json): Array<{ node: Json[] | { [key: string]: Json }; keys: string[] }> {
  if (doc === null || typeof doc !== 'object') return [];
  const children = Object.values(doc).flatMap(containers);
  return [{ node: doc, keys: Object.keys(doc) }, ...children];
}

interface Change {
  at: number;
  key: number;
  how: 'replace' | 'remove' | 'add';
  value: Json;
}

/** One change to a document: a value replaced, a field removed or an unknown field added. */
const change: fc.Arbitrary<Change> = fc.record({
  at: fc.nat(),
  key: fc.nat(),
  how: fc.constantFrom('replace' as const, 'remove' as const, 'add' as const),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
});

function applyChanges(doc: Json, changes: Change[]): Json {
  const copy = structuredClone(doc);
  for (const { at, key, how, value } of changes) {
    const all = containers(copy);
    const { node, keys } = all[at % all.length]!;
    const name = keys[key % Math.max(keys.length, 1)];
    if (how === 'add' && !Array.isArray(node)) node[`extra${key}`] = value;
    else if (name === undefined) continue;
    else if (how === 'remove' && !Array.isArray(node)) delete node[name];
    else (node as Record<string, Json>)[name] = value;
  }
  return copy;
}

describe('the compiled validators', () => {
  const documents: Array<[SchemaKind, () => Json]> = [
    ['module', () => validModule() as unknown as Json],
    ['program', () => validProgram() as unknown as Json],
    ['response', () => validResponse() as unknown as Json],
  ];

  it.each(documents)('accept the valid %s fixture', (kind, valid) => {
    expect(schemaErrors(kind, valid())).toEqual([]);
  });

  it.each(documents)('report the same errors as ajv compiling at run time, for %ss broken at random', (kind, valid) => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
        expectSameErrors(kind, applyChanges(valid(), changes));
      }),
      // Seeded, so CI repeats what ran on a laptop.
      { numRuns: 150, seed: 20261205 },
    );
  });

  it('keep ajv-formats formats: a bad uri and a bad date-time are refused', () => {
    const module = validModule() as unknown as { pages: Array<{ blocks: Array<{ licence?: { url?: string } }> }> };
    module.pages[1]!.blocks[0]!.licence!.url = 'not a uri';
    expect(schemaErrors('module', module).map((error) => error.keyword)).toContain('format');
    expectSameErrors('module', module);
    const response = { ...validResponse(), answeredAt: '2026-13-01T07:30:00+01:00' };
    expect(schemaErrors('response', response).map((error) => error.keyword)).toContain('format');
    expectSameErrors('response', response);
  });

  it('carry no schema as a copy and no require(), and say where they come from', () => {
    const files = new Map(Object.entries(schemaFileContents));
    const { js, dts } = compileValidators(files);
    expect(js).not.toMatch(/require\(|new Function|eval\(/);
    expect(js).not.toMatch(/const schema\d+ = \{/);
    expect(js).toContain('export function bindValidators(careloomRuntime)');
    expect(dts).toContain('export declare function bindValidators');
  });
});
