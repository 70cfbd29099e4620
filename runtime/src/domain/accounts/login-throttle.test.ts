import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

function setup(options = {}) {
  let now = Date.parse('2026-03-01T08:00:00Z');
  const throttle = createLoginThrottle(() => now, { maxFailuresPerEmail: 3, maxFailuresPerIp: 5, windowMs: 60_000, ...options });
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('createLoginThrottle', () => {
  it('refuses an e-mail after its limit, case-insensitively, until the window ends', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) throttle.recordAttempt('Ann@Example.org', `10.0.0.${i}`);
    expect(throttle.retryAfterSeconds('ann@example.org', '10.0.0.9')).toBe(60);
    advance(59_000);
    expect(throttle.retryAfterSeconds('ann@example.org', undefined)).toBe(1);
    advance(1_000);
    expect(throttle.retryAfterSeconds('ann@example.org', undefined)).toBeUndefined();
  });

  it('refuses an IP after its limit, whatever the e-mail', () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i++) throttle.recordAttempt(`person${i}@example.org`, '10.0.0.1');
    expect(throttle.retryAfterSeconds('new@example.org', '10.0.0.1')).toBe(60);
    expect(throttle.retryAfterSeconds('new@example.org', '10.0.0.2')).toBeUndefined();
  });

  it('allows tries below the limit; a success clears the e-mail counter and takes its attempt off the IP', () => {
    const { throttle } = setup();
    throttle.recordAttempt('ann@example.org', '10.0.0.1');
    throttle.recordAttempt('ann@example.org', '10.0.0.1');
    expect(throttle.retryAfterSeconds('ann@example.org', '10.0.0.1')).toBeUndefined();
    throttle.recordSuccess('ann@example.org', '10.0.0.1');
    throttle.recordAttempt('ann@example.org', '10.0.0.1');
    throttle.recordAttempt('ann@example.org', '10.0.0.1');
    expect(throttle.retryAfterSeconds('ann@example.org', '10.0.0.1')).toBeUndefined();
    // The IP has 3 unsuccessful attempts (the successful one was taken back): two more reach its limit of 5.
    throttle.recordAttempt('bob@example.org', '10.0.0.1');
    expect(throttle.retryAfterSeconds('carl@example.org', '10.0.0.1')).toBeUndefined();
    throttle.recordAttempt('bob@example.org', '10.0.0.1');
    expect(throttle.retryAfterSeconds('carl@example.org', '10.0.0.1')).toBe(60);
  });

  it('counts parallel attempts before their outcome is known', () => {
    const { throttle } = setup();
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds('ann@example.org', '10.0.0.1')).toBeUndefined();
      throttle.recordAttempt('ann@example.org', '10.0.0.1');
    }
    expect(throttle.retryAfterSeconds('ann@example.org', '10.0.0.1')).toBe(60);
  });

  it('keeps at most maxEntries counters', () => {
    const { throttle } = setup({ maxEntries: 4, maxFailuresPerEmail: 1 });
    for (let i = 0; i < 10; i++) throttle.recordAttempt(`person${i}@example.org`, undefined);
    expect(throttle.retryAfterSeconds('person9@example.org', undefined)).toBe(60);
    expect(throttle.retryAfterSeconds('person0@example.org', undefined)).toBeUndefined();
  });
});
