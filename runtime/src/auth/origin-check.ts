import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import { csrfRefusal } from './csrf-refusal.js';
import { SESSION_COOKIE_NAME } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * Middleware: refuses unsafe requests (POST, PUT, PATCH, DELETE) sent from another origin, the
 * first CSRF defence (the session's CSRF token is the second). The Origin header decides when
 * present, else the Referer. A request with neither is let through only when it carries no session
 * cookie (curl, server-to-server): a browser always sends one of them for a cross-site POST.
 * hono/csrf is not used because it checks only form content types and answers in plain text.
 *
 * @param allowedOrigins - the public URL(s) of the app, e.g. ['https://careloom.example.org'], or a
 *   function giving them (for a public URL known only once listening on port 0).
 * @example
 * app.use('/api/*', originCheck([config.publicUrl]));
 */
export function originCheck(allowedOrigins: readonly string[] | (() => readonly string[])) {
  // Parsed again only when the list changes (the public URL is known once the server listens):
  // parsing three URLs on every request was a visible share of a recorded answer's cost.
  let lastKey: string | undefined;
  let lastAllowed = new Set<string>();
  const allowed = () => {
    const list = typeof allowedOrigins === 'function' ? allowedOrigins() : allowedOrigins;
    const key = list.join('\n');
    if (key !== lastKey) {
      lastAllowed = new Set(list.map((url) => new URL(url).origin));
      lastKey = key;
    }
    return lastAllowed;
  };
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin') ?? originOf(c.req.header('referer'));
      if (origin === undefined ? getCookie(c, SESSION_COOKIE_NAME) !== undefined : !allowed().has(origin)) {
        throw csrfRefusal('This request comes from another site, or does not say where it comes from.');
      }
    }
    await next();
  });
}
