import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { contentHash } from './content-hash.js';
import { choice, moduleOf, page, question } from './test-fixtures.js';

describe('contentHash', () => {
  it('is the SHA-256 of the canonical JSON (known answers)', () => {
    expect(contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
    expect(contentHash('')).toBe('12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126');
  });

  it('does not depend on key order or number spelling', () => {
    expect(contentHash({ b: [1, 2.50], a: { y: -0, x: 1e3 } })).toBe(contentHash({ a: { x: 1000, y: 0 }, b: [1, 2.5] }));
  });

  it('hashes the UTF-8 bytes and changes with any content change', () => {
    const module = moduleOf(page('intro', [question('mood', choice('låg', 'hög'))]));
    const expected = createHash('sha256').update(canonicalJson(module), 'utf8').digest('hex');
    expect(contentHash(module)).toBe(expected);
    expect(contentHash(module)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...module, id: 'other' })).not.toBe(expected);
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => contentHash({ a: Number.NaN })).toThrow(/\/a/);
  });
});
