// Every problem the validator can report has a sentence in the designer's words in English, Swedish
// and Norwegian (issue 16: the rarer ones still showed the validator's English). The codes are read
// from the validator itself: the literal codes of its checks, and the `schema.*` code of every
// JSON Schema keyword the format's schema files use; so a new check without a sentence fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issueCodesEn } from './issue-codes-en.js';
import { issueCodesNb } from './issue-codes-nb.js';
import { issueCodesSv } from './issue-codes-sv.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
// The validator's checks, and the format upgrade that runs before them.
const validatorDirs = [join(root, 'schemas/src/validate'), join(root, 'schemas/src/migrations')];
const schemaDir = join(root, 'schemas/json');

/** Codes written out in the validator's sources: `issue('bands.gap', …)`, `code: 'schema.required'`, `unknown('scoring.unknown_item', …)`. */
function literalCodes(): Set<string> {
  const codes = new Set<string>();
  for (const dir of validatorDirs) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.includes('.test.'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const match of source.matchAll(/(?:\b\w+\(\s*|code:\s*)'([a-z]+\.[a-z_]+)'/g)) codes.add(match[1]!);
    }
  }
  return codes;
}

/** How ajv-issues.ts names a keyword's problem when it does not build the code from the keyword's name. */
const KEYWORD_CODES: Record<string, string | null> = {
  additionalProperties: 'schema.additional_property',
  propertyNames: 'schema.property_name',
  discriminator: 'schema.unknown_variant',
  anyOf: 'schema.any_of',
  oneOf: 'schema.any_of',
  uniqueItems: 'schema.unique_items',
  // Keywords that only structure a schema and report no problem of their own.
  $schema: null, $id: null, $ref: null, $defs: null, title: null, description: null, default: null, properties: null, items: null, propertyName: null,
};

/** The `schema.*` code of every keyword the format's schema files use. */
function schemaKeywordCodes(): Set<string> {
  const keywords = new Set<string>();
  const visit = (node: unknown, container?: string) => {
    if (Array.isArray(node)) return node.forEach((entry) => visit(entry));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      // Under properties and $defs the keys are names, not keywords.
      if (container !== 'properties' && container !== '$defs' && container !== 'patternProperties') keywords.add(key);
      visit(value, key);
    }
  };
  for (const file of readdirSync(schemaDir).filter((name) => name.endsWith('.schema.json'))) visit(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
  const codes = new Set<string>();
  for (const keyword of keywords) {
    const code = Object.hasOwn(KEYWORD_CODES, keyword) ? KEYWORD_CODES[keyword] : `schema.${keyword.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
    if (code) codes.add(code);
  }
  // The bounds ajv-issues.ts handles side by side, whether or not a schema uses each one today.
  for (const code of ['schema.exclusive_maximum', 'schema.max_items', 'schema.max_properties', 'schema.ambiguous']) codes.add(code);
  return codes;
}

describe('the designer’s sentence for every problem the validator reports', () => {
  const codes = [...new Set([...literalCodes(), ...schemaKeywordCodes()])].sort();

  it('finds the validator’s codes (the reading itself works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['schema.required', 'schema.min_length', 'schema.enum', 'bands.gap', 'scoring.unknown_item', 'program.unlock_cycle', 'media.captions_missing', 'format.version_too_new']));
    expect(codes.length).toBeGreaterThan(70);
  });

  it.each([
    ['en', issueCodesEn],
    ['sv', issueCodesSv],
    ['nb', issueCodesNb],
  ] as const)('has a sentence in %s for each code, with no format names in it', (_language, catalog) => {
    const missing = codes.filter((code) => !Object.hasOwn(catalog, `issue.code.${code}`));
    expect(missing).toEqual([]);
    // The designer's words: no JSON paths or format field names in quotes.
    const raw = Object.entries(catalog).filter(([, text]) => /\/\w+\/|"[a-z]+[A-Z]\w*"|\b(?:minSelected|maxSelected|afterCompleting|durationWeeks|goTo|withinHours)\b/.test(text));
    expect(raw).toEqual([]);
  });
});
