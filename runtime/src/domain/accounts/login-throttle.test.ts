import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRateLimitsContract } from '../../storage/contract/rate-limits.contract.js';
import { memoryRateLimits } from '../rate-limits.js';
import { createLoginThrottle, DEFAULT_LOGIN_THROTTLE_OPTIONS, ipKey, type LoginAttempt, type LoginThrottleOptions } from './login-throttle.js';

// The rules themselves are the RateLimits contract, run here on the memory implementation and by
// the SQLite and PostgreSQL stores' tests on theirs.
runRateLimitsContract('memory', async () => ({ limits: memoryRateLimits }));

function setup(options: Partial<LoginThrottleOptions> = {}) {
  let now = Date.parse('2026-03-01T08:00:00Z');
  const throttle = createLoginThrottle(() => now, { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 3600_000, distinctAccountsPerIp: 4, ipWindowMs: 600_000, ...options });
  return { throttle, tryOnce: (attempt: LoginAttempt) => throttle.admit(attempt), advance: (ms: number) => (now += ms) };
}

describe('ipKey', () => {
  it('counts an IPv6 address as its /64, however it is written, and IPv4 as itself', () => {
    expect(ipKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipKey('::1')).toBe('0:0:0:0::/64');
    expect(ipKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(ipKey('192.0.2.7')).toBe('192.0.2.7');
    expect(ipKey('not an address')).toBe('not an address');
    expect(ipKey('1::2::3')).toBe('1::2::3');
  });
});

describe('createLoginThrottle: memory', () => {
  it('keeps at most maxEntries accounts and IPs, dropping the least recently failed', async () => {
    const { throttle, tryOnce } = setup({ maxEntries: 4, maxTrackedIps: 2, freeFailures: 1, distinctAccountsPerIp: 1 });
    for (let i = 0; i < 10; i++) await tryOnce({ account: `person${i}@example.org`, ip: `10.0.0.${i}` });
    expect(await throttle.retryAfterSeconds({ account: 'person9@example.org' })).toBe(1);
    expect(await throttle.retryAfterSeconds({ account: 'person0@example.org' })).toBeUndefined();
    expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '10.0.0.9' })).toBe(600);
    expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '10.0.0.0' })).toBeUndefined();
  });
});

describe('createLoginThrottle: properties', () => {
  const settings = { ...DEFAULT_LOGIN_THROTTLE_OPTIONS };
  const step = fc.record({
    account: fc.constantFrom('ann@example.org', 'ANN@example.org ', 'bob@example.org', 'cleo@example.org'),
    ip: fc.constantFrom('192.0.2.1', '192.0.2.2', '2001:db8:1:2::1', '2001:db8:1:2::2', undefined),
    device: fc.option(fc.constantFrom('device-1', 'device-2'), { nil: undefined, freq: 2 }),
    // Mostly quick tries, sometimes a long pause (backoffs run out, failures are forgotten).
    gapMs: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3_000 }), weight: 9 }, { arbitrary: fc.integer({ min: 0, max: 2 * 24 * 3600_000 }), weight: 1 }),
    // Mostly wrong passwords: an attacker, or a forgetful owner.
    correct: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  });

  it('never asks for more than the longest wait, and never refuses a known device that has not failed its free tries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 300 }), async (steps) => {
        let now = Date.parse('2026-03-01T08:00:00Z');
        const throttle = createLoginThrottle(() => now, settings);
        // The device's own failures since its last success, as the owner's browser would see them.
        const deviceFailures = new Map<string, { failures: number; lastAt: number }>();
        for (const { account, ip, device, gapMs, correct } of steps) {
          now += gapMs;
          const attempt: LoginAttempt = { account, ip, knownDevice: device };
          const wait = await throttle.admit(attempt);
          expect(wait === undefined || (wait >= 1 && wait <= Math.max(settings.maxDelayMs, settings.ipWindowMs) / 1000)).toBe(true);
          const key = `${device}|${account.trim().toLowerCase()}`;
          const mine = deviceFailures.get(key);
          const fresh = !mine || now - mine.lastAt >= settings.forgetAfterMs ? 0 : mine.failures;
          if (device !== undefined && fresh < settings.freeFailures) expect(wait).toBeUndefined();
          if (wait !== undefined) continue;
          if (correct) {
            await throttle.recordSuccess(attempt);
            deviceFailures.delete(key);
          } else if (device !== undefined) {
            deviceFailures.set(key, { failures: fresh + 1, lastAt: now });
          }
        }
      }),
      { seed: 20260301, numRuns: 300 },
    );
  });

  it('lets an attacker who tries the moment each wait ends at most about a hundred guesses a day per account', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const throttle = createLoginThrottle(() => now, settings);
    const end = now + 24 * 3600_000;
    let guesses = 0;
    let ip = 0;
    while (now < end) {
      // A fresh IP for every guess: only the account's backoff is left to stop it.
      const attempt = { account: 'ann@example.org', ip: `198.51.${Math.floor(ip / 250)}.${ip % 250}` };
      ip += 1;
      const wait = await throttle.admit(attempt);
      if (wait === undefined) guesses += 1;
      else now += wait * 1000;
    }
    // 5 free, 10 doubling waits (1 s … 512 s), then one every 15 minutes.
    expect(guesses).toBeLessThanOrEqual(5 + 10 + Math.ceil((24 * 3600 - 1023) / 900) + 1);
    expect(guesses).toBeGreaterThan(90);
  });
});
