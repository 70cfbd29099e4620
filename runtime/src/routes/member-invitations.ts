import { Hono } from 'hono';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import { setSessionCookie, type SessionCookieSettings } from '../auth/session-cookie.js';
import type { AuthenticationService } from '../domain/accounts/authentication-service.js';
import type { MemberInvitationService } from '../domain/accounts/member-invitations.js';
import type { AppEnv } from '../http/app-env.js';
import { parseBody, validateInvitationTokenBody, validateJoinBody } from './accounts-bodies.js';
import { presentAcceptedInvitation, presentInvitationPreview, presentSession } from './present-accounts.js';

export interface MemberInvitationRoutesDeps {
  invitations: MemberInvitationService;
  authentication: AuthenticationService;
  cookie: SessionCookieSettings;
  clientIp?: ClientIpReader;
}

/**
 * The invited person's side of a membership invitation (the admin's side is in organisations.ts).
 * Mount at `/`, behind `originCheck` and `authenticate`. The token travels in the body, never in
 * a URL, so it stays out of request logs; it is in the link's fragment (`#/invitation/<token>`),
 * which browsers do not send. Every link that does not work (unknown, used, withdrawn, expired)
 * gets the same 404.
 *
 * - POST /api/public/member-invitations/preview `{ token }` → 200 `{ organisation, email, roles, invitedByName, expiresAt }`
 * - POST /api/public/member-invitations/join `{ token, name, password }` → 200 `{ session, accepted }` and the
 *   session cookie: a new person's account is created with the password they chose (409 when the
 *   address has an account already: sign in and accept instead); `session` is null, and no cookie
 *   is set, in the rare case the login throttle refuses the sign-in that follows
 * - POST /api/member-invitations/accept `{ token }` → 200 `{ organisation, roles }`, for the signed-in
 *   person the invitation was sent to (403 for anyone signed in with another address)
 *
 * @example
 * app.route('/', memberInvitationRoutes({ invitations, authentication, cookie }));
 */
export function memberInvitationRoutes(deps: MemberInvitationRoutesDeps) {
  return new Hono<AppEnv>()
    .post('/api/public/member-invitations/preview', async (c) => {
      const body = await parseBody(c, validateInvitationTokenBody);
      c.header('Cache-Control', 'no-store');
      return c.json(presentInvitationPreview(await deps.invitations.preview(body.token)));
    })
    .post('/api/public/member-invitations/join', async (c) => {
      const body = await parseBody(c, validateJoinBody);
      const { accepted, login } = await deps.invitations.join(body.token, { name: body.name, password: body.password }, requestContextOf(c, deps.clientIp));
      if (login) setSessionCookie(c, login.token, deps.cookie);
      c.header('Cache-Control', 'no-store');
      return c.json({ session: login ? presentSession(await deps.authentication.describeSession(login.principal)) : null, accepted: presentAcceptedInvitation(accepted) });
    })
    .post('/api/member-invitations/accept', requireAuth, async (c) => {
      const body = await parseBody(c, validateInvitationTokenBody);
      const accepted = await deps.invitations.accept(c.var.principal!, body.token, requestContextOf(c, deps.clientIp));
      return c.json(presentAcceptedInvitation(accepted));
    });
}
