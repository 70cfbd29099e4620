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
  /** Runs the summary line `ms` later; an unreferenced timer by default (it never holds the process open). */
  later?: (run: () => void, ms: number) => void;
}

/** How often the repeats answered here are summed up in the log. */
export const REPEATS_SUMMARY_MS = 1000;

/** The listener in front of the app, and `flush` to log the repeats not yet summed up (at shutdown). */
export type RevalidationShortcut = ((incoming: IncomingMessage, outgoing: ServerResponse) => boolean) & { flush(): void };

/**
 * Answers a session's repeated revalidation of content the app let it revalidate less than a second
 * ago (revalidation-cache.ts) with the same 304, the same headers and a new request id; answers
 * false for everything else, which goes to the app. Requests carrying their own request id or an
 * Authorization header always go to the app.
 *
 * The repeats are counted, one log line a second, not a line each: the app answers and logs the
 * first revalidation of each session and URL in every second, so the log still shows who
 * revalidated what, and when; the repeats in between are the same answer to the same question.
 * A line each was the dearest part of such an answer after the socket write (about a twelfth of the
 * listener's time; 0.65–0.98 → 0.81–0.97 of a bare GET's rate in alternating trials).
 */
export function revalidationShortcut(deps: RevalidationShortcutDeps): RevalidationShortcut {
  const later = deps.later ?? ((run, ms) => void setTimeout(run, ms).unref());
  let repeats = 0;
  const flush = () => {
    if (repeats === 0) return;
    deps.logger.info('Revalidations answered 304 again without the app', { count: repeats, withinMs: REPEATS_SUMMARY_MS });
    repeats = 0;
  };
  const shortcut = (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
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
    const headerList = remembered.flat.slice();
    headerList.push('x-request-id', deps.newId());
    outgoing.writeHead(304, headerList);
    outgoing.end();
    if (repeats++ === 0) later(flush, REPEATS_SUMMARY_MS);
    return true;
  };
  return Object.assign(shortcut, { flush });
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
