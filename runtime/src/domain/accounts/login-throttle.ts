/**
 * How failed logins are slowed down. Two rules, and neither ever locks the owner out:
 *
 * - Per account, exponential backoff: the first `freeFailures` failures cost nothing (typos);
 *   after that each try must wait `firstDelayMs`, doubling with every further failure, never more
 *   than `maxDelayMs`. An attacker gets about a hundred guesses a day per account; the owner on a
 *   new device waits at most `maxDelayMs` for one try.
 * - Per IP, distinct accounts: one address may fail on at most `distinctAccountsPerIp` different
 *   accounts per `ipWindowMs` (a password spray tries many accounts once each). A clinic behind one
 *   NAT address counts each colleague once however often they mistype, and colleagues who already
 *   failed may keep trying under their own account's backoff. An IPv6 address counts as its /64
 *   network: one subscriber gets a whole /64 and could otherwise use a fresh address per try.
 *
 * A try from a known device (a signed cookie the browser got at an earlier successful login to
 * this account, see known-device.ts) skips both: its failures count on that device alone, with the
 * same backoff, so the owner at their own computer signs in at once however long an attacker
 * elsewhere has been guessing, and a stolen device cookie buys no more guesses than it had.
 */
export interface LoginThrottleOptions {
  /** Failures of one account (or one known device) before tries have to wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  /** The longest wait between two tries. */
  maxDelayMs: number;
  /** An account's failures are forgotten this long after the last one. */
  forgetAfterMs: number;
  /** Different accounts that may fail from one IP address within `ipWindowMs`. */
  distinctAccountsPerIp: number;
  ipWindowMs: number;
  /** Accounts and devices tracked in memory at most; the least recently failed go first. */
  maxEntries: number;
  /** IP addresses (IPv6: /64 networks) tracked at most, each with at most `distinctAccountsPerIp` accounts. */
  maxTrackedIps: number;
}

export const DEFAULT_LOGIN_THROTTLE_OPTIONS: LoginThrottleOptions = Object.freeze({
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
  distinctAccountsPerIp: 30,
  ipWindowMs: 60 * 60_000,
  // Large enough that flooding the table with other accounts to flush one account's backoff takes
  // more distinct IPs than a spray usually has (each IP adds at most distinctAccountsPerIp an hour).
  maxEntries: 50_000,
  maxTrackedIps: 10_000,
});

/** One try to prove a password. */
export interface LoginAttempt {
  /** The e-mail address tried (compared without case or surrounding space), or another account key. */
  account: string;
  ip?: string | undefined;
  /**
   * The id of a device proven known for this account (a valid device cookie), or of the session a
   * password change comes from: such tries count on their own, outside the account and IP limits.
   */
  knownDevice?: string | undefined;
}

/**
 * The login throttle. Kept in the database (the stores' `rateLimits`), so every process behind a
 * load balancer counts the same tries; each method is one atomic step there.
 */
export interface LoginThrottle {
  /** Seconds until this try is allowed, or undefined when it is allowed now (reads only). */
  retryAfterSeconds(attempt: LoginAttempt): Promise<number | undefined>;
  /**
   * One atomic step: when the try is allowed now, counts it as failed (before the password is
   * checked, so a burst of parallel guesses, in this process or others, cannot all pass while the
   * slow hash runs) and resolves undefined; otherwise resolves the seconds to wait, counting nothing.
   */
  admit(attempt: LoginAttempt): Promise<number | undefined>;
  /** The password was right: forgets the failures counted where this try was counted. */
  recordSuccess(attempt: LoginAttempt): Promise<void>;
}

/** One account's (or device's) failures since it was last forgotten. */
export interface Backoff {
  failures: number;
  lastAt: number;
}

/** Where a try counts: its backoff, and (unless it comes from a known device) its IP's list of failed accounts. */
export interface ThrottleKeys {
  backoffKey: string;
  ip?: { key: string; account: string };
}

export function throttleKeys(attempt: LoginAttempt): ThrottleKeys {
  const account = accountKey(attempt.account);
  if (attempt.knownDevice !== undefined) return { backoffKey: deviceKey(attempt.knownDevice, account) };
  return attempt.ip ? { backoffKey: account, ip: { key: ipKey(attempt.ip), account } } : { backoffKey: account };
}

/** The wait after `failures` failures (0 within the free ones). */
export function delayAfter(settings: LoginThrottleOptions, failures: number): number {
  return failures < settings.freeFailures ? 0 : Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** Math.min(failures - settings.freeFailures, 52));
}

/** Whether a stored backoff still counts at `at`. */
export function isLiveBackoff(settings: LoginThrottleOptions, backoff: Backoff | undefined, at: number): backoff is Backoff {
  return backoff !== undefined && at - backoff.lastAt < settings.forgetAfterMs;
}

/**
 * How long a try must wait, from its stored backoff and its IP's accounts that failed within the
 * window (oldest failure first): the rules every implementation shares.
 */
export function loginWaitMs(settings: LoginThrottleOptions, keys: ThrottleKeys, backoff: Backoff | undefined, ipFailures: ReadonlyArray<{ account: string; failedAt: number }>, at: number): number {
  const own = isLiveBackoff(settings, backoff, at) ? Math.max(0, backoff.lastAt + delayAfter(settings, backoff.failures) - at) : 0;
  if (!keys.ip) return own;
  const live = ipFailures.filter((failure) => at - failure.failedAt < settings.ipWindowMs);
  if (live.some((failure) => failure.account === keys.ip!.account) || live.length < settings.distinctAccountsPerIp) return own;
  // Full: the next try on a new account waits until enough of the oldest failures age out.
  const oldest = live[live.length - settings.distinctAccountsPerIp]!.failedAt;
  return Math.max(own, oldest + settings.ipWindowMs - at);
}

/** The backoff after one more failure at `at`. */
export function bumpedBackoff(settings: LoginThrottleOptions, backoff: Backoff | undefined, at: number): Backoff {
  return { failures: (isLiveBackoff(settings, backoff, at) ? backoff.failures : 0) + 1, lastAt: at };
}

/** Whole seconds of a wait in milliseconds, or undefined for none. */
export function waitSeconds(waitMs: number): number | undefined {
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : undefined;
}

/**
 * The in-memory login throttle of one process (tests, and the memory `RateLimits`); the SQLite and
 * PostgreSQL ones keep the same counts in tables, and the same contract suite runs on all three.
 *
 * @param now - milliseconds since the epoch (the injected clock).
 * @example
 * const throttle = createLoginThrottle(() => clock.now().getTime());
 * const wait = await throttle.admit({ account: email, ip, knownDevice });
 * if (wait !== undefined) refuse(wait);
 */
export function createLoginThrottle(now: () => number, options: Partial<LoginThrottleOptions> = {}): LoginThrottle {
  const settings: LoginThrottleOptions = { ...DEFAULT_LOGIN_THROTTLE_OPTIONS, ...options };
  // Both maps keep insertion order = order of the last failure (entries are re-inserted on each),
  // so the first entries are the ones to drop when full.
  const backoffs = new Map<string, Backoff>();
  const failedAccountsByIp = new Map<string, Map<string, number>>();

  const delayAfter = (failures: number): number => delayAfterOf(settings, failures);

  const liveBackoff = (key: string, at: number): Backoff | undefined => {
    const backoff = backoffs.get(key);
    if (backoff && at - backoff.lastAt >= settings.forgetAfterMs) {
      backoffs.delete(key);
      return undefined;
    }
    return backoff;
  };

  const backoffWaitMs = (key: string, at: number): number => {
    const backoff = liveBackoff(key, at);
    return backoff ? Math.max(0, backoff.lastAt + delayAfter(backoff.failures) - at) : 0;
  };

  const bump = (key: string, at: number) => {
    const failures = (liveBackoff(key, at)?.failures ?? 0) + 1;
    backoffs.delete(key);
    if (backoffs.size >= settings.maxEntries) dropOldest(backoffs);
    backoffs.set(key, { failures, lastAt: at });
  };

  /** The accounts that failed from this IP within the window, oldest first. */
  const liveAccounts = (ip: string, at: number): Map<string, number> | undefined => {
    const accounts = failedAccountsByIp.get(ip);
    if (!accounts) return undefined;
    for (const [account, failedAt] of accounts) {
      if (at - failedAt < settings.ipWindowMs) break;
      accounts.delete(account);
    }
    if (accounts.size === 0) {
      failedAccountsByIp.delete(ip);
      return undefined;
    }
    return accounts;
  };

  const ipWaitMs = (ip: string, account: string, at: number): number => {
    const accounts = liveAccounts(ip, at);
    if (!accounts || accounts.has(account) || accounts.size < settings.distinctAccountsPerIp) return 0;
    // Full: the next try on a new account waits until enough of the oldest failures age out.
    const [, oldest] = [...accounts].at(accounts.size - settings.distinctAccountsPerIp)!;
    return Math.max(0, oldest + settings.ipWindowMs - at);
  };

  const noteIpFailure = (ip: string, account: string, at: number) => {
    let accounts = liveAccounts(ip, at);
    if (!accounts) {
      if (failedAccountsByIp.size >= settings.maxTrackedIps) dropOldest(failedAccountsByIp);
      accounts = new Map();
      failedAccountsByIp.set(ip, accounts);
    }
    accounts.delete(account);
    accounts.set(account, at);
  };

  const waitMsOf = (attempt: LoginAttempt, at: number): number => {
    const account = accountKey(attempt.account);
    return attempt.knownDevice !== undefined
      ? backoffWaitMs(deviceKey(attempt.knownDevice, account), at)
      : Math.max(backoffWaitMs(account, at), attempt.ip ? ipWaitMs(ipKey(attempt.ip), account, at) : 0);
  };

  return {
    async retryAfterSeconds(attempt) {
      return waitSeconds(waitMsOf(attempt, now()));
    },
    async admit(attempt) {
      const at = now();
      const wait = waitSeconds(waitMsOf(attempt, at));
      if (wait !== undefined) return wait;
      const account = accountKey(attempt.account);
      if (attempt.knownDevice !== undefined) {
        bump(deviceKey(attempt.knownDevice, account), at);
        return undefined;
      }
      bump(account, at);
      if (attempt.ip) noteIpFailure(ipKey(attempt.ip), account, at);
      return undefined;
    },
    async recordSuccess(attempt) {
      const account = accountKey(attempt.account);
      if (attempt.knownDevice !== undefined) {
        backoffs.delete(deviceKey(attempt.knownDevice, account));
        return;
      }
      backoffs.delete(account);
      if (attempt.ip) failedAccountsByIp.get(ipKey(attempt.ip))?.delete(account);
    },
  };
}

function dropOldest(map: Map<string, unknown>): void {
  const oldest = map.keys().next().value;
  if (oldest !== undefined) map.delete(oldest);
}

const delayAfterOf = delayAfter;
const accountKey = (account: string) => `account:${account.trim().toLowerCase()}`;
const deviceKey = (device: string, account: string) => `device:${device}|${account}`;

/**
 * What one IP limit counts: an IPv4 address (also written IPv4-mapped, `::ffff:192.0.2.1`) as is,
 * an IPv6 address as its /64 network.
 *
 * @example
 * ipKey('2001:db8:1:2:aaaa::1') === ipKey('2001:db8:1:2::ffff') // true: '2001:db8:1:2::/64'
 */
export function ipKey(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  if (!address.includes(':')) return address;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  const halves = address.split('::');
  if (halves.length > 2) return address;
  const [head = '', tail] = halves;
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return address;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
