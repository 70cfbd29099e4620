/** A map that holds at most `maxEntries` values, dropping the least recently used one first. */
export interface LruCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

/**
 * A bounded least-recently-used cache over a Map (whose iteration order is insertion order: a hit
 * is re-inserted so the first key is always the coldest). For values that never go stale, such as
 * parsed immutable versions; it has no expiry.
 *
 * @example
 * const cache = createLruCache<string, Module>({ maxEntries: 256 });
 * cache.set('phq-9@1', module);
 * cache.get('phq-9@1'); // module
 */
export function createLruCache<K, V>(options: { maxEntries: number }): LruCache<K, V> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, not ${options.maxEntries}.`);
  const entries = new Map<K, V>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key) as V;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as K);
    },
    get size() {
      return entries.size;
    },
  };
}
