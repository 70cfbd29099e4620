import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Known devices: a browser that signed in to an account before gets a long-lived cookie that lets
 * it skip that account's login backoff (login-throttle.ts). It proves nothing else: the password
 * is still checked, and it opens no session.
 *
 * The cookie holds a random device id and, per account that signed in on it (a shared clinic
 * computer has several), when that was and an HMAC over the device id and time. The HMAC key is
 * derived from the account's stored password hash, which never leaves the server, so no extra
 * secret has to be kept, and changing the password forgets every device of the account (the right
 * thing after a suspected compromise). The cookie names no account: an entry is found by checking
 * it against the account being tried.
 *
 * Format: `v1.<deviceId>.<issuedAt base36>~<mac>[.<issuedAt>~<mac>…]`, base64url and cookie-safe.
 */

/** How long a device stays known after its last successful login to the account. */
export const KNOWN_DEVICE_TTL_MS = 180 * 24 * 3600_000;
/** Accounts remembered per device; the least recently used are dropped. */
export const MAX_ACCOUNTS_PER_DEVICE = 8;
/** Longer values are ignored unread. */
export const MAX_DEVICE_COOKIE_LENGTH = 1024;
/** Clock skew tolerated for an entry's time (servers behind one database can disagree a little). */
const FUTURE_SKEW_MS = 5 * 60_000;

export interface DeviceCookie {
  deviceId: string;
  entries: DeviceEntry[];
}

interface DeviceEntry {
  /** Seconds since the epoch. */
  issuedAt: number;
  mac: string;
}

const COOKIE = /^v1\.([A-Za-z0-9_-]{22})((?:\.[0-9a-z]{1,10}~[A-Za-z0-9_-]{22}){0,8})$/;

/** Parses a device cookie's shape (no signature checked yet); undefined for anything else. */
export function readDeviceCookie(value: string | undefined): DeviceCookie | undefined {
  if (value === undefined || value.length > MAX_DEVICE_COOKIE_LENGTH) return undefined;
  const match = COOKIE.exec(value);
  if (!match) return undefined;
  const entries = match[2]!.split('.').slice(1).map((entry) => {
    const [issuedAt, mac] = entry.split('~') as [string, string];
    return { issuedAt: parseInt(issuedAt, 36), mac };
  });
  return { deviceId: match[1]!, entries };
}

/**
 * The device's id when the cookie holds a fresh entry signed for the account with this password
 * hash; undefined otherwise (another account's device, forged, expired, or a changed password).
 */
export function knownDeviceId(cookie: DeviceCookie | undefined, passwordHash: string, nowMs: number): string | undefined {
  if (!cookie) return undefined;
  return cookie.entries.some((entry) => isFresh(entry, nowMs) && verifies(cookie.deviceId, entry, passwordHash)) ? cookie.deviceId : undefined;
}

/**
 * The cookie to set after a successful login: the same device (a new one if there was none), this
 * account's entry renewed, other accounts' entries kept while fresh, at most MAX_ACCOUNTS_PER_DEVICE.
 */
export function deviceCookieAfterLogin(cookie: DeviceCookie | undefined, passwordHash: string, nowMs: number): string {
  const deviceId = cookie?.deviceId ?? randomBytes(16).toString('base64url');
  const issuedAt = Math.floor(nowMs / 1000);
  const others = (cookie?.entries ?? []).filter((entry) => isFresh(entry, nowMs) && !verifies(deviceId, entry, passwordHash));
  const entries = [...others, { issuedAt, mac: macOf(deviceId, issuedAt, passwordHash) }].slice(-MAX_ACCOUNTS_PER_DEVICE);
  return ['v1', deviceId, ...entries.map((entry) => `${entry.issuedAt.toString(36)}~${entry.mac}`)].join('.');
}

function isFresh(entry: DeviceEntry, nowMs: number): boolean {
  const at = entry.issuedAt * 1000;
  return at <= nowMs + FUTURE_SKEW_MS && nowMs - at < KNOWN_DEVICE_TTL_MS;
}

function verifies(deviceId: string, entry: DeviceEntry, passwordHash: string): boolean {
  const expected = Buffer.from(macOf(deviceId, entry.issuedAt, passwordHash), 'utf8');
  const given = Buffer.from(entry.mac, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function macOf(deviceId: string, issuedAt: number, passwordHash: string): string {
  return createHmac('sha256', `careloom known device v1\u0000${passwordHash}`).update(`${deviceId}.${issuedAt}`).digest().subarray(0, 16).toString('base64url');
}
