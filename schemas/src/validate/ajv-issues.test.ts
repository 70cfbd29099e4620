import { describe, expect, it } from 'vitest';
import type { Module } from '../generated/format.js';
import { validateModule, validateProgram, validateResponse } from './index.js';
import { broken, validModule, validProgram, validResponse } from './test-fixtures.js';
import { expectIssues } from './test-helpers.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests break documents on purpose

const brokenModule = (change: (doc: Loose) => void) => broken(validModule() as unknown as Loose, change);

describe('schema errors become issues', () => {
  it('required: at the parent, naming the block and the missing field', () => {
    const issues = expectIssues(validateModule(brokenModule((doc) => delete doc.pages[0].blocks[1].input)), [
      { code: 'schema.required', path: '/pages/0/blocks/1', mentions: ['Page 1 block 2 (question "mood")', '"input"'] },
    ]);
    expect(issues[0]?.message).toBe('Page 1 block 2 (question "mood") is missing its "input".');
    expect(issues[0]?.params).toEqual({ missingProperty: 'input' });
  });

  it('additionalProperties: at the unknown property itself', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[0].blocks[2].colour = 'red'; })), [
      { code: 'schema.additional_property', path: '/pages/0/blocks/2/colour', mentions: ['question "smoker"', 'unknown field "colour"'] },
    ]);
  });

  it('type: names the expected type and the value', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[0].blocks[3].input.min = 'zero'; })), [
      { code: 'schema.type', path: '/pages/0/blocks/3/input/min', mentions: ['"input.min"', 'question "hours"', 'a number', '"zero"'] },
    ]);
  });

  it('enum: lists the allowed values', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[1].blocks[0].scoring.total.method = 'median'; })), [
      { code: 'schema.enum', path: '/pages/1/blocks/0/scoring/total/method', mentions: ['instrument "isi"', '"sum", "mean"', '"median"'] },
    ]);
  });

  it('const: names the required value', () => {
    expectIssues(validateResponse({ ...validResponse(), formatVersion: 2 }), [
      { code: 'schema.const', path: '/formatVersion', mentions: ['"formatVersion"', 'must be 1', '2'] },
    ]);
  });

  it('minimum, maximum and exclusiveMinimum: name the limit', () => {
    expectIssues(validateModule(brokenModule((doc) => {
      doc.pages[0].blocks[3].input.decimals = 9;
      doc.pages[2].blocks[0].fields[0].input.step = 0;
      doc.estimatedMinutes = 0;
    })), [
      { code: 'schema.minimum', path: '/estimatedMinutes', mentions: ['at least 1'] },
      { code: 'schema.maximum', path: '/pages/0/blocks/3/input/decimals', mentions: ['at most 6', '9'] },
      { code: 'schema.exclusive_minimum', path: '/pages/2/blocks/0/fields/0/input/step', mentions: ['field 1 ("slept")', 'more than 0'] },
    ]);
  });

  it('minLength and maxLength', () => {
    expectIssues(validateModule(brokenModule((doc) => {
      doc.title.sv = '';
      doc.pages[1].blocks[0].abbreviation = 'X'.repeat(21);
    })), [
      { code: 'schema.min_length', path: '/title/sv', mentions: ['"title.sv"', 'must not be empty'] },
      { code: 'schema.max_length', path: '/pages/1/blocks/0/abbreviation', mentions: ['at most 20 characters', 'it has 21'] },
    ]);
  });

  it('pattern: describes the expected form in words', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.id = 'Sleep Basics'; })), [
      { code: 'schema.pattern', path: '/id', mentions: ['"id" of the module', 'lower-case id', '"Sleep Basics"'] },
    ]);
  });

  it('format', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[1].blocks[0].licence.url = 'not a url'; })), [
      { code: 'schema.format', path: '/pages/1/blocks/0/licence/url', mentions: ['"licence.url"', 'web address'] },
    ]);
  });

  it('minItems and uniqueItems', () => {
    expectIssues(validateModule(brokenModule((doc) => {
      doc.languages = ['sv', 'en', 'sv'];
      doc.pages[2].blocks[0].fields = [];
    })), [
      { code: 'schema.unique_items', path: '/languages/2', mentions: ['"languages"', '"sv" twice', 'entries 1 and 3'] },
      { code: 'schema.min_items', path: '/pages/2/blocks/0/fields', mentions: ['registration "sleepLog"', 'at least one entry'] },
    ]);
  });

  it('minProperties', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[0].title = {}; })), [
      { code: 'schema.min_properties', path: '/pages/0/title', mentions: ['"title" of page 1 ("intro")', 'must not be empty'] },
    ]);
  });

  it('propertyNames: one issue at the key, saying what a key must be', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.title.english = 'Sleep'; })), [
      { code: 'schema.property_name', path: '/title/english', mentions: ['"english"', 'language tag'] },
    ]);
  });

  it('discriminator: only the chosen variant is reported', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[2].blocks[0].fields[0].input = { kind: 'slider', min: 0 }; })), [
      { code: 'schema.required', path: '/pages/2/blocks/0/fields/0/input', mentions: ['"input" of page 3 block 1 (registration "sleepLog") field 1 ("slept")', '"max"'] },
    ]);
  });

  it('discriminator: an unknown value is one issue listing the allowed values', () => {
    const issues = expectIssues(validateModule(brokenModule((doc) => { doc.pages[0].blocks[0].type = 'txt'; })), [
      { code: 'schema.unknown_variant', path: '/pages/0/blocks/0/type', mentions: ['"txt"', '"text", "image", "film", "audio", "question"', '"unitContact"'] },
    ]);
    expect(issues[0]?.params).toMatchObject({ property: 'type', value: 'txt' });
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[0].blocks[5].visibleWhen.op = 'equals'; })), [
      { code: 'schema.unknown_variant', path: '/pages/0/blocks/5/visibleWhen/op', mentions: ['"equals"', '"eq", "ne", "gt"', '"includes"', '"not"'] },
    ]);
  });

  it('discriminator: a missing tag is reported once, as missing', () => {
    expectIssues(validateModule(brokenModule((doc) => { delete doc.pages[0].blocks[0].type; })), [
      { code: 'schema.required', path: '/pages/0/blocks/0', mentions: ['"type"'] },
    ]);
  });

  it('anyOf: one issue naming the alternatives when the value could be either', () => {
    expectIssues(validateModule(brokenModule((doc) => { doc.pages[0].branches[0].goTo = 'next page'; })), [
      { code: 'schema.any_of', path: '/pages/0/branches/0/goTo', mentions: ['"goTo" of page 1 branch 1', 'an id', '"#end"', '"next page"'] },
    ]);
  });

  it('anyOf: the errors of the one alternative that fits the value type', () => {
    const response = { ...validResponse(), answers: { note: 'x'.repeat(20001) } };
    expectIssues(validateResponse(response), [
      { code: 'schema.max_length', path: '/answers/note', mentions: ['"answers.note" of the response', '20000'] },
    ]);
  });

  it('reports every problem of a document at once', () => {
    const program = broken(validProgram() as unknown as Loose, (doc) => {
      doc.durationWeeks = 0;
      doc.registrations[0].deadline = '8pm';
    });
    expectIssues(validateProgram(program), [
      { code: 'schema.minimum', path: '/durationWeeks', mentions: ['"durationWeeks" of the program'] },
      { code: 'schema.pattern', path: '/registrations/0/deadline', mentions: ['registration 1 ("log")', 'HH:MM'] },
    ]);
  });

  it('checks no rule beyond the schema while the schema fails', () => {
    const module = brokenModule((doc) => {
      doc.pages[0].blocks[2].id = 'mood';
      doc.pages[0].blocks[3].input.min = 'zero';
    }) as unknown as Module;
    expect(validateModule(module).issues.map((issue) => issue.code)).toEqual(['schema.type']);
  });
});
