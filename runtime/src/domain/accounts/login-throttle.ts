/** Limits on failed logins. Both keys are counted; either one reaching its limit refuses further tries. */
export interface LoginThrottleOptions {
  /** Failures per e-mail address per window (guessing one person's password). */
  maxFailuresPerEmail: number;
  /** Failures per client IP per window (trying many addresses); higher, since a clinic shares one address. */
  maxFailuresPerIp: number;
  windowMs: number;
  /** Counters kept in memory at most; the oldest are dropped first. */
  maxEntries: number;
}

export const DEFAULT_LOGIN_THROTTLE_OPTIONS: LoginThrottleOptions = Object.freeze({
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 20,
  windowMs: 15 * 60_000,
  maxEntries: 10_000,
});

export interface LoginThrottle {
  /** Seconds until another try is allowed, or undefined when it is allowed now. */
  retryAfterSeconds(email: string, ip: string | undefined): number | undefined;
  /**
   * Counts an attempt as failed before the password is checked, so a burst of parallel guesses
   * cannot all pass `retryAfterSeconds` while the slow hash runs.
   */
  recordAttempt(email: string, ip: string | undefined): void;
  /** Takes back a successful attempt: clears the e-mail counter and removes the attempt from the IP's. */
  recordSuccess(email: string, ip: string | undefined): void;
}

interface Counter {
  windowStart: number;
  failures: number;
}

/**
 * In-memory fixed-window counters of failed logins per e-mail and per IP. One process, one
 * throttle: a restart forgets the counts, which is acceptable for a single-node deployment.
 *
 * @param now - milliseconds since the epoch (the injected clock).
 * @example
 * const throttle = createLoginThrottle(() => clock.now().getTime());
 * if (throttle.retryAfterSeconds(email, ip)) refuse();
 */
export function createLoginThrottle(now: () => number, options: Partial<LoginThrottleOptions> = {}): LoginThrottle {
  const settings = { ...DEFAULT_LOGIN_THROTTLE_OPTIONS, ...options };
  const counters = new Map<string, Counter>();

  const live = (key: string, at: number): Counter | undefined => {
    const counter = counters.get(key);
    if (counter && at - counter.windowStart >= settings.windowMs) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  };

  const blockedFor = (key: string, limit: number, at: number): number => {
    const counter = live(key, at);
    if (!counter || counter.failures < limit) return 0;
    return Math.max(1, Math.ceil((counter.windowStart + settings.windowMs - at) / 1000));
  };

  const bump = (key: string, at: number) => {
    const counter = live(key, at);
    if (counter) {
      counter.failures += 1;
      return;
    }
    if (counters.size >= settings.maxEntries) prune(at);
    counters.set(key, { windowStart: at, failures: 1 });
  };

  const prune = (at: number) => {
    for (const key of [...counters.keys()]) live(key, at);
    while (counters.size >= settings.maxEntries) {
      const oldest = counters.keys().next().value;
      if (oldest === undefined) break;
      counters.delete(oldest);
    }
  };

  return {
    retryAfterSeconds(email, ip) {
      const at = now();
      const seconds = Math.max(blockedFor(emailKey(email), settings.maxFailuresPerEmail, at), ip ? blockedFor(ipKey(ip), settings.maxFailuresPerIp, at) : 0);
      return seconds > 0 ? seconds : undefined;
    },
    recordAttempt(email, ip) {
      const at = now();
      bump(emailKey(email), at);
      if (ip) bump(ipKey(ip), at);
    },
    recordSuccess(email, ip) {
      counters.delete(emailKey(email));
      const counter = ip ? live(ipKey(ip), now()) : undefined;
      if (counter) counter.failures = Math.max(0, counter.failures - 1);
    },
  };
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
