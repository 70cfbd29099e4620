import { describe, expect, it } from 'vitest';
import { hashOf, parseHash } from './hash-route.js';

describe('hash routes', () => {
  it('parses segments and query, decoding each segment', () => {
    const route = parseHash('#/modules/e%201/phq-9?v=2&fresh=1');
    expect(route.segments).toEqual(['modules', 'e 1', 'phq-9']);
    expect(route.query.get('v')).toBe('2');
    expect(route.query.get('fresh')).toBe('1');
    expect(parseHash('').segments).toEqual([]);
    expect(parseHash('#/').segments).toEqual([]);
    expect(parseHash('#/invite/%E0%A4%A').segments).toEqual(['invite', '%E0%A4%A']);
  });

  it('builds hashes that parse back to the same route', () => {
    const hash = hashOf('modules', 'e/1', 'phq-9', { v: '1' });
    expect(hash).toBe('#/modules/e%2F1/phq-9?v=1');
    expect(parseHash(hash).segments).toEqual(['modules', 'e/1', 'phq-9']);
  });
});
