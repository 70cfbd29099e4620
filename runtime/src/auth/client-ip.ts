import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** Reads the caller's IP address from a request. */
export type ClientIpReader = (c: Context) => string | undefined;

/**
 * The caller's IP for throttling and audit. With `trustProxy` (the server sits behind one reverse
 * proxy that appends to X-Forwarded-For) it is the last address in that header; otherwise the
 * socket's, which @hono/node-server exposes as `c.env.incoming`. Never trust the header without a
 * proxy: anyone could then pick a fresh IP per login attempt.
 *
 * @example
 * const clientIp = createClientIpReader({ trustProxy: false });
 * clientIp(c); // '203.0.113.9'
 */
export function createClientIpReader(options: { trustProxy: boolean }): ClientIpReader {
  return (c) => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
      const last = forwarded?.[forwarded.length - 1];
      if (last) return last.slice(0, 64);
    }
    return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  };
}

/** The socket address, for a server reached directly. */
export const socketClientIp: ClientIpReader = createClientIpReader({ trustProxy: false });
