import type Database from 'better-sqlite3';
import type { AttemptLimits } from '../../domain/attempt-limiter.js';
import { bumpedBackoff, DEFAULT_LOGIN_THROTTLE_OPTIONS, loginWaitMs, throttleKeys, waitSeconds, type Backoff, type LoginAttempt, type LoginThrottleOptions } from '../../domain/accounts/login-throttle.js';
import type { RateLimits } from '../../domain/rate-limits.js';

/**
 * Login throttling and the public forms' rate limits in SQLite (migration 080-rate-limits.sql).
 * Each step that decides and counts is one synchronous transaction, so parallel tries cannot all
 * pass; the rules are the domain's (login-throttle.ts), shared with the PostgreSQL store.
 *
 * @example
 * const throttle = createSqliteRateLimits(db).loginThrottle(() => clock.now().getTime());
 */
export function createSqliteRateLimits(db: Database.Database): RateLimits {
  const selectBackoff = db.prepare('SELECT failures, last_at FROM login_backoffs WHERE key = ?');
  const upsertBackoff = db.prepare('INSERT INTO login_backoffs (key, failures, last_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at');
  const deleteBackoff = db.prepare('DELETE FROM login_backoffs WHERE key = ?');
  const sweepBackoffs = db.prepare('DELETE FROM login_backoffs WHERE last_at <= ?');
  const selectIpFailures = db.prepare('SELECT account, failed_at FROM login_ip_failures WHERE ip = ? AND failed_at > ? ORDER BY failed_at, account');
  const upsertIpFailure = db.prepare('INSERT INTO login_ip_failures (ip, account, failed_at) VALUES (?, ?, ?) ON CONFLICT (ip, account) DO UPDATE SET failed_at = excluded.failed_at');
  const deleteIpFailure = db.prepare('DELETE FROM login_ip_failures WHERE ip = ? AND account = ?');
  const sweepIpFailures = db.prepare('DELETE FROM login_ip_failures WHERE failed_at <= ?');

  const selectWindow = db.prepare('SELECT window_start, attempts, expires_at FROM attempt_windows WHERE scope = ? AND key = ? AND expires_at > ?');
  const upsertWindow = db.prepare(
    `INSERT INTO attempt_windows (scope, key, window_start, attempts, expires_at) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (scope, key) DO UPDATE SET
       window_start = CASE WHEN attempt_windows.expires_at <= excluded.window_start THEN excluded.window_start ELSE attempt_windows.window_start END,
       attempts = CASE WHEN attempt_windows.expires_at <= excluded.window_start THEN 1 ELSE attempt_windows.attempts + 1 END,
       expires_at = CASE WHEN attempt_windows.expires_at <= excluded.window_start THEN excluded.expires_at ELSE attempt_windows.expires_at END`,
  );
  const takeBackWindow = db.prepare('UPDATE attempt_windows SET attempts = max(attempts - 1, 0) WHERE scope = ? AND key = ? AND expires_at > ?');
  const sweepWindows = db.prepare('DELETE FROM attempt_windows WHERE expires_at <= ?');

  return {
    loginThrottle(now, options = {}) {
      const settings: LoginThrottleOptions = { ...DEFAULT_LOGIN_THROTTLE_OPTIONS, ...options };
      const waitMs = (attempt: LoginAttempt, at: number) => {
        const keys = throttleKeys(attempt);
        const row = selectBackoff.get(keys.backoffKey) as { failures: number; last_at: number } | undefined;
        const backoff: Backoff | undefined = row ? { failures: row.failures, lastAt: row.last_at } : undefined;
        const ipFailures = keys.ip ? (selectIpFailures.all(keys.ip.key, at - settings.ipWindowMs) as Array<{ account: string; failed_at: number }>).map((failure) => ({ account: failure.account, failedAt: failure.failed_at })) : [];
        return { keys, backoff, wait: loginWaitMs(settings, keys, backoff, ipFailures, at) };
      };
      const admit = db.transaction((attempt: LoginAttempt, at: number): number => {
        sweepBackoffs.run(at - settings.forgetAfterMs);
        sweepIpFailures.run(at - settings.ipWindowMs);
        const { keys, backoff, wait } = waitMs(attempt, at);
        if (wait > 0) return wait;
        const next = bumpedBackoff(settings, backoff, at);
        upsertBackoff.run(keys.backoffKey, next.failures, next.lastAt);
        if (keys.ip) upsertIpFailure.run(keys.ip.key, keys.ip.account, at);
        return 0;
      });
      const forget = db.transaction((attempt: LoginAttempt) => {
        const keys = throttleKeys(attempt);
        deleteBackoff.run(keys.backoffKey);
        if (keys.ip) deleteIpFailure.run(keys.ip.key, keys.ip.account);
      });
      return {
        retryAfterSeconds: async (attempt) => waitSeconds(waitMs(attempt, now()).wait),
        admit: async (attempt) => waitSeconds(admit(attempt, now())),
        recordSuccess: async (attempt) => void forget(attempt),
      };
    },

    attemptLimiter(now, scope, limits: AttemptLimits) {
      const retryAfter = (key: string, at: number) => {
        const row = selectWindow.get(scope, key, at) as { attempts: number; expires_at: number } | undefined;
        return row && row.attempts >= limits.limit ? Math.max(1, Math.ceil((row.expires_at - at) / 1000)) : undefined;
      };
      const admit = db.transaction((key: string, at: number): number | undefined => {
        sweepWindows.run(at);
        const wait = retryAfter(key, at);
        if (wait !== undefined) return wait;
        upsertWindow.run(scope, key, at, at + limits.windowMs);
        return undefined;
      });
      return {
        retryAfterSeconds: async (key) => retryAfter(key, now()),
        admit: async (key) => admit(key, now()),
        takeBack: async (key) => void takeBackWindow.run(scope, key, now()),
      };
    },
  };
}
