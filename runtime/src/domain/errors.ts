import type { Issue } from '@careloom/format';

/**
 * Stable error codes. Clients may switch on them; never rename one. Which HTTP status each maps to
 * is decided in `http/problem.ts` only.
 */
export const ERROR_CODES = [
  'bad_request', // the request itself is malformed (e.g. the body is not JSON)
  'invalid', // well-formed, but the content breaks a rule; `issues` says which
  'unauthenticated', // no valid session
  'forbidden', // signed in, but not allowed
  'csrf', // an unsafe request without the session's CSRF token or from a foreign origin
  'not_found', // no such thing (or not visible to this person)
  'method_not_allowed',
  'conflict', // clashes with the current state (duplicate, stale version, wrong workflow state)
  'precondition_failed', // If-Match did not match
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited', // too many attempts; `retryAfterSeconds` says when to retry
  'unavailable', // a dependency (the database) is not answering
  'internal', // a bug; never thrown on purpose
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainErrorOptions {
  /** The problems found, each pointing into the submitted document. */
  issues?: readonly Issue[];
  /** For `rate_limited`: when to try again. */
  retryAfterSeconds?: number;
  /** For `payload_too_large`: the limit that was passed, in bytes (sent as `limitBytes`). */
  limitBytes?: number;
  cause?: unknown;
}

/**
 * A refusal the client can act on. Services throw it; `http/problem.ts` turns it into
 * application/problem+json. `detail` is shown to the client, so it must not contain secrets or
 * internals.
 *
 * @example
 * throw new DomainError('not_found', `There is no example "${id}".`);
 * throw new DomainError('invalid', 'The module has 2 problems.', { issues });
 */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: ErrorCode;
  readonly detail: string;
  readonly issues: readonly Issue[];
  readonly retryAfterSeconds: number | undefined;
  readonly limitBytes: number | undefined;

  constructor(code: ErrorCode, detail: string, options: DomainErrorOptions = {}) {
    super(`${code}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.detail = detail;
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.limitBytes = options.limitBytes;
  }
}

/** Whether `error` is a DomainError (optionally with `code`). */
export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
