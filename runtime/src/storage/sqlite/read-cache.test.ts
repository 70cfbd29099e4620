import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.js';

function clock() {
  let ms = 0;
  return { monotonicMs: () => ms, advance: (by: number) => (ms += by) };
}

describe('createReadCache', () => {
  it('reads once within the time limit and again after it', async () => {
    const time = clock();
    const cache = createReadCache<string[]>({ ttlMs: 1000, monotonicMs: time.monotonicMs });
    let reads = 0;
    const read = async () => [`read ${(reads += 1)}`];
    expect(await cache.get('p', read)).toEqual(['read 1']);
    time.advance(999);
    expect(await cache.get('p', read)).toEqual(['read 1']);
    time.advance(1);
    expect(await cache.get('p', read)).toEqual(['read 2']);
  });

  it('reads again at once after forget', async () => {
    const cache = createReadCache<number>();
    let reads = 0;
    const read = async () => (reads += 1);
    await cache.get('p', read);
    cache.forget('p');
    expect(await cache.get('p', read)).toBe(2);
  });

  it('does not keep a read that was under way when something was forgotten', async () => {
    const cache = createReadCache<string>();
    let release!: (value: string) => void;
    const slow = cache.get('p', () => new Promise<string>((resolve) => (release = resolve)));
    // The write lands while the read is out: what the read saw may be from before it.
    cache.forget('p');
    release('before the change');
    expect(await slow).toBe('before the change');
    expect(await cache.get('p', async () => 'after the change')).toBe('after the change');
  });

  it('hands out frozen values, so one caller cannot change what the next one gets', async () => {
    const cache = createReadCache<Array<{ role: string }>>();
    const value = await cache.get('p', async () => [{ role: 'therapist' }]);
    expect(() => {
      value[0]!.role = 'care_provider_admin';
    }).toThrow(TypeError);
    expect(() => value.push({ role: 'x' })).toThrow(TypeError);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = createReadCache<string>({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    expect(cache.size).toBe(2);
    let reread = false;
    await cache.get('a', async () => {
      reread = true;
      return 'a';
    });
    expect(reread).toBe(true);
  });
});
