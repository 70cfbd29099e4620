import type { Issue } from '@careloom/format';
import { pointer } from '@careloom/format';

/** Key names that suggest a secret or a patient's answers; such details are refused, not redacted. */
const FORBIDDEN_KEY = /password|passphrase|secret|token|cookie|authorization|api[-_]?key|^answers?$|^responses?$/i;

/**
 * Finds keys in audit details that look like secrets or clinical answers. The audit log records
 * who did what to which object; the content itself lives in its own table.
 *
 * @example
 * checkAuditDetails({ fromState: 'draft', toState: 'in_review' }); // []
 * checkAuditDetails({ password: 'x' }); // [{ code: 'audit.secret_in_details', path: '/password', … }]
 */
export function checkAuditDetails(details: unknown, path: Array<string | number> = []): Issue[] {
  if (Array.isArray(details)) return details.flatMap((item, index) => checkAuditDetails(item, [...path, index]));
  if (details === null || typeof details !== 'object') return [];
  return Object.entries(details).flatMap(([key, value]) => {
    const here = [...path, key];
    if (FORBIDDEN_KEY.test(key)) {
      return [{ code: 'audit.secret_in_details', path: pointer(...here), message: `Audit details must not contain "${key}": record ids, not secrets or answers.` }];
    }
    return checkAuditDetails(value, here);
  });
}
