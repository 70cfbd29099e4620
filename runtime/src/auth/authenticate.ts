import { createMiddleware } from 'hono/factory';
import { DomainError } from '../domain/errors.js';
import type { AppEnv } from '../http/app-env.js';
import type { Authenticator } from './authenticator.js';

/**
 * Middleware: asks the authenticator who is calling and sets `c.var.principal` (left unset for
 * anonymous requests). It refuses nothing by itself; routes add `requireAuth`.
 *
 * @example
 * app.use('/api/*', authenticate(createSessionCookieAuthenticator({ authentication })));
 */
export function authenticate(authenticator: Authenticator) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = await authenticator.authenticate(c);
    if (principal) c.set('principal', principal);
    await next();
  });
}

/**
 * Middleware: refuses anonymous requests with 401 (DomainError 'unauthenticated').
 *
 * @example
 * routes.get('/me', requireAuth, (c) => c.json(present(c.var.principal!)));
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('principal')) throw new DomainError('unauthenticated', 'Log in to do this.');
  await next();
});
