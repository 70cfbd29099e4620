import { Hono } from 'hono';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import type { PasswordResetService } from '../domain/accounts/password-reset.js';
import type { AppEnv } from '../http/app-env.js';
import { parseBody } from './accounts-bodies.js';
import { validatePasswordResetCompleteBody, validatePasswordResetRequestBody } from './staff-bodies.js';

export interface PasswordResetRoutesDeps {
  passwordReset: PasswordResetService;
  clientIp?: ClientIpReader;
}

/**
 * Forgotten passwords, without a session. The token travels in the body, never in a URL (it is in
 * the link's fragment, `#/password-reset/<token>`, which browsers do not send).
 *
 * - POST /api/public/password-reset `{ email, language? }` → 202, the same whether or not the address has an account
 * - POST /api/public/password-reset/complete `{ token, password }` → 204; 404 for every link that does not work
 *
 * @example
 * app.route('/', passwordResetRoutes({ passwordReset, clientIp }));
 */
export function passwordResetRoutes(deps: PasswordResetRoutesDeps) {
  return new Hono<AppEnv>()
    .post('/api/public/password-reset', async (c) => {
      const body = await parseBody(c, validatePasswordResetRequestBody);
      await deps.passwordReset.request({ email: body.email, ...(body.language ? { language: body.language } : {}) }, requestContextOf(c, deps.clientIp));
      return c.body(null, 202);
    })
    .post('/api/public/password-reset/complete', async (c) => {
      const body = await parseBody(c, validatePasswordResetCompleteBody);
      await deps.passwordReset.complete(body, requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    });
}
