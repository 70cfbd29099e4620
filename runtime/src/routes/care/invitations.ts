import { Hono } from 'hono';
import { setSessionCookie } from '../../auth/session-cookie.js';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { presentSession } from '../present-accounts.js';
import { acceptInvitationBody, redeemBody } from './care-bodies.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

/**
 * Taking an invitation up: a new patient redeems it by choosing a password and gets a session,
 * exactly like a login (409 when the address already had an account); a signed-in person accepts
 * one addressed to them.
 */
export function invitationRoutes(deps: CareRouteDeps) {
  const app = new Hono<AppEnv>();
  app.post('/api/public/invitations/redeem', async (c) => {
    const { authentication, cookie } = deps;
    const session = await deps.care.redeemInvitation(careContext(c, deps), await readBody(c, redeemBody));
    setSessionCookie(c, session.token, cookie);
    c.header('Cache-Control', 'no-store');
    return c.json(presentSession(await authentication.describeSession(session.principal)));
  });
  app.post('/api/me/invitations/accept', async (c) => {
    const accepted = await deps.care.acceptInvitation(careContext(c, deps), await readBody(c, acceptInvitationBody));
    c.header('Cache-Control', 'no-store');
    return c.json(accepted);
  });
  return app;
}
