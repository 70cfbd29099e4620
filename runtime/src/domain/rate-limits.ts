import { createAttemptLimiter, type AttemptLimiter, type AttemptLimits } from './attempt-limiter.js';
import { createLoginThrottle, type LoginThrottle, type LoginThrottleOptions } from './accounts/login-throttle.js';

/**
 * Where login throttling and the rate limits of public forms keep their counts. The composition
 * root passes the database's (`Stores.rateLimits`: a table on SQLite or PostgreSQL), so every
 * process behind a load balancer counts the same tries; tests of a bare service get the memory one.
 * `scope` keeps the limits of different forms apart in one table.
 */
export interface RateLimits {
  loginThrottle(now: () => number, options?: Partial<LoginThrottleOptions>): LoginThrottle;
  attemptLimiter(now: () => number, scope: string, limits: AttemptLimits): AttemptLimiter;
}

/** Counts in this process's memory: for tests and tools that have no database. */
export const memoryRateLimits: RateLimits = {
  loginThrottle: (now, options) => createLoginThrottle(now, options),
  attemptLimiter: (now, _scope, limits) => createAttemptLimiter(now, limits),
};
