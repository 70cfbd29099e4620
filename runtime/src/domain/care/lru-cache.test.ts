import { describe, expect, it } from 'vitest';
import { createLruCache } from './lru-cache.js';

describe('createLruCache', () => {
  it('never holds more than maxEntries values', () => {
    const cache = createLruCache<number, string>({ maxEntries: 3 });
    for (let key = 0; key < 100; key += 1) cache.set(key, `value ${key}`);
    expect(cache.size).toBe(3);
    expect([cache.get(97), cache.get(98), cache.get(99)]).toEqual(['value 97', 'value 98', 'value 99']);
    expect(cache.get(0)).toBeUndefined();
  });

  it('drops the least recently used value, counting a hit as a use', () => {
    const cache = createLruCache<string, number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('replaces the value of a key without growing', () => {
    const cache = createLruCache<string, number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => createLruCache({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => createLruCache({ maxEntries: 1.5 })).toThrow(RangeError);
  });
});
