import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter.js';

// The windows' rules are the RateLimits contract (storage/contract/rate-limits.contract.ts), run on
// the memory implementation by login-throttle.test.ts; this is what only memory has: a bound.
describe('createAttemptLimiter (memory)', () => {
  it('keeps at most maxEntries counters, dropping the oldest', async () => {
    const now = Date.parse('2026-03-01T08:00:00Z');
    const limiter = createAttemptLimiter(() => now, { limit: 3, windowMs: 60_000, maxEntries: 4 });
    for (let i = 0; i < 10; i++) for (let n = 0; n < 3; n++) await limiter.admit(`10.0.0.${i}`);
    expect(await limiter.retryAfterSeconds('10.0.0.9')).toBe(60);
    expect(await limiter.retryAfterSeconds('10.0.0.0')).toBeUndefined();
  });
});
