import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter.js';

function setup(maxEntries?: number) {
  let now = Date.parse('2026-03-01T08:00:00Z');
  const limiter = createAttemptLimiter(() => now, { limit: 3, windowMs: 60_000, ...(maxEntries === undefined ? {} : { maxEntries }) });
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('createAttemptLimiter', () => {
  it('refuses a key after its limit until the window ends, other keys unaffected', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
      limiter.recordAttempt('10.0.0.1');
    }
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBeUndefined();
    advance(59_500);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    advance(500);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
  });

  it('takes back an attempt that was no guess', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) limiter.recordAttempt('10.0.0.1');
    limiter.takeBack('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
    limiter.takeBack('10.0.0.9');
    expect(limiter.retryAfterSeconds('10.0.0.9')).toBeUndefined();
  });

  it('keeps at most maxEntries counters, dropping the oldest', () => {
    const { limiter } = setup(4);
    for (let i = 0; i < 10; i++) for (let n = 0; n < 3; n++) limiter.recordAttempt(`10.0.0.${i}`);
    expect(limiter.retryAfterSeconds('10.0.0.9')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.0')).toBeUndefined();
  });
});
