export interface ReadCacheOptions {
  /**
   * How long an entry is used without reading again. Writes through this process's connection
   * forget entries at once (change-hooks.ts); the time limit bounds how late a write from another
   * process on the same file (an `npm run admin:create` beside the server) is seen.
   */
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds on a clock that never goes back. */
  monotonicMs?: () => number;
}

export interface ReadCache<T> {
  /** The cached value for `key`, or `read()`'s, kept for the next call. */
  get(key: string, read: () => Promise<T>): Promise<T>;
  forget(key: string): void;
  readonly size: number;
}

/**
 * Keeps a per-key read (a person's memberships, a patient's enrollments) for a moment. Values are
 * frozen, because every caller gets the same objects: a caller that changed one would change what
 * the next request sees.
 *
 * @example
 * const memberships = createReadCache<MembershipRecord[]>();
 * changeHooksOf(db).onAccessChanged((personId) => memberships.forget(personId));
 * await memberships.get(personId, () => store.listMemberships(personId));
 */
export function createReadCache<T>(options: ReadCacheOptions = {}): ReadCache<T> {
  const ttlMs = options.ttlMs ?? 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const entries = new Map<string, { value: T; storedAt: number }>();
  // Bumped by every forget: a read that was under way when something changed is returned to its
  // caller but not kept, since it may hold what was there before the change.
  let generation = 0;
  return {
    async get(key, read) {
      const entry = entries.get(key);
      const at = monotonicMs();
      if (entry && at - entry.storedAt < ttlMs) return entry.value;
      const startedIn = generation;
      const value = deepFreeze(await read());
      if (startedIn !== generation) return value;
      entries.delete(key);
      entries.set(key, { value, storedAt: at });
      // Insertion order is age order: the first key is the oldest entry.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return value;
    },
    forget(key) {
      generation += 1;
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
