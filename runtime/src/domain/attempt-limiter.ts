/** How many attempts one key may make per window. */
export interface AttemptLimits {
  /** Attempts per key and window; the next one is refused until the window ends. */
  limit: number;
  windowMs: number;
  /** Counters kept in memory at most; expired ones go first, then the oldest. */
  maxEntries?: number;
}

export const DEFAULT_MAX_ATTEMPT_ENTRIES = 10_000;

/**
 * Fixed-window attempts per key. Kept in the database (the stores' `rateLimits`), so every process
 * counts the same attempts; each method is one atomic step there.
 */
export interface AttemptLimiter {
  /** Seconds until the key may try again, or undefined when it may now (reads only). */
  retryAfterSeconds(key: string): Promise<number | undefined>;
  /**
   * One atomic step: when the key is under its limit, counts this attempt (before its outcome is
   * known, so a burst of parallel tries cannot all pass) and resolves undefined; otherwise resolves
   * the seconds until the window ends, counting nothing.
   */
  admit(key: string): Promise<number | undefined>;
  /** Takes back one counted attempt that turned out not to be a guess (a live invitation code). */
  takeBack(key: string): Promise<void>;
}

interface Counter {
  windowStart: number;
  attempts: number;
}

/**
 * Fixed-window counters per key (usually a client IP) for public forms that anyone can post to:
 * invitation codes, self-referrals. This one keeps them in memory (tests, the memory `RateLimits`);
 * the SQLite and PostgreSQL ones keep them in a table, and one contract suite runs on all three.
 * Logins have their own, gentler throttle (domain/accounts/login-throttle.ts) because an owner must
 * never be locked out.
 *
 * @param now - milliseconds since the epoch (the injected clock).
 * @example
 * const limiter = createAttemptLimiter(() => clock.now().getTime(), { limit: 10, windowMs: 15 * 60_000 });
 * const wait = await limiter.admit(ip);
 * if (wait !== undefined) refuse(wait);
 */
export function createAttemptLimiter(now: () => number, limits: AttemptLimits): AttemptLimiter {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ATTEMPT_ENTRIES;
  const counters = new Map<string, Counter>();

  const live = (key: string, at: number): Counter | undefined => {
    const counter = counters.get(key);
    if (counter && at - counter.windowStart >= limits.windowMs) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  };

  const prune = (at: number) => {
    for (const key of [...counters.keys()]) live(key, at);
    while (counters.size >= maxEntries) {
      const oldest = counters.keys().next().value;
      if (oldest === undefined) break;
      counters.delete(oldest);
    }
  };

  const retryAfter = (key: string, at: number) => {
    const counter = live(key, at);
    if (!counter || counter.attempts < limits.limit) return undefined;
    return Math.max(1, Math.ceil((counter.windowStart + limits.windowMs - at) / 1000));
  };

  return {
    async retryAfterSeconds(key) {
      return retryAfter(key, now());
    },
    async admit(key) {
      const at = now();
      const wait = retryAfter(key, at);
      if (wait !== undefined) return wait;
      const counter = live(key, at);
      if (counter) {
        counter.attempts += 1;
        return undefined;
      }
      if (counters.size >= maxEntries) prune(at);
      counters.set(key, { windowStart: at, attempts: 1 });
      return undefined;
    },
    async takeBack(key) {
      const counter = live(key, now());
      if (counter) counter.attempts = Math.max(0, counter.attempts - 1);
    },
  };
}
