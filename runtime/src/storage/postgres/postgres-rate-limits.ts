import type pg from 'pg';
import type { AttemptLimits } from '../../domain/attempt-limiter.js';
import { bumpedBackoff, DEFAULT_LOGIN_THROTTLE_OPTIONS, loginWaitMs, throttleKeys, waitSeconds, type LoginAttempt, type LoginThrottleOptions } from '../../domain/accounts/login-throttle.js';
import type { RateLimits } from '../../domain/rate-limits.js';
import { inTransaction } from './open-postgres.js';

type Db = pg.Pool | pg.PoolClient;

/**
 * Login throttling and the public forms' rate limits on PostgreSQL (migration 040-rate-limits.sql),
 * shared by every process on the database. A login try is decided and counted in one transaction
 * holding advisory locks on its account (or device) and its IP, so parallel tries in any process
 * take turns; a form's window is one conditional upsert. The rules are the domain's
 * (login-throttle.ts), shared with the SQLite store, and the same contract suite runs on both.
 */
export function createPostgresRateLimits(pool: pg.Pool): RateLimits {
  return {
    loginThrottle(now, options = {}) {
      const settings: LoginThrottleOptions = { ...DEFAULT_LOGIN_THROTTLE_OPTIONS, ...options };
      const waitMs = async (db: Db, attempt: LoginAttempt, at: number) => {
        const keys = throttleKeys(attempt);
        const row = (await db.query<{ failures: number; last_at: number }>({ name: 'login-backoff', text: 'SELECT failures, last_at FROM login_backoffs WHERE key = $1', values: [keys.backoffKey] })).rows[0];
        const backoff = row ? { failures: row.failures, lastAt: row.last_at } : undefined;
        const ipFailures = keys.ip
          ? (await db.query<{ account: string; failed_at: number }>({ name: 'login-ip-failures', text: 'SELECT account, failed_at FROM login_ip_failures WHERE ip = $1 AND failed_at > $2 ORDER BY failed_at, account', values: [keys.ip.key, at - settings.ipWindowMs] })).rows.map((failure) => ({ account: failure.account, failedAt: failure.failed_at }))
          : [];
        return { keys, backoff, wait: loginWaitMs(settings, keys, backoff, ipFailures, at) };
      };
      return {
        retryAfterSeconds: async (attempt) => waitSeconds((await waitMs(pool, attempt, now())).wait),
        admit: async (attempt) => {
          const at = now();
          const keys = throttleKeys(attempt);
          // Swept outside the decision: expired rows cannot change it, and no lock is held meanwhile.
          await pool.query('DELETE FROM login_backoffs WHERE last_at <= $1', [at - settings.forgetAfterMs]);
          await pool.query('DELETE FROM login_ip_failures WHERE failed_at <= $1', [at - settings.ipWindowMs]);
          const wait = await inTransaction(pool, async (db) => {
            // Always in the same order, so two tries cannot wait for each other's second lock.
            for (const lock of [`login:${keys.backoffKey}`, ...(keys.ip ? [`login-ip:${keys.ip.key}`] : [])].sort()) {
              await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
            }
            const decided = await waitMs(db, attempt, at);
            if (decided.wait > 0) return decided.wait;
            const next = bumpedBackoff(settings, decided.backoff, at);
            await db.query('INSERT INTO login_backoffs (key, failures, last_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at', [keys.backoffKey, next.failures, next.lastAt]);
            if (keys.ip) await db.query('INSERT INTO login_ip_failures (ip, account, failed_at) VALUES ($1, $2, $3) ON CONFLICT (ip, account) DO UPDATE SET failed_at = excluded.failed_at', [keys.ip.key, keys.ip.account, at]);
            return 0;
          });
          return waitSeconds(wait);
        },
        recordSuccess: async (attempt) => {
          const keys = throttleKeys(attempt);
          await inTransaction(pool, async (db) => {
            await db.query('DELETE FROM login_backoffs WHERE key = $1', [keys.backoffKey]);
            if (keys.ip) await db.query('DELETE FROM login_ip_failures WHERE ip = $1 AND account = $2', [keys.ip.key, keys.ip.account]);
          });
        },
      };
    },

    attemptLimiter(now, scope, limits: AttemptLimits) {
      const retryAfter = async (key: string, at: number) => {
        const row = (await pool.query<{ attempts: number; expires_at: number }>('SELECT attempts, expires_at FROM attempt_windows WHERE scope = $1 AND key = $2 AND expires_at > $3', [scope, key, at])).rows[0];
        return row && row.attempts >= limits.limit ? Math.max(1, Math.ceil((row.expires_at - at) / 1000)) : undefined;
      };
      return {
        retryAfterSeconds: (key) => retryAfter(key, now()),
        admit: async (key) => {
          const at = now();
          await pool.query('DELETE FROM attempt_windows WHERE expires_at <= $1', [at]);
          // One statement: the row lock of the upsert makes parallel attempts in any process take turns.
          const counted = await pool.query(
            `INSERT INTO attempt_windows (scope, key, window_start, attempts, expires_at) VALUES ($1, $2, $3, 1, $4)
             ON CONFLICT (scope, key) DO UPDATE SET
               window_start = CASE WHEN attempt_windows.expires_at <= $3 THEN $3 ELSE attempt_windows.window_start END,
               attempts = CASE WHEN attempt_windows.expires_at <= $3 THEN 1 ELSE attempt_windows.attempts + 1 END,
               expires_at = CASE WHEN attempt_windows.expires_at <= $3 THEN $4 ELSE attempt_windows.expires_at END
             WHERE attempt_windows.expires_at <= $3 OR attempt_windows.attempts < $5
             RETURNING attempts`,
            [scope, key, at, at + limits.windowMs, limits.limit],
          );
          if ((counted.rowCount ?? 0) > 0) return undefined;
          return (await retryAfter(key, at)) ?? 1;
        },
        takeBack: async (key) => {
          await pool.query('UPDATE attempt_windows SET attempts = greatest(attempts - 1, 0) WHERE scope = $1 AND key = $2 AND expires_at > $3', [scope, key, now()]);
        },
      };
    },
  };
}
