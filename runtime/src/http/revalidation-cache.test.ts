import { describe, expect, it } from 'vitest';
import { createRevalidationCache, markRevalidatable, revalidatableMark } from './revalidation-cache.js';

const headers = [['etag', '"abc"'], ['cache-control', 'private, no-cache']] as const;

function cacheOnClock() {
  let at = 0;
  const cache = createRevalidationCache({ ttlMs: 1000, maxEntries: 3, monotonicMs: () => at });
  return { cache, advance: (ms: number) => (at += ms) };
}

describe('createRevalidationCache', () => {
  it('repeats a remembered 304 for the same token, URL and entity tag only', () => {
    const { cache } = cacheOnClock();
    cache.remember('token-a', '/api/me/module-versions/m/1', { personId: 'p1', etag: '"abc"', headers });
    expect(cache.notModified('token-a', '/api/me/module-versions/m/1', '"abc"')).toMatchObject({ pairs: headers });
    expect(cache.notModified('token-a', '/api/me/module-versions/m/1', 'W/"abc", "other"')).toMatchObject({ pairs: headers });
    expect(cache.notModified('token-b', '/api/me/module-versions/m/1', '"abc"')).toBeUndefined();
    expect(cache.notModified('token-a', '/api/me/module-versions/m/2', '"abc"')).toBeUndefined();
    expect(cache.notModified('token-a', '/api/me/module-versions/m/1?x=1', '"abc"')).toBeUndefined();
    expect(cache.notModified('token-a', '/api/me/module-versions/m/1', '"old"')).toBeUndefined();
  });

  it('answers for a second after the app did, however often it is used meanwhile', () => {
    const { cache, advance } = cacheOnClock();
    cache.remember('t', '/u', { personId: 'p1', etag: '"abc"', headers });
    advance(600);
    expect(cache.notModified('t', '/u', '"abc"')).toBeDefined();
    advance(399);
    expect(cache.notModified('t', '/u', '"abc"')).toBeDefined();
    advance(1);
    expect(cache.notModified('t', '/u', '"abc"')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every entry of a person at once, and no one else’s', () => {
    const { cache } = cacheOnClock();
    cache.remember('t1', '/a', { personId: 'p1', etag: '"abc"', headers });
    cache.remember('t2', '/a', { personId: 'p1', etag: '"abc"', headers });
    cache.remember('t3', '/a', { personId: 'p2', etag: '"abc"', headers });
    cache.forgetPerson('p1');
    expect(cache.notModified('t1', '/a', '"abc"')).toBeUndefined();
    expect(cache.notModified('t2', '/a', '"abc"')).toBeUndefined();
    expect(cache.notModified('t3', '/a', '"abc"')).toBeDefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const { cache } = cacheOnClock();
    for (const token of ['t1', 't2', 't3', 't4']) cache.remember(token, '/a', { personId: token, etag: '"abc"', headers });
    expect(cache.size).toBe(3);
    expect(cache.notModified('t1', '/a', '"abc"')).toBeUndefined();
    expect(cache.notModified('t4', '/a', '"abc"')).toBeDefined();
  });

  it('keeps its own copy of the headers', () => {
    const { cache } = cacheOnClock();
    const given: Array<[string, string]> = [['etag', '"abc"']];
    cache.remember('t', '/a', { personId: 'p', etag: '"abc"', headers: given });
    given[0]![1] = 'changed';
    expect(cache.notModified('t', '/a', '"abc"')).toEqual({ pairs: [['etag', '"abc"']], flat: ['etag', '"abc"'] });
  });
});

describe('markRevalidatable', () => {
  it('marks one request object and no other', () => {
    const request = new Request('http://localhost/a');
    markRevalidatable(request, { personId: 'p', etag: '"abc"' });
    expect(revalidatableMark(request)).toEqual({ personId: 'p', etag: '"abc"' });
    expect(revalidatableMark(new Request('http://localhost/a'))).toBeUndefined();
  });
});
