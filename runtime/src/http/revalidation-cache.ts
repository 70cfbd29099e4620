import { ifNoneMatchHits } from './etag.js';

/** Response headers as name/value pairs, in the order they were sent. */
export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

/** Remembered headers, also as the flat name, value, name, value… list `writeHead` takes. */
export interface RememberedHeaders {
  pairs: HeaderPairs;
  flat: readonly string[];
}

export interface RevalidationCacheOptions {
  /**
   * How long after the app itself answered a 304 the same session's revalidation of the same URL is
   * answered without the app. The bound on how late this process sees a change it is not told of
   * (another process ending the session, an enrollment changed in another process): the same second
   * the stores' read caches allow (storage/sqlite/read-cache.ts).
   */
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds on a clock that never goes back. */
  monotonicMs?: () => number;
}

export interface RevalidationCache {
  /**
   * Remembers that the app answered `url` to the session `token` (signed in as `personId`) with 304
   * for `etag`, with these headers.
   */
  remember(token: string, url: string, entry: { personId: string; etag: string; headers: HeaderPairs }): void;
  /**
   * The headers of the 304 the app gave this session for this URL less than `ttlMs` ago, when
   * `ifNoneMatch` still names that entity tag; otherwise undefined (the request goes to the app).
   */
  notModified(token: string, url: string, ifNoneMatch: string): RememberedHeaders | undefined;
  /** Forgets everything remembered for a person's sessions (logout, revocation, lost access). */
  forgetPerson(personId: string): void;
  readonly size: number;
}

interface Entry {
  personId: string;
  etag: string;
  headers: RememberedHeaders;
  storedAt: number;
}

/**
 * Remembers, for one second, that a session was shown to be allowed to revalidate a piece of
 * immutable content (a released module version) and that its copy was current. A patient's app
 * revalidates each module it shows; with this, the repeats within the second are answered 304 by
 * the HTTP listener (node-listener.ts) without running the app's middleware, the session lookup and
 * the enrollment check again. What a 304 reveals is only that the entity tag the client already
 * holds is still current, to a session that was allowed to read the content a moment ago.
 *
 * An entry is never extended by being used: at least once a second per session and URL the app
 * decides afresh (session expiry, idle timeout, enrollment). Logout and every other end of a
 * session in this process forget the person's entries at once (server.ts listens to
 * `sessionRevoked`).
 *
 * @example
 * const cache = createRevalidationCache();
 * cache.remember(token, '/api/me/module-versions/m/1', { personId, etag: '"abc"', headers });
 * cache.notModified(token, '/api/me/module-versions/m/1', '"abc"'); // headers, for a second
 */
export function createRevalidationCache(options: RevalidationCacheOptions = {}): RevalidationCache {
  const ttlMs = options.ttlMs ?? 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  // Keyed by URL and token: a token alone names a session, and a session may hold several modules.
  const entries = new Map<string, Entry>();
  const keyOf = (token: string, url: string) => `${url}\n${token}`;
  return {
    remember(token, url, entry) {
      const key = keyOf(token, url);
      entries.delete(key);
      const pairs = entry.headers.map(([name, value]) => [name, value] as const);
      entries.set(key, { personId: entry.personId, etag: entry.etag, headers: { pairs, flat: pairs.flat() }, storedAt: monotonicMs() });
      // Insertion order is age order: the first key is the oldest entry.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    notModified(token, url, ifNoneMatch) {
      const key = keyOf(token, url);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (monotonicMs() - entry.storedAt >= ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return ifNoneMatchHits(ifNoneMatch, entry.etag) ? entry.headers : undefined;
    },
    forgetPerson(personId) {
      for (const [key, entry] of entries) if (entry.personId === personId) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

const marked = new WeakMap<Request, { personId: string; etag: string }>();

/**
 * Marks a request whose answer is immutable content for a signed-in person (routes/care/
 * immutable-content.ts), so that the listener may remember a 304 it answers with. Nothing is
 * remembered for a request not marked.
 */
export function markRevalidatable(request: Request, mark: { personId: string; etag: string }): void {
  marked.set(request, mark);
}

/** The mark `markRevalidatable` left on this request, if any. */
export function revalidatableMark(request: Request): { personId: string; etag: string } | undefined {
  return marked.get(request);
}
