import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { SESSION_COOKIE_NAME } from '../auth/session-cookie.js';
import { plainCookie } from './plain-cookie.js';
import { revalidatableMark, type RevalidationCache } from './revalidation-cache.js';

/** What the fetch needs of @hono/node-server's bindings: the request line's path and query. */
type Bindings = { incoming: { url?: string | undefined } };

// Never repeated from a remembered 304: they belong to one answer (or to the connection).
const PER_ANSWER = new Set(['x-request-id', 'date', 'set-cookie', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * The app's fetch, remembering each 304 it gives to a request `immutableContent` marked (an
 * authorised revalidation of released content by a signed-in session), with the headers it sent.
 */
export function rememberingFetch<E extends Bindings>(fetch: (request: Request, env: E) => Response | Promise<Response>, cache: RevalidationCache): (request: Request, env: E) => Response | Promise<Response> {
  const note = (request: Request, env: E, response: Response) => {
    if (response.status !== 304 || request.method !== 'GET') return;
    const mark = revalidatableMark(request);
    if (!mark || response.headers.has('set-cookie')) return;
    const token = plainCookie(request.headers.get('cookie') ?? '', SESSION_COOKIE_NAME);
    if (!token || env.incoming.url === undefined) return;
    const headers: Array<readonly [string, string]> = [];
    response.headers.forEach((value, name) => {
      if (!PER_ANSWER.has(name)) headers.push([name, value]);
    });
    cache.remember(token, env.incoming.url, { personId: mark.personId, etag: mark.etag, headers });
  };
  return (request, env) => {
    const response = fetch(request, env);
    if (response instanceof Promise) {
      return response.then((answered) => {
        note(request, env, answered);
        return answered;
      });
    }
    note(request, env, response);
    return response;
  };
}

export interface RevalidationShortcutDeps {
  cache: RevalidationCache;
  logger: Logger;
  newId: () => string;
}

/**
 * Answers a session's repeated revalidation of content the app let it revalidate less than a second
 * ago (revalidation-cache.ts) with the same 304, the same headers and a new request id, logged like
 * any request; answers false for everything else, which goes to the app. Requests carrying their
 * own request id or an Authorization header always go to the app.
 */
export function revalidationShortcut(deps: RevalidationShortcutDeps): (incoming: IncomingMessage, outgoing: ServerResponse) => boolean {
  return (incoming, outgoing) => {
    if (incoming.method !== 'GET') return false;
    const { headers } = incoming;
    const ifNoneMatch = headers['if-none-match'];
    const cookie = headers.cookie;
    if (ifNoneMatch === undefined || cookie === undefined || headers['x-request-id'] !== undefined || headers.authorization !== undefined) return false;
    const token = plainCookie(cookie, SESSION_COOKIE_NAME);
    const url = incoming.url;
    if (token === undefined || url === undefined) return false;
    const remembered = deps.cache.notModified(token, url, ifNoneMatch);
    if (!remembered) return false;
    const started = performance.now();
    const requestId = deps.newId();
    const headerList = remembered.flat.slice();
    headerList.push('x-request-id', requestId);
    outgoing.writeHead(304, headerList);
    outgoing.end();
    const query = url.indexOf('?');
    deps.logger.info('request', { requestId, method: 'GET', path: query === -1 ? url : url.slice(0, query), status: 304, ms: Math.round(performance.now() - started) });
    return true;
  };
}

/**
 * `http.createServer` for @hono/node-server's `serve`, with the revalidation shortcut in front of
 * the app's listener.
 */
export function createServerWithShortcut(shortcut: (incoming: IncomingMessage, outgoing: ServerResponse) => boolean): typeof createServer {
  return ((options: object, listener: RequestListener) =>
    createServer(options, (incoming, outgoing) => {
      if (!shortcut(incoming, outgoing)) listener(incoming, outgoing);
    })) as typeof createServer;
}
