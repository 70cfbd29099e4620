import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { SecondFactorConfirmed, SecondFactorEnrolment, SecondFactorPolicy, SecondFactorStatus } from '@careloom/format/api';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import { setSessionCookie, type SessionCookieSettings } from '../auth/session-cookie.js';
import type { AuthenticationService } from '../domain/accounts/authentication-service.js';
import { DomainError } from '../domain/errors.js';
import type { SecondFactorService } from '../domain/second-factor/second-factor-service.js';
import { apiValidator } from '../http/api-schemas.js';
import type { AppEnv } from '../http/app-env.js';
import type { ApiOperation } from './api-operation.js';
import { readBody } from './authoring-request.js';
import { presentSession } from './present-accounts.js';

/** The proof of a right password that still owes a code or an enrolment (sealed; routes/auth.ts sets it). */
export const SECOND_FACTOR_COOKIE = 'careloom_second_factor';
export const SECOND_FACTOR_COOKIE_PATH = '/api/auth';

export interface SecondFactorRoutesDeps {
  secondFactor: SecondFactorService;
  authentication: Pick<AuthenticationService, 'startInvitedSession' | 'describeSession'>;
  cookie: SessionCookieSettings;
  clientIp?: ClientIpReader;
}

const SIGN_IN_AGAIN = 'Sign in with your password again: the sign-in waited too long for the code.';

/**
 * The second factor (domain/second-factor/second-factor-service.ts). After a right password of an
 * account that owes one, POST /api/auth/login answered 401 with the issue `second_factor.required`
 * or `second_factor.enrolment_required` and set the `careloom_second_factor` cookie; these routes
 * take it from there.
 *
 * - POST /api/auth/login/second-factor `{ code }` → 200 session (the cookie's person, after a right code)
 * - GET /api/auth/second-factor → `{ enabled, pending, required, recoveryCodesLeft }` (session)
 * - POST /api/auth/second-factor/enrolment → `{ secret, otpauthUri }` (session, or the enrolment cookie)
 * - POST /api/auth/second-factor/enrolment/confirm `{ code }` → `{ recoveryCodes, session? }` (with the enrolment cookie: signed in too)
 * - POST /api/auth/second-factor/disable `{ code }` → 204 (session; 409 while an organisation requires one)
 * - GET|PUT /api/organisations/:orgId/second-factor-policy `{ required }` (members; changes by its member managers)
 *
 * @example
 * app.route('/', secondFactorRoutes({ secondFactor, authentication, cookie, clientIp }));
 */
export function secondFactorRoutes(deps: SecondFactorRoutesDeps) {
  const challengeOf = (c: Context<AppEnv>, kind: 'code' | 'enrol') => {
    const challenge = deps.secondFactor.openChallenge(getCookie(c, SECOND_FACTOR_COOKIE));
    return challenge?.kind === kind ? challenge : undefined;
  };
  const clearChallenge = (c: Context<AppEnv>) => deleteCookie(c, SECOND_FACTOR_COOKIE, { httpOnly: true, sameSite: 'Strict', secure: deps.cookie.secure, path: SECOND_FACTOR_COOKIE_PATH });
  /** The person enrolling: the signed-in one, or the one whose password was right and whose organisation requires a second factor. */
  const enrolling = (c: Context<AppEnv>): { personId: string; signedIn: boolean } => {
    if (c.var.principal) return { personId: c.var.principal.personId, signedIn: true };
    const challenge = challengeOf(c, 'enrol');
    if (!challenge) throw new DomainError('unauthenticated', SIGN_IN_AGAIN);
    return { personId: challenge.personId, signedIn: false };
  };
  const signIn = async (c: Context<AppEnv>, personId: string) => {
    const login = await deps.authentication.startInvitedSession(personId, requestContextOf(c, deps.clientIp));
    setSessionCookie(c, login.token, deps.cookie);
    clearChallenge(c);
    return presentSession(await deps.authentication.describeSession(login.principal));
  };

  return new Hono<AppEnv>()
    .post('/api/auth/login/second-factor', async (c) => {
      const body = await readBody(c, apiValidator('SecondFactorCodeBody'));
      const challenge = challengeOf(c, 'code');
      if (!challenge) throw new DomainError('unauthenticated', SIGN_IN_AGAIN);
      await deps.secondFactor.verify(challenge.personId, body.code, requestContextOf(c, deps.clientIp));
      return c.json(await signIn(c, challenge.personId));
    })
    .get('/api/auth/second-factor', requireAuth, async (c) => c.json((await deps.secondFactor.status(c.var.principal!.personId)) satisfies SecondFactorStatus))
    .post('/api/auth/second-factor/enrolment', async (c) => {
      const { personId } = enrolling(c);
      return c.json((await deps.secondFactor.beginEnrolment(personId, requestContextOf(c, deps.clientIp))) satisfies SecondFactorEnrolment);
    })
    .post('/api/auth/second-factor/enrolment/confirm', async (c) => {
      const body = await readBody(c, apiValidator('SecondFactorCodeBody'));
      const { personId, signedIn } = enrolling(c);
      const { recoveryCodes } = await deps.secondFactor.confirmEnrolment(personId, body.code, requestContextOf(c, deps.clientIp));
      const confirmed: SecondFactorConfirmed = signedIn ? { recoveryCodes } : { recoveryCodes, session: await signIn(c, personId) };
      return c.json(confirmed);
    })
    .post('/api/auth/second-factor/disable', requireAuth, async (c) => {
      const body = await readBody(c, apiValidator('SecondFactorCodeBody'));
      await deps.secondFactor.disable(c.var.principal!, body.code, requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    })
    .get('/api/organisations/:orgId/second-factor-policy', requireAuth, async (c) => {
      const policy = await deps.secondFactor.getPolicy(c.var.principal!, c.req.param('orgId'));
      return c.json({ required: policy.required, updatedAt: policy.updatedAt } satisfies SecondFactorPolicy);
    })
    .put('/api/organisations/:orgId/second-factor-policy', requireAuth, async (c) => {
      const body = await readBody(c, apiValidator('SecondFactorPolicyBody'));
      const policy = await deps.secondFactor.setPolicy(c.var.principal!, c.req.param('orgId'), body.required, requestContextOf(c, deps.clientIp));
      return c.json({ required: policy.required, updatedAt: policy.updatedAt } satisfies SecondFactorPolicy);
    });
}

const s = 'session' as const;

/** The routes above, for routes/openapi.ts. */
export const SECOND_FACTOR_OPERATIONS: readonly ApiOperation[] = [
  { method: 'post', path: '/api/auth/login/second-factor', summary: 'The code after the password (the careloom_second_factor cookie from the login\'s 401): a TOTP code or a recovery code', tag: 'auth', auth: 'none', request: 'SecondFactorCodeBody', success: { status: 200, description: 'Signed in', response: 'Session' }, problems: [400, 401, 415, 422, 429] },
  { method: 'get', path: '/api/auth/second-factor', summary: 'The signed-in person\'s second factor: on, waiting for its first code, required, recovery codes left', tag: 'auth', auth: s, success: { status: 200, description: 'Status', response: 'SecondFactorStatus' }, problems: [401] },
  { method: 'post', path: '/api/auth/second-factor/enrolment', summary: 'Start enrolling a second factor: a new secret, shown once (signed in, or owed at sign-in)', tag: 'auth', auth: 'none', success: { status: 200, description: 'The secret and its otpauth:// URI', response: 'SecondFactorEnrolment' }, problems: [401, 403, 409] },
  { method: 'post', path: '/api/auth/second-factor/enrolment/confirm', summary: 'Turn the second factor on with a first code; the recovery codes are shown once', tag: 'auth', auth: 'none', request: 'SecondFactorCodeBody', success: { status: 200, description: 'On, with recovery codes', response: 'SecondFactorConfirmed' }, problems: [400, 401, 409, 415, 422, 429] },
  { method: 'post', path: '/api/auth/second-factor/disable', summary: 'Turn the second factor off, with a code (refused while an organisation requires one)', tag: 'auth', auth: s, request: 'SecondFactorCodeBody', success: { status: 204, description: 'Off' }, problems: [400, 401, 404, 409, 415, 422, 429] },
  { method: 'get', path: '/api/organisations/{orgId}/second-factor-policy', summary: 'Whether the organisation requires a second factor of its staff', tag: 'organisations', auth: s, success: { status: 200, description: 'The rule', response: 'SecondFactorPolicy' }, problems: [401, 404] },
  { method: 'put', path: '/api/organisations/{orgId}/second-factor-policy', summary: 'Require a second factor of the organisation\'s staff, or not (permissions admins, care-provider admins)', tag: 'organisations', auth: s, request: 'SecondFactorPolicyBody', success: { status: 200, description: 'The rule', response: 'SecondFactorPolicy' }, problems: [400, 401, 403, 404, 415, 422] },
];
