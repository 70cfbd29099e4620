import type { Person, SessionRecord } from './accounts-store.js';

/**
 * The session and its person. Memberships are not kept: roles are granted along many paths (members,
 * invitations, enrollments, unit assignments), and a role just granted must work on the next request.
 */
export interface CachedSession {
  session: SessionRecord;
  person: Person;
}

export interface SessionCacheOptions {
  /**
   * How long an entry may be used without reading the store again. It bounds how late a change made
   * by another process (which this one hears nothing of) takes effect; changes made in this process
   * forget the entry at once (see `forgetPerson`). One second, as promised for revocations.
   */
  ttlMs?: number;
  /** Most sessions kept; the oldest entry goes first. */
  maxEntries?: number;
  /** Milliseconds on a clock that never goes back (not the wall clock, which tests freeze or move). */
  monotonicMs?: () => number;
}

export interface SessionCache {
  get(sessionId: string): CachedSession | undefined;
  set(sessionId: string, entry: CachedSession): void;
  /** Forgets every session of a person: their sessions, account or roles changed. */
  forgetPerson(personId: string): void;
  forgetSession(sessionId: string): void;
  readonly size: number;
}

export const DEFAULT_SESSION_CACHE_TTL_MS = 1000;
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * A short-lived cache of resolved sessions. Every API request resolves its session cookie, and three
 * reads (session, person, memberships) were a sixth of the CPU time of a module revalidation and of
 * recording an answer; this keeps the first two. Entries live `ttlMs` at most and are dropped at
 * once when this process ends a session or disables, demotes or removes the person, so the cache
 * never lets a logged-out or disabled person in longer than the revocation promise (one second)
 * allows, and in this process not at all.
 *
 * @example
 * const cache = createSessionCache();
 * cache.set(session.id, { session, person });
 * sessionRevoked.on(({ personId }) => cache.forgetPerson(personId));
 */
export function createSessionCache(options: SessionCacheOptions = {}): SessionCache {
  const ttlMs = options.ttlMs ?? DEFAULT_SESSION_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  if (!(ttlMs >= 0) || !Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('A session cache needs a ttlMs ≥ 0 and a positive whole maxEntries.');
  const entries = new Map<string, CachedSession & { storedAt: number }>();

  return {
    get(sessionId) {
      const entry = entries.get(sessionId);
      if (!entry) return undefined;
      if (monotonicMs() - entry.storedAt >= ttlMs) {
        entries.delete(sessionId);
        return undefined;
      }
      return entry;
    },
    set(sessionId, entry) {
      if (ttlMs === 0) return;
      entries.delete(sessionId);
      entries.set(sessionId, { ...entry, storedAt: monotonicMs() });
      // Insertion order is age order: the first key is the oldest entry.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    forgetPerson(personId) {
      for (const [sessionId, entry] of entries) if (entry.session.personId === personId) entries.delete(sessionId);
    },
    forgetSession(sessionId) {
      entries.delete(sessionId);
    },
    get size() {
      return entries.size;
    },
  };
}
