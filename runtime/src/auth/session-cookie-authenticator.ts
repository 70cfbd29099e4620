import { timingSafeEqual } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { plainCookie } from '../http/plain-cookie.js';
import type { AuthenticationService } from '../domain/accounts/authentication-service.js';
import type { Authenticator } from './authenticator.js';
import type { ClientIpReader } from './client-ip.js';
import { csrfRefusal } from './csrf-refusal.js';
import { requestContextOf } from './request-context.js';
import { allowedWhileSecondFactorOwed, secondFactorOwedRefusal } from './second-factor-owed.js';
import { clearSessionCookie, SESSION_COOKIE_NAME, type SessionCookieSettings } from './session-cookie.js';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionCookieAuthenticatorDeps {
  authentication: AuthenticationService;
  cookie: SessionCookieSettings;
  /** How to read the caller's IP (for the audit of expired sessions); the socket address by default. */
  clientIp?: ClientIpReader;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Authenticates by the `careloom_session` cookie. A dead cookie (unknown, expired) makes the request
 * anonymous and is cleared. Since browsers attach cookies to cross-site requests, an unsafe method
 * (POST, PUT, PATCH, DELETE) on a live session must also carry the session's CSRF token in
 * `X-CSRF-Token` (synchroniser token), else it is refused (403, `csrfRefusal`). The Origin
 * check is the separate `originCheck` middleware. A session that owes a second factor gets 403
 * `second_factor.enrolment_required` for everything but the enrolment (second-factor-owed.ts).
 *
 * @example
 * app.use('/api/*', authenticate(createSessionCookieAuthenticator({ authentication, cookie: sessionCookieSettings(config.publicUrl) })));
 */
export function createSessionCookieAuthenticator(deps: SessionCookieAuthenticatorDeps): Authenticator {
  return {
    async authenticate(c) {
      // The plain scan answers what Hono's parser would for our base64url tokens (plain-cookie.ts)
      // without parsing every cookie of the header; anything unusual takes the full parse.
      const token = plainCookie(c.req.header('cookie') ?? '', SESSION_COOKIE_NAME) ?? getCookie(c, SESSION_COOKIE_NAME);
      if (!token) return undefined;
      const resolved = await deps.authentication.resolveSession(token, requestContextOf(c, deps.clientIp));
      if (!resolved) {
        clearSessionCookie(c, deps.cookie);
        return undefined;
      }
      if (!SAFE_METHODS.has(c.req.method)) {
        const given = c.req.header(CSRF_HEADER);
        if (!given) throw csrfRefusal(`This request needs the ${CSRF_HEADER} header with the token from login or GET /api/auth/me.`);
        if (!sameSecret(given, resolved.csrfToken)) throw csrfRefusal(`The ${CSRF_HEADER} header does not match this session. Reload the page and try again.`);
      }
      // The organisation required a second factor while this session was open: only enrolling is left.
      if (resolved.secondFactorOwed && !allowedWhileSecondFactorOwed(c.req.method, c.req.path)) throw secondFactorOwedRefusal();
      return resolved.principal;
    },
  };
}
