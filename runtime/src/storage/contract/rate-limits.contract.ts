import { describe, expect, it } from 'vitest';
import type { LoginAttempt, LoginThrottleOptions } from '../../domain/accounts/login-throttle.js';
import type { RateLimits } from '../../domain/rate-limits.js';

/**
 * What every `RateLimits` must do (memory, SQLite, PostgreSQL): the login throttle's rules and the
 * public forms' fixed windows, each step atomic. `make` returns empty counts; `second`, when given,
 * returns another handle on the same storage (another process on the same database).
 */
export function runRateLimitsContract(name: string, make: () => Promise<{ limits: RateLimits; second?: RateLimits }>): void {
  const start = Date.parse('2026-03-01T08:00:00Z');
  const rules: Partial<LoginThrottleOptions> = { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 3600_000, distinctAccountsPerIp: 4, ipWindowMs: 600_000 };

  async function login(options: Partial<LoginThrottleOptions> = {}) {
    const { limits, second } = await make();
    let now = start;
    const throttle = limits.loginThrottle(() => now, { ...rules, ...options });
    return { throttle, other: second?.loginThrottle(() => now, { ...rules, ...options }), tryOnce: (attempt: LoginAttempt) => throttle.admit(attempt), advance: (ms: number) => (now += ms) };
  }
  const ann = (ip = '10.0.0.1', knownDevice?: string): LoginAttempt => ({ account: 'Ann@Example.org', ip, knownDevice });

  describe(`${name} (RateLimits contract): login throttle`, () => {
    it('lets the free failures through, then makes each try wait twice as long as the last, up to the cap', async () => {
      const { tryOnce, advance } = await login();
      for (let i = 0; i < 3; i++) expect(await tryOnce(ann(`10.0.0.${i}`))).toBeUndefined();
      const waits: number[] = [];
      for (let i = 0; i < 9; i++) {
        const wait = (await tryOnce(ann('10.0.0.9')))!;
        waits.push(wait);
        advance(wait * 1000);
        expect(await tryOnce(ann('10.0.0.9'))).toBeUndefined();
      }
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    });

    it('counts one account whatever the letter case, spacing or IP; other accounts are unaffected', async () => {
      const { tryOnce, throttle } = await login();
      for (const email of ['ann@example.org', ' ANN@example.org', 'Ann@Example.Org']) await tryOnce({ account: email, ip: `192.0.2.${email.length}` });
      expect(await throttle.retryAfterSeconds({ account: 'ann@example.org', ip: '198.51.100.7' })).toBe(1);
      expect(await throttle.retryAfterSeconds({ account: 'bob@example.org', ip: '198.51.100.7' })).toBeUndefined();
    });

    it('admits exactly the free tries of a parallel burst, in this process and another on the same storage', async () => {
      const { throttle, other } = await login();
      const handles = [throttle, other ?? throttle];
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => handles[i % 2]!.admit(ann())));
      expect(results.filter((wait) => wait === undefined)).toHaveLength(3);
    });

    it('forgets an account\'s failures a while after the last, and at once after a success', async () => {
      const { throttle, tryOnce, advance } = await login();
      for (let i = 0; i < 3; i++) await tryOnce(ann());
      advance(3600_000);
      expect(await throttle.retryAfterSeconds(ann())).toBeUndefined();
      for (let i = 0; i < 3; i++) await tryOnce(ann());
      expect(await throttle.retryAfterSeconds(ann())).toBe(1);
      advance(1_000);
      await tryOnce(ann());
      await throttle.recordSuccess(ann());
      expect(await throttle.retryAfterSeconds(ann())).toBeUndefined();
    });

    it('lets the owner\'s known device through while the account waits, counting its own failures apart', async () => {
      const { throttle, tryOnce } = await login();
      for (let i = 0; i < 12; i++) await tryOnce(ann('203.0.113.66'));
      expect(await throttle.retryAfterSeconds(ann('203.0.113.66'))).toBeGreaterThan(0);
      expect(await throttle.retryAfterSeconds(ann('10.0.0.1', 'device-a'))).toBeUndefined();
      const before = await throttle.retryAfterSeconds(ann('10.0.0.2'));
      for (let i = 0; i < 3; i++) expect(await tryOnce(ann('10.0.0.1', 'device-a'))).toBeUndefined();
      expect(await throttle.retryAfterSeconds(ann('10.0.0.1', 'device-a'))).toBe(1);
      expect(await throttle.retryAfterSeconds(ann('10.0.0.1', 'device-b'))).toBeUndefined();
      expect(await throttle.retryAfterSeconds(ann('10.0.0.2'))).toBe(before);
      await throttle.recordSuccess(ann('10.0.0.1', 'device-a'));
      expect(await throttle.retryAfterSeconds(ann('10.0.0.1', 'device-a'))).toBeUndefined();
    });

    it('binds a device\'s count to the account: one device cannot spend another account\'s allowance', async () => {
      const { throttle, tryOnce } = await login();
      for (let i = 0; i < 3; i++) await tryOnce({ account: 'ann@example.org', knownDevice: 'shared-pc' });
      expect(await throttle.retryAfterSeconds({ account: 'ann@example.org', knownDevice: 'shared-pc' })).toBe(1);
      expect(await throttle.retryAfterSeconds({ account: 'bob@example.org', knownDevice: 'shared-pc' })).toBeUndefined();
    });

    it('stops a spray of new accounts from one IP, not colleagues who already failed, not other IPs', async () => {
      const { throttle, tryOnce, advance } = await login();
      for (let i = 0; i < 4; i++) expect(await tryOnce({ account: `person${i}@example.org`, ip: '192.0.2.1' })).toBeUndefined();
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(600);
      expect(await tryOnce({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(600);
      expect(await throttle.retryAfterSeconds({ account: 'person2@example.org', ip: '192.0.2.1' })).toBeUndefined();
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.2' })).toBeUndefined();
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1', knownDevice: 'device-n' })).toBeUndefined();
      advance(300_000);
      await tryOnce({ account: 'person0@example.org', ip: '192.0.2.1' });
      // person1's failure is now the oldest; it leaves the window first.
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(300);
      advance(300_000);
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBeUndefined();
    });

    it('admits at most the allowed accounts from one IP in a parallel spray', async () => {
      const { throttle, other } = await login({ freeFailures: 100 });
      const handles = [throttle, other ?? throttle];
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => handles[i % 2]!.admit({ account: `sprayed${i}@example.org`, ip: '192.0.2.50' })));
      expect(results.filter((wait) => wait === undefined)).toHaveLength(4);
    });

    it('counts many failures of one colleague once, and takes a colleague off the list when they get in', async () => {
      const { throttle, tryOnce } = await login({ freeFailures: 100 });
      for (let i = 0; i < 50; i++) await tryOnce({ account: 'clumsy@example.org', ip: '192.0.2.1' });
      for (let i = 0; i < 3; i++) await tryOnce({ account: `person${i}@example.org`, ip: '192.0.2.1' });
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBe(600);
      await throttle.recordSuccess({ account: 'clumsy@example.org', ip: '192.0.2.1' });
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '192.0.2.1' })).toBeUndefined();
    });

    it('counts an IPv6 /64 as one address', async () => {
      const { throttle, tryOnce } = await login();
      for (let i = 0; i < 4; i++) expect(await tryOnce({ account: `person${i}@example.org`, ip: `2001:db8:1:2::${i + 1}` })).toBeUndefined();
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '2001:db8:1:2:ffff::9' })).toBe(600);
      expect(await throttle.retryAfterSeconds({ account: 'new@example.org', ip: '2001:db8:1:3::9' })).toBeUndefined();
    });
  });

  describe(`${name} (RateLimits contract): attempt windows`, () => {
    async function windows() {
      const { limits, second } = await make();
      let now = start;
      const limiter = limits.attemptLimiter(() => now, 'form-a', { limit: 3, windowMs: 60_000 });
      return { limits, limiter, other: second?.attemptLimiter(() => now, 'form-a', { limit: 3, windowMs: 60_000 }), now: () => now, advance: (ms: number) => (now += ms) };
    }

    it('refuses a key after its limit until the window ends, other keys and other forms unaffected', async () => {
      const { limits, limiter, advance, now } = await windows();
      for (let i = 0; i < 3; i++) expect(await limiter.admit('10.0.0.1')).toBeUndefined();
      expect(await limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
      expect(await limiter.admit('10.0.0.1')).toBe(60);
      expect(await limiter.retryAfterSeconds('10.0.0.2')).toBeUndefined();
      expect(await limits.attemptLimiter(now, 'form-b', { limit: 3, windowMs: 60_000 }).retryAfterSeconds('10.0.0.1')).toBeUndefined();
      advance(59_500);
      expect(await limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
      advance(500);
      expect(await limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
      expect(await limiter.admit('10.0.0.1')).toBeUndefined();
    });

    it('takes back an attempt that was no guess', async () => {
      const { limiter } = await windows();
      for (let i = 0; i < 3; i++) await limiter.admit('10.0.0.1');
      await limiter.takeBack('10.0.0.1');
      expect(await limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
      await limiter.takeBack('10.0.0.9');
      expect(await limiter.retryAfterSeconds('10.0.0.9')).toBeUndefined();
      for (let i = 0; i < 3; i++) expect(await limiter.admit('10.0.0.9')).toBeUndefined();
      expect(await limiter.admit('10.0.0.9')).toBe(60);
    });

    it('admits exactly the limit of a parallel burst, in this process and another on the same storage', async () => {
      const { limiter, other } = await windows();
      const handles = [limiter, other ?? limiter];
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => handles[i % 2]!.admit('192.0.2.9')));
      expect(results.filter((wait) => wait === undefined)).toHaveLength(3);
    });
  });
}
