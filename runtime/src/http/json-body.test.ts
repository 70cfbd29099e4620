import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { MAX_JSON_DEPTH, parseJsonBody } from './json-body.js';

function refusal(text: string): DomainError {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${text.slice(0, 40)} was accepted.`);
}

describe('parseJsonBody', () => {
  it('accepts nesting up to the limit and refuses one level more, before parsing', () => {
    expect(parseJsonBody(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeInstanceOf(Array);
    const deeper = refusal(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`);
    expect(deeper.code).toBe('bad_request');
    expect(deeper.issues[0]).toMatchObject({ code: 'body.too_deep', path: '' });
    expect(deeper.detail).toContain(`character ${MAX_JSON_DEPTH + 1}`);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: `${'['.repeat(10_000)}"\\{{{` });
    expect(parseJsonBody(text)).toEqual({ text: `${'['.repeat(10_000)}"\\{{{` });
  });

  it('refuses 10,000 levels of objects and a million unclosed brackets with the same problem', () => {
    expect(refusal(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`).issues[0]?.code).toBe('body.too_deep');
    expect(refusal('['.repeat(1_000_000)).issues[0]?.code).toBe('body.too_deep');
  });

  it('refuses a "__proto__" key at any depth and however it is escaped, naming its path', () => {
    expect(refusal('{"__proto__":{"admin":true}}').issues[0]).toMatchObject({ code: 'body.forbidden_key', path: '/__proto__' });
    expect(refusal('{"a":[{"\\u005f_proto__":1}]}').issues[0]).toMatchObject({ code: 'body.forbidden_key', path: '/a/0/__proto__' });
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('keeps "constructor" and "prototype" as ordinary keys', () => {
    expect(parseJsonBody('{"constructor":{"prototype":1}}')).toEqual({ constructor: { prototype: 1 } });
  });

  it('answers malformed JSON with the reason only, never an echo of the body', () => {
    const error = refusal('{"secret": "hunter2"');
    expect(error.issues[0]?.code).toBe('body.malformed_json');
    expect(error.detail).not.toContain('hunter2');
  });
});
