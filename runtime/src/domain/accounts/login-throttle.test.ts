import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoginThrottle, DEFAULT_LOGIN_THROTTLE_OPTIONS, ipKey, type LoginAttempt, type LoginThrottleOptions } from './login-throttle.js';

function setup(options: Partial<LoginThrottleOptions> = {}) {
  let now = Date.parse('2026-03-01T08:00:00Z');
  const throttle = createLoginThrottle(() => now, { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 3600_000, distinctAccountsPerIp: 4, ipWindowMs: 600_000, ...options });
  /** A failed try, checked then counted as the login does; the refusal's seconds when refused (then nothing is counted). */
  const tryOnce = (attempt: LoginAttempt): number | undefined => {
    const wait = throttle.retryAfterSeconds(attempt);
    if (wait === undefined) throttle.recordAttempt(attempt);
    return wait;
  };
  return { throttle, tryOnce, advance: (ms: number) => (now += ms) };
}

const ann = (ip = '10.0.0.1', knownDevice?: string): LoginAttempt => ({ account: 'Ann@Example.org', ip, knownDevice });

describe('createLoginThrottle: per-account backoff', () => {
  it('lets the free failures through, then makes each try wait twice as long as the last, up to the cap', () => {
    const { tryOnce, advance } = setup();
    for (let i = 0; i < 3; i++) expect(tryOnce(ann(`10.0.0.${i}`))).toBeUndefined();
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const wait = tryOnce(ann('10.0.0.9'))!;
      waits.push(wait);
      advance(wait * 1000);
      expect(tryOnce(ann('10.0.0.9'))).toBeUndefined();
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('counts one account whatever the letter case, spacing or IP; other accounts are unaffected', () => {
    const { tryOnce, throttle } = setup();
    for (const email of ['ann@example.org', ' ANN@example.org', 'Ann@Example.Org']) tryOnce({ account: email, ip: `192.0.2.${email.length}` });
    expect(throttle.retryAfterSeconds({ account: 'ann@example.org', ip: '198.51.100.7' })).toBe(1);
    expect(throttle.retryAfterSeconds({ account: 'bob@example.org', ip: '198.51.100.7' })).toBeUndefined();
  });

  it('counts parallel tries before their outcome is known', () => {
    const { throttle } = setup();
    const passed = Array.from({ length: 10 }, () => {
      const wait = throttle.retryAfterSeconds(ann());
      if (wait === undefined) throttle.recordAttempt(ann());
      return wait === undefined;
    });
    expect(passed.filter(Boolean)).toHaveLength(3);
  });

  it('forgets an account\'s failures a while after the last, and at once after a success', () => {
    const { throttle, tryOnce, advance } = setup();
    for (let i = 0; i < 3; i++) tryOnce(ann());
    advance(3600_000);
    expect(throttle.retryAfterSeconds(ann())).toBeUndefined();
    for (let i = 0; i < 3; i++) tryOnce(ann());
    expect(throttle.retryAfterSeconds(ann())).toBe(1);
    advance(1_000);
    tryOnce(ann());
    throttle.recordSuccess(ann());
    expect(throttle.retryAfterSeconds(ann())).toBeUndefined();
  });
});

describe('createLoginThrottle: known devices', () => {
  it('lets the owner\'s known device through while the account waits, counting its own failures apart', () => {
    const { throttle, tryOnce } = setup();
    for (let i = 0; i < 12; i++) tryOnce(ann('203.0.113.66'));
    expect(throttle.retryAfterSeconds(ann('203.0.113.66'))).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(ann('10.0.0.1', 'device-a'))).toBeUndefined();
    // The device mistypes too: it backs off on its own, the account's wait is unchanged.
    const before = throttle.retryAfterSeconds(ann('10.0.0.2'));
    for (let i = 0; i < 3; i++) expect(tryOnce(ann('10.0.0.1', 'device-a'))).toBeUndefined();
    expect(throttle.retryAfterSeconds(ann('10.0.0.1', 'device-a'))).toBe(1);
    expect(throttle.retryAfterSeconds(ann('10.0.0.1', 'device-b'))).toBeUndefined();
    expect(throttle.retryAfterSeconds(ann('10.0.0.2'))).toBe(before);
    throttle.recordSuccess(ann('10.0.0.1', 'device-a'));
    expect(throttle.retryAfterSeconds(ann('10.0.0.1', 'device-a'))).toBeUndefined();
  });

  it('binds a device\'s count to the account: one device cannot spend another account\'s allowance', () => {
    const { throttle, tryOnce } = setup();
    for (let i = 0; i < 3; i++) tryOnce({ account: 'ann@example.org', knownDevice: 'shared-pc' });
    expect(throttle.retryAfterSeconds({ account: 'ann@example.org', knownDevice: 'shared-pc' })).toBe(1);
    expect(throttle.retryAfterSeconds({ account: 'bob@example.org', knownDevice: 'shared-pc' })).toBeUndefined();
  });
});

describe('createLoginThrottle: per IP, distinct accounts', () => {
  it('stops a spray of new accounts from one IP, not colleagues who already failed, not other IPs', () => {
    const { throttle, tryOnce, advance } = setup();
    for (let i = 0; i < 4; i++) expect(tryOnce({ account: `person${i}@example.org`, ip: '192.0.2.1' })).toBeUndefined();
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(600);
    expect(throttle.retryAfterSeconds({ account: 'person2@example.org', ip: '192.0.2.1' })).toBeUndefined();
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.2' })).toBeUndefined();
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1', knownDevice: 'device-n' })).toBeUndefined();
    advance(300_000);
    tryOnce({ account: 'person0@example.org', ip: '192.0.2.1' });
    // person1's failure is now the oldest; it leaves the window first.
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(300);
    advance(300_000);
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBeUndefined();
  });

  it('counts many failures of one colleague once, and takes a colleague off the list when they get in', () => {
    const { throttle, tryOnce } = setup({ freeFailures: 100 });
    for (let i = 0; i < 50; i++) tryOnce({ account: 'clumsy@example.org', ip: '192.0.2.1' });
    for (let i = 0; i < 3; i++) tryOnce({ account: `person${i}@example.org`, ip: '192.0.2.1' });
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(600);
    throttle.recordSuccess({ account: 'clumsy@example.org', ip: '192.0.2.1' });
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBeUndefined();
  });

  it('defaults leave room for a clinic: 20 colleagues failing from one address do not stop the 21st', () => {
    const { throttle, tryOnce } = setup({ ...DEFAULT_LOGIN_THROTTLE_OPTIONS });
    for (let i = 0; i < 20; i++) expect(tryOnce({ account: `colleague${i}@clinic.example`, ip: '192.0.2.1' })).toBeUndefined();
    expect(throttle.retryAfterSeconds({ account: 'colleague20@clinic.example', ip: '192.0.2.1' })).toBeUndefined();
  });
});

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

  it('stops a spray that takes a fresh IPv6 address from one /64 for every try', () => {
    const { throttle, tryOnce } = setup();
    for (let i = 0; i < 4; i++) expect(tryOnce({ account: `person${i}@example.org`, ip: `2001:db8:1:2::${i + 1}` })).toBeUndefined();
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '2001:db8:1:2:ffff::9' })).toBe(600);
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '2001:db8:1:3::9' })).toBeUndefined();
  });
});

describe('createLoginThrottle: memory', () => {
  it('keeps at most maxEntries accounts and IPs, dropping the least recently failed', () => {
    const { throttle, tryOnce } = setup({ maxEntries: 4, maxTrackedIps: 2, freeFailures: 1, distinctAccountsPerIp: 1 });
    for (let i = 0; i < 10; i++) tryOnce({ account: `person${i}@example.org`, ip: `10.0.0.${i}` });
    expect(throttle.retryAfterSeconds({ account: 'person9@example.org' })).toBe(1);
    expect(throttle.retryAfterSeconds({ account: 'person0@example.org' })).toBeUndefined();
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '10.0.0.9' })).toBe(600);
    expect(throttle.retryAfterSeconds({ account: 'new@example.org', ip: '10.0.0.0' })).toBeUndefined();
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

  it('never asks for more than the longest wait, and never refuses a known device that has not failed its free tries', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        let now = Date.parse('2026-03-01T08:00:00Z');
        const throttle = createLoginThrottle(() => now, settings);
        // The device's own failures since its last success, as the owner's browser would see them.
        const deviceFailures = new Map<string, { failures: number; lastAt: number }>();
        for (const { account, ip, device, gapMs, correct } of steps) {
          now += gapMs;
          const attempt: LoginAttempt = { account, ip, knownDevice: device };
          const wait = throttle.retryAfterSeconds(attempt);
          expect(wait === undefined || (wait >= 1 && wait <= Math.max(settings.maxDelayMs, settings.ipWindowMs) / 1000)).toBe(true);
          const key = `${device}|${account.trim().toLowerCase()}`;
          const mine = deviceFailures.get(key);
          const fresh = !mine || now - mine.lastAt >= settings.forgetAfterMs ? 0 : mine.failures;
          if (device !== undefined && fresh < settings.freeFailures) expect(wait).toBeUndefined();
          if (wait !== undefined) continue;
          throttle.recordAttempt(attempt);
          if (correct) {
            throttle.recordSuccess(attempt);
            deviceFailures.delete(key);
          } else if (device !== undefined) {
            deviceFailures.set(key, { failures: fresh + 1, lastAt: now });
          }
        }
      }),
      { seed: 20260301, numRuns: 300 },
    );
  });

  it('lets an attacker who tries the moment each wait ends at most about a hundred guesses a day per account', () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const throttle = createLoginThrottle(() => now, settings);
    const end = now + 24 * 3600_000;
    let guesses = 0;
    let ip = 0;
    while (now < end) {
      // A fresh IP for every guess: only the account's backoff is left to stop it.
      const attempt = { account: 'ann@example.org', ip: `198.51.${Math.floor(ip / 250)}.${ip % 250}` };
      ip += 1;
      const wait = throttle.retryAfterSeconds(attempt);
      if (wait === undefined) {
        throttle.recordAttempt(attempt);
        guesses += 1;
      } else now += wait * 1000;
    }
    // 5 free, 10 doubling waits (1 s … 512 s), then one every 15 minutes.
    expect(guesses).toBeLessThanOrEqual(5 + 10 + Math.ceil((24 * 3600 - 1023) / 900) + 1);
    expect(guesses).toBeGreaterThan(90);
  });
});
