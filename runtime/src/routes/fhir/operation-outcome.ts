import type { Context } from 'hono';
import type { DomainError, ErrorCode } from '../../domain/errors.js';
import type { AppEnv } from '../../http/app-env.js';
import { statusOf } from '../../http/problem.js';

const ISSUE_CODES: Record<ErrorCode, string> = {
  bad_request: 'structure',
  invalid: 'invalid',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  csrf: 'security',
  not_found: 'not-found',
  method_not_allowed: 'not-supported',
  conflict: 'conflict',
  precondition_failed: 'conflict',
  payload_too_large: 'too-costly',
  unsupported_media_type: 'not-supported',
  rate_limited: 'throttled',
  unavailable: 'transient',
  internal: 'exception',
};

/** A refusal as FHIR says it: an OperationOutcome with the status the same refusal has on /api. */
export function operationOutcome(c: Context<AppEnv>, error: DomainError): Response {
  const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, path: '', message: error.detail }];
  const body = {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue) => ({
      severity: 'error',
      code: ISSUE_CODES[error.code],
      details: { text: issue.message },
      ...(issue.path ? { expression: [issue.path.replace(/^\//, '').replace(/\//g, '.')] } : {}),
    })),
  };
  return c.body(JSON.stringify(body), statusOf(error.code), { 'Content-Type': 'application/fhir+json; charset=utf-8', 'Cache-Control': 'no-store' });
}
