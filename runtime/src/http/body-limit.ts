import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';

/**
 * Refuses a request body larger than `maxSize` bytes. Hono's own body limit asks for `c.req.raw.body`
 * on every request, which makes @hono/node-server build a full WHATWG Request (headers, abort signal,
 * body stream) even for a GET: that was about a twentieth of the CPU time of a module revalidation,
 * and it took the later body read off node-server's fast path. Here a request whose length is
 * declared is decided on the header alone (Node's HTTP parser never delivers more bytes than it
 * declares), a GET or HEAD without one passes untouched, and only a body of unknown length goes
 * through Hono's counting middleware.
 *
 * @example
 * app.use(bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new DomainError('payload_too_large', '…'); } }));
 */
export function bodyLimit(options: { maxSize: number; onError: Parameters<typeof streamingBodyLimit>[0]['onError'] & {} }) {
  const counting = streamingBodyLimit(options);
  return createMiddleware(async (c, next) => {
    if (c.req.header('Transfer-Encoding') !== undefined) return counting(c, next);
    const declared = c.req.header('Content-Length');
    if (declared === undefined) {
      // A GET or HEAD without a declared length has no body over HTTP/1.1. Other methods may still
      // carry one without saying how long (HTTP/2, a Request built in a test): count it.
      return c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : counting(c, next);
    }
    // Node refuses a malformed Content-Length before any handler runs; this is belt and braces.
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length > options.maxSize) return options.onError(c);
    return next();
  });
}
