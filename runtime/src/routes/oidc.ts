import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { OidcLogoutView, OidcStartView, OidcStatus } from '@careloom/format/api';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import { clearSessionCookie, setSessionCookie, type SessionCookieSettings } from '../auth/session-cookie.js';
import { DomainError } from '../domain/errors.js';
import { OIDC_APP_PATHS, OIDC_APPS, OIDC_FLOW_TTL_MS, type OidcApp, type OidcSignInService } from '../domain/oidc/oidc-sign-in.js';
import { apiValidator } from '../http/api-schemas.js';
import type { AppEnv } from '../http/app-env.js';
import type { ApiOperation } from './api-operation.js';
import { readBody } from './authoring-request.js';

/** The flow's cookie: sent only to the callback's path, for as long as a sign-in may take. */
export const OIDC_FLOW_COOKIE = 'careloom_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** Where each app lists the person's linked identities (the clinic's security screen, the patient's settings). */
const OIDC_ACCOUNT_SCREENS: Readonly<Record<OidcApp, string>> = { clinic: '#/security', patient: '#/settings', designer: '' };

export interface OidcRoutesDeps {
  oidc: OidcSignInService;
  cookie: SessionCookieSettings;
  publicUrl: () => string;
  clientIp?: ClientIpReader;
}

/**
 * Sign-in with OpenID Connect (domain/oidc/oidc-sign-in.ts). A plain redirect flow a browser can
 * drive: a link to `/api/auth/oidc/start?app=clinic` goes to the provider, which sends the browser
 * back to the callback, which sets the session cookie and sends it on to the app. The flow's state,
 * nonce and PKCE verifier travel sealed in the `careloom_oidc` cookie (SameSite=Lax, so the
 * provider's redirect back carries it; HttpOnly; only to /api/auth/oidc; ten minutes).
 *
 * - GET /api/auth/oidc → `{ enabled, displayName? }`
 * - GET /api/auth/oidc/start?app=patient|clinic|designer → 302 to the provider
 * - POST /api/auth/oidc/start `{ app, invitation?, link? }` → `{ authorizationUrl }` (accepting an
 *   invitation, or linking the signed-in account: the code or token stays out of URLs and logs)
 * - GET /api/auth/oidc/callback → 302 to the app: `/clinic` signed in, or `/clinic?signin=<reason>`
 * - POST /api/auth/oidc/logout → `{ endSessionUrl? }` (ends the session; the provider's URL for a session started there)
 *
 * @example
 * app.route('/', oidcRoutes({ oidc, cookie, publicUrl: () => publicUrl, clientIp }));
 */
export function oidcRoutes(deps: OidcRoutesDeps) {
  const setFlow = (c: Context<AppEnv>, flow: string) =>
    setCookie(c, OIDC_FLOW_COOKIE, flow, { httpOnly: true, sameSite: 'Lax', secure: deps.cookie.secure, path: FLOW_COOKIE_PATH, maxAge: Math.floor(OIDC_FLOW_TTL_MS / 1000) });
  const appOf = (value: string | undefined): OidcApp => {
    if (value === undefined) return 'patient';
    if (!(OIDC_APPS as readonly string[]).includes(value)) {
      throw new DomainError('invalid', 'app must be patient, clinic or designer.', { issues: [{ code: 'oidc.app', path: '/app', message: 'app must be patient, clinic or designer.' }] });
    }
    return value as OidcApp;
  };

  return new Hono<AppEnv>()
    .get('/api/auth/oidc', (c) => c.json(deps.oidc.describe() satisfies OidcStatus))
    .get('/api/auth/oidc/start', async (c) => {
      const { authorizationUrl, flow } = await deps.oidc.begin({ app: appOf(c.req.query('app')) }, undefined);
      setFlow(c, flow);
      return c.redirect(authorizationUrl, 302);
    })
    .post('/api/auth/oidc/start', async (c) => {
      const body = await readBody(c, apiValidator('OidcStartBody'));
      const { authorizationUrl, flow } = await deps.oidc.begin(
        { app: body.app, ...(body.invitation ? { invitation: body.invitation } : {}), ...(body.link ? { link: true } : {}) },
        c.var.principal,
      );
      setFlow(c, flow);
      return c.json({ authorizationUrl } satisfies OidcStartView);
    })
    .get(OIDC_CALLBACK_PATH, async (c) => {
      // The provider's parameters on the registered redirect URI: behind a proxy the request's own
      // host may differ from the one the provider was given.
      const query = new URL(c.req.url).search;
      const callbackUrl = new URL(`${deps.publicUrl()}${OIDC_CALLBACK_PATH}${query}`);
      const outcome = await deps.oidc.complete({ callbackUrl, flow: getCookie(c, OIDC_FLOW_COOKIE), principal: c.var.principal }, requestContextOf(c, deps.clientIp));
      deleteCookie(c, OIDC_FLOW_COOKIE, { httpOnly: true, sameSite: 'Lax', secure: deps.cookie.secure, path: FLOW_COOKIE_PATH });
      if (outcome.login) setSessionCookie(c, outcome.login.token, deps.cookie);
      const path = OIDC_APP_PATHS[outcome.app];
      // The reason is one of a fixed set of words (no text from the provider); the app shows a sentence for it.
      // A link (made or refused) goes back to the screen that started it, which says the outcome.
      const screen = outcome.linking ? OIDC_ACCOUNT_SCREENS[outcome.app] : '';
      return c.redirect(outcome.ok ? `${path}${outcome.done === 'linked' ? '?signin=linked' : ''}${screen}` : `${path}?signin=${outcome.reason}${screen}`, 302);
    })
    .post('/api/auth/oidc/logout', requireAuth, async (c) => {
      const ended = await deps.oidc.logout(c.var.principal!, requestContextOf(c, deps.clientIp));
      clearSessionCookie(c, deps.cookie);
      return c.json(ended satisfies OidcLogoutView);
    });
}

/** The routes above, for routes/openapi.ts. */
export const OIDC_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/auth/oidc', summary: 'Whether sign-in with an OpenID Connect provider is offered, and the provider\'s name', tag: 'auth', auth: 'none', success: { status: 200, description: 'Status', response: 'OidcStatus' }, problems: [] },
  { method: 'get', path: '/api/auth/oidc/start', summary: 'Start signing in at the provider (query app=patient|clinic|designer): a redirect, with the flow\'s cookie', tag: 'auth', auth: 'none', success: { status: 302, description: 'To the provider' }, problems: [404, 422] },
  { method: 'post', path: '/api/auth/oidc/start', summary: 'Start signing in at the provider while accepting an invitation, or link the signed-in account to the identity', tag: 'auth', auth: 'none', request: 'OidcStartBody', success: { status: 200, description: 'Where to send the browser', response: 'OidcStartView' }, problems: [400, 401, 403, 404, 415, 422] },
  { method: 'get', path: '/api/auth/oidc/callback', summary: 'The provider sends the browser back here: signed in and on to the app, or to the app\'s login with ?signin=<reason>', tag: 'auth', auth: 'none', success: { status: 302, description: 'To the app' }, problems: [404] },
  { method: 'post', path: '/api/auth/oidc/logout', summary: 'Log out; for a session started at the provider, also where to end the provider\'s session', tag: 'auth', auth: 'session', success: { status: 200, description: 'Logged out', response: 'OidcLogoutView' }, problems: [401, 403] },
];
