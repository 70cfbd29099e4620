import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '@careloom/format';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';

/** Base of every problem `type` URI: `https://careloom.org/problems/<code>`. */
export const PROBLEM_TYPE_BASE = 'https://careloom.org/problems/';

/** THE table from error code to HTTP status and title. No other file decides a status. */
const PROBLEMS: Readonly<Record<ErrorCode, { status: ContentfulStatusCode; title: string }>> = {
  bad_request: { status: 400, title: 'Bad request' },
  invalid: { status: 422, title: 'Invalid content' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Not allowed' },
  csrf: { status: 403, title: 'Cross-site request refused' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

/** The HTTP status an error code is answered with. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return PROBLEMS[code].status;
}

/** RFC 9457 problem details, as Careloom sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  code: ErrorCode;
  issues?: Array<Pick<Issue, 'code' | 'path' | 'message'>>;
  /** With 413: the limit the body passed, in bytes. */
  limitBytes?: number;
}

/**
 * Answers with application/problem+json for a DomainError. Issues are whitelisted to
 * `{ code, path, message }`; `params` stay on the server.
 */
export function problemResponse(c: Context<AppEnv>, error: DomainError): Response {
  const { status, title } = PROBLEMS[error.code];
  const body: ProblemDetails = {
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title,
    status,
    detail: error.detail,
    instance: c.req.path,
    requestId: c.get('requestId'),
    code: error.code,
    ...(error.issues.length > 0 ? { issues: error.issues.map(({ code, path, message }) => ({ code, path, message })) } : {}),
    ...(error.limitBytes !== undefined ? { limitBytes: error.limitBytes } : {}),
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
  return c.body(JSON.stringify(body), status, headers);
}

/**
 * The app's onError: DomainErrors become their problem; Hono's HTTPExceptions (from middleware)
 * keep their status; anything else is a bug, logged with the request id and answered with a bare
 * 500 that leaks nothing. Rendering itself never throws out of here: an error whose issues cannot
 * be serialised (a getter that throws, a cycle, a stack already exhausted) or a logger that fails
 * still ends in a problem+json, the last resort built from constants only.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    try {
      if (error instanceof DomainError) return problemResponse(c, error);
      if (error instanceof HTTPException && error.status < 500) return problemResponse(c, fromHttpException(error));
    } catch (renderingError) {
      safeLog(logger, 'Rendering an error as problem+json failed', c, renderingError);
      return lastResortProblem(c, error instanceof DomainError ? error.code : 'bad_request');
    }
    safeLog(logger, 'Unexpected error while handling a request', c, error);
    try {
      return problemResponse(c, new DomainError('internal', `Something went wrong on the server. Quote request id ${c.get('requestId')} when reporting it.`));
    } catch {
      return lastResortProblem(c, 'internal');
    }
  };
}

function safeLog(logger: Logger, message: string, c: Context<AppEnv>, error: unknown): void {
  try {
    logger.error(message, {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? `${error.name}: ${error.message}` : typeof error,
      stack: error instanceof Error ? error.stack : undefined,
    });
  } catch {
    // Logging must not turn an answerable error into a dropped connection.
  }
}

/** A problem+json from constants and the request id alone: nothing in it can fail to serialise. */
function lastResortProblem(c: Context<AppEnv>, code: ErrorCode): Response {
  const { status, title } = PROBLEMS[code];
  let requestId = '';
  try {
    requestId = String(c.get('requestId') ?? '');
  } catch {
    // keep it empty
  }
  const body = JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail: title, instance: '', requestId, code });
  return new Response(body, { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** The app's notFound: no route matched. */
export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, new DomainError('not_found', `There is nothing at ${c.req.method} ${c.req.path}.`));

function fromHttpException(error: HTTPException): DomainError {
  const code = (Object.keys(PROBLEMS) as ErrorCode[]).find((candidate) => PROBLEMS[candidate].status === error.status) ?? 'bad_request';
  return new DomainError(code, error.message || PROBLEMS[code].title);
}
