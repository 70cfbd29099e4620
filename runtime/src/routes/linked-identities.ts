import { Hono } from 'hono';
import type { LinkedIdentityList } from '@careloom/format/api';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import type { LinkedIdentityMethods } from '../domain/oidc/linked-identities.js';
import type { AppEnv } from '../http/app-env.js';
import type { ApiOperation } from './api-operation.js';

/**
 * The signed-in person's identities at providers (domain/oidc/linked-identities.ts). Linking one is
 * a sign-in at the provider (`POST /api/auth/oidc/start` with `link: true`); these list and unlink.
 * Only ever the person's own: there is no organisation or patient in these paths to reach further.
 *
 * - GET /api/me/identities → `LinkedIdentityList`
 * - DELETE /api/me/identities/:id → 204; 404 for no such link of theirs; 409 `identity.last_way_in`
 *
 * @example
 * app.route('/', linkedIdentityRoutes({ identities: deps.services.oidc, clientIp }));
 */
export function linkedIdentityRoutes(deps: { identities: LinkedIdentityMethods; clientIp?: ClientIpReader }) {
  return new Hono<AppEnv>()
    .get('/api/me/identities', requireAuth, async (c) => c.json((await deps.identities.listLinked(c.var.principal!)) satisfies LinkedIdentityList))
    .delete('/api/me/identities/:id', requireAuth, async (c) => {
      await deps.identities.unlink(c.var.principal!, c.req.param('id'), requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    });
}

/** The routes above, for routes/openapi.ts. */
export const LINKED_IDENTITY_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/me/identities', summary: 'The signed-in person\'s identities at providers, and whether they have a password of their own', tag: 'auth', auth: 'session', success: { status: 200, description: 'Linked identities', response: 'LinkedIdentityList' }, problems: [401, 403] },
  { method: 'delete', path: '/api/me/identities/{id}', summary: 'Unlink one of the signed-in person\'s identities; refused when it is their only way to sign in', tag: 'auth', auth: 'session', success: { status: 204, description: 'Unlinked' }, problems: [401, 403, 404, 409] },
];
