import { Hono } from 'hono';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import { clearSessionCookie, deviceCookieOf, setDeviceCookie, setSessionCookie, type SessionCookieSettings } from '../auth/session-cookie.js';
import type { AuthenticationService } from '../domain/accounts/authentication-service.js';
import type { AppEnv } from '../http/app-env.js';
import { parseBody, validateChangePasswordBody, validateLoginBody } from './accounts-bodies.js';
import { presentSession } from './present-accounts.js';
import { SECOND_FACTOR_COOKIE, SECOND_FACTOR_COOKIE_PATH } from './second-factor.js';
import type { SecondFactorPending } from '../domain/accounts/authentication-service.js';
import type { SecondFactorService } from '../domain/second-factor/second-factor-service.js';
import { CHALLENGE_TTL_MS } from '../domain/second-factor/second-factor-service.js';
import { DomainError } from '../domain/errors.js';
import { setCookie } from 'hono/cookie';
import type { SessionProbe } from '@careloom/format/api';
import type { Context } from 'hono';

export interface AuthRoutesDeps {
  authentication: AuthenticationService;
  /** Seals the proof of a right password that still owes a second factor (its cookie). */
  secondFactor?: Pick<SecondFactorService, 'issueChallenge'>;
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
 *   or, for an account that owes a second factor, 401 with the issue `second_factor.required` (or
 *   `second_factor.enrolment_required`) and the `careloom_second_factor` cookie: see routes/second-factor.ts
 * - POST /logout → 204 (ends the session, clears the cookie)
 * - GET /me → 200 `{ person, memberships, csrfToken, expiresAt }`
 * - GET /session → 200 `{ session }`, the same session or null: the apps' start-up probe, which a
 *   visitor who is not signed in must pass without a 401 (browsers log every 4xx as a console error)
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
      if ('secondFactor' in login) secondFactorOwed(c, deps, login);
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
    .get('/session', async (c) => {
      c.header('Cache-Control', 'no-store');
      const principal = c.var.principal;
      const probe: SessionProbe = { session: principal ? presentSession(await deps.authentication.describeSession(principal)) : null };
      return c.json(probe);
    })
    .post('/password', requireAuth, async (c) => {
      const body = await parseBody(c, validateChangePasswordBody);
      await deps.authentication.changePassword(c.var.principal!, body, requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    });
}

/** The password was right, but a code (or an enrolment) is owed: the challenge goes into its cookie, and the answer is 401 naming what is owed. */
function secondFactorOwed(c: Context<AppEnv>, deps: AuthRoutesDeps, pending: SecondFactorPending): never {
  if (!deps.secondFactor) throw new Error('A login owes a second factor, but the auth routes were built without the second-factor service.');
  setCookie(c, SECOND_FACTOR_COOKIE, deps.secondFactor.issueChallenge(pending.personId, pending.secondFactor), { httpOnly: true, sameSite: 'Strict', secure: deps.cookie.secure, path: SECOND_FACTOR_COOKIE_PATH, maxAge: Math.floor(CHALLENGE_TTL_MS / 1000) });
  const message = pending.secondFactor === 'code' ? 'Type the code from your authenticator app.' : 'Your organisation requires a second factor: set one up to sign in.';
  throw new DomainError('unauthenticated', message, { issues: [{ code: pending.secondFactor === 'code' ? 'second_factor.required' : 'second_factor.enrolment_required', path: '/code', message }] });
}
