import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * Sends `Cache-Control: no-store` on every response of the routes it guards, unless the route chose
 * its own caching (released module content is `private, no-cache` with an ETag: it is the same for
 * every patient on that version). Patient data (lists, answers, messages, plans, charts, the
 * outbox), error answers included, must never be kept in a browser's or a proxy's cache, where the
 * next person at a shared computer could read it. Being middleware, it covers routes added later
 * without anyone remembering a header.
 *
 * @example
 * app.use('/api/*', noStore());
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
