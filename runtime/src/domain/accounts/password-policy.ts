import type { Issue } from '@careloom/format';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase; short enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Checks a new password: at least 10 characters (counted as the user sees them), at most 256. No
 * composition rules (NIST SP 800-63B): length is what makes a password hard to guess.
 *
 * @param path - JSON Pointer of the field in the request body, for the issue.
 * @returns the issues, empty when the password is acceptable.
 * @example
 * passwordIssues('short', '/newPassword');
 * // [{ code: 'password.too_short', path: '/newPassword', message: 'The password must be at least 10 characters long; it has 5.' }]
 */
export function passwordIssues(password: string, path: string): Issue[] {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return [{ code: 'password.too_short', path, message: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long; it has ${length}.`, params: { minLength: MIN_PASSWORD_LENGTH } }];
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return [{ code: 'password.too_long', path, message: `The password may be at most ${MAX_PASSWORD_LENGTH} characters long.`, params: { maxLength: MAX_PASSWORD_LENGTH } }];
  }
  return [];
}
