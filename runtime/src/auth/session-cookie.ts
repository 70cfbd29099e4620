import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { KNOWN_DEVICE_TTL_MS } from '../domain/accounts/known-device.js';

export const SESSION_COOKIE_NAME = 'careloom_session';
/** The known-device cookie (domain/accounts/known-device.ts): lets the owner past login backoff. */
export const DEVICE_COOKIE_NAME = 'careloom_device';
/** Only the login routes ever need the device cookie, so the browser sends it nowhere else. */
const DEVICE_COOKIE_PATH = '/api/auth';

/** How the session cookie is sent. `secure` comes from the public URL being https. */
export interface SessionCookieSettings {
  secure: boolean;
}

/** Cookie settings for a public URL: Secure exactly when it is https. */
export function sessionCookieSettings(publicUrl: string): SessionCookieSettings {
  return { secure: new URL(publicUrl).protocol === 'https:' };
}

/**
 * Sets the session cookie: HttpOnly (scripts cannot read it), SameSite=Lax, Path=/, Secure on https.
 * No Max-Age: it is a browser-session cookie, so closing the browser on a shared computer ends it;
 * the server enforces the idle and absolute expiry anyway.
 */
export function setSessionCookie(c: Context, token: string, settings: SessionCookieSettings): void {
  setCookie(c, SESSION_COOKIE_NAME, token, { httpOnly: true, sameSite: 'Lax', secure: settings.secure, path: '/' });
}

export function clearSessionCookie(c: Context, settings: SessionCookieSettings): void {
  deleteCookie(c, SESSION_COOKIE_NAME, { httpOnly: true, sameSite: 'Lax', secure: settings.secure, path: '/' });
}

/**
 * Sets the known-device cookie after a successful login: HttpOnly, SameSite=Strict, sent only to
 * /api/auth, Secure on https, and long-lived (it outlives the browser session on purpose: it is
 * what tells this browser from an attacker's after failed logins). It opens no session.
 */
export function setDeviceCookie(c: Context, value: string, settings: SessionCookieSettings): void {
  setCookie(c, DEVICE_COOKIE_NAME, value, { httpOnly: true, sameSite: 'Strict', secure: settings.secure, path: DEVICE_COOKIE_PATH, maxAge: Math.floor(KNOWN_DEVICE_TTL_MS / 1000) });
}

/** The known-device cookie the browser sent, unverified. */
export function deviceCookieOf(c: Context): string | undefined {
  return getCookie(c, DEVICE_COOKIE_NAME);
}
