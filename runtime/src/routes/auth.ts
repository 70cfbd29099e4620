import { Hono } from 'hono';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import { clearSessionCookie, deviceCookieOf, setDeviceCookie, setSessionCookie, type SessionCookieSettings } from '../auth/session-cookie.js';
import type { AuthenticationService } from '../domain/accounts/authentication-service.js';
import type { AppEnv } from '../http/app-env.js';
import { parseBody, validateChangePasswordBody, validateLoginBody } from './accounts-bodies.js';
import { presentSession } from './present-accounts.js';

export interface AuthRoutesDeps {
  authentication: AuthenticationService;
  cookie: SessionCookieSettings;
  /** How to read the caller's IP (throttling, sessions, audit); the socket address by default. */
  clientIp?: ClientIpReader;
}

/**
 * Login, logout, the current session, and password change. Mount at `/api/auth`, behind
 * `originCheck` and `authenticate`.
 *
 * - POST /login `{ email, password }` → 200 session (sets the `careloom_session` cookie and renews the
 *   long-lived `careloom_device` cookie that lets this browser past login backoff); 401; 429 with
 *   Retry-After while failed logins of the account (or from the IP) make tries wait
 * - POST /logout → 204 (ends the session, clears the cookie)
 * - GET /me → 200 `{ person, memberships, csrfToken, expiresAt }`
 * - POST /password `{ currentPassword, newPassword }` → 204 (ends the person's other sessions)
 *
 * @example
 * app.route('/api/auth', authRoutes({ authentication, cookie: sessionCookieSettings(config.publicUrl) }));
 */
export function authRoutes(deps: AuthRoutesDeps) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await parseBody(c, validateLoginBody);
      const device = deviceCookieOf(c);
      const login = await deps.authentication.login(body, { ...requestContextOf(c, deps.clientIp), ...(device === undefined ? {} : { deviceCookie: device }) });
      setSessionCookie(c, login.token, deps.cookie);
      if (login.deviceCookie) setDeviceCookie(c, login.deviceCookie, deps.cookie);
      c.header('Cache-Control', 'no-store');
      return c.json(presentSession(await deps.authentication.describeSession(login.principal)));
    })
    .post('/logout', requireAuth, async (c) => {
      await deps.authentication.logout(c.var.principal!, requestContextOf(c, deps.clientIp));
      clearSessionCookie(c, deps.cookie);
      return c.body(null, 204);
    })
    .get('/me', requireAuth, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(presentSession(await deps.authentication.describeSession(c.var.principal!)));
    })
    .post('/password', requireAuth, async (c) => {
      const body = await parseBody(c, validateChangePasswordBody);
      await deps.authentication.changePassword(c.var.principal!, body, requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    });
}
