import { DomainError } from '../domain/errors.js';

/**
 * What a session that owes a second factor may still do (its organisation turned the rule on while
 * it was open, see `SessionRecord.secondFactorOwed`): say who is signed in, set the second factor
 * up, and sign out. Everything else is refused until the enrolment is confirmed.
 */
const STILL_ALLOWED: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'GET /api/auth/second-factor',
  'POST /api/auth/second-factor/enrolment',
  'POST /api/auth/second-factor/enrolment/confirm',
  'POST /api/auth/logout',
  'POST /api/auth/oidc/logout',
  'GET /api/auth/oidc',
]);

/** The issue code the apps turn into their enrolment screen. */
export const SECOND_FACTOR_OWED_CODE = 'second_factor.enrolment_required';
export const SECOND_FACTOR_OWED_MESSAGE = 'Your organisation now requires a second factor when you sign in. Set one up to go on.';

/** Whether a request of a session that owes a second factor may pass. */
export function allowedWhileSecondFactorOwed(method: string, path: string): boolean {
  return STILL_ALLOWED.has(`${method === 'HEAD' ? 'GET' : method} ${path.replace(/\/+$/, '')}`);
}

/** The refusal: 403 problem+json with the issue `second_factor.enrolment_required`. */
export function secondFactorOwedRefusal(): DomainError {
  return new DomainError('forbidden', SECOND_FACTOR_OWED_MESSAGE, { issues: [{ code: SECOND_FACTOR_OWED_CODE, path: '', message: SECOND_FACTOR_OWED_MESSAGE }] });
}
