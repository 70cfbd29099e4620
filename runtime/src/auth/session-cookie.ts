import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE_NAME = 'careloom_session';

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
