import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

// RFC 9110 §15.4.5: a 304 carries the fields a 200 would have carried among Cache-Control,
// Content-Location, Date, ETag, Expires and Vary, and no other representation metadata; a cache
// that receives it keeps the rest of the stored 200's fields (RFC 9111 §4.3.4). Set-Cookie and the
// request id belong to this answer, not to the representation.
const KEPT_ON_304 = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'set-cookie', 'x-request-id']);

/**
 * Strips a 304 down to the fields above. The browser still applies the security headers (nosniff,
 * frame options…) of the 200 it stored, so repeating them on every revalidation only costs bytes
 * and work: the revalidation shortcut (node-listener.ts) repeats the app's 304 headers, and the ten
 * security headers cost it about 0.1 of its throughput ratio to a bare GET (README, Performance).
 * Registered outside the middleware that adds those headers.
 *
 * @example
 * app.use(notModifiedHeaders());
 * app.use(secureHeaders());
 */
export function notModifiedHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 304) return;
    const dropped: string[] = [];
    c.res.headers.forEach((_value, name) => {
      if (!KEPT_ON_304.has(name)) dropped.push(name);
    });
    for (const name of dropped) c.res.headers.delete(name);
  };
}
