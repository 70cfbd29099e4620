import type { Issue } from '@careloom/format';
import { pointer } from '@careloom/format';

/** Key names that suggest a secret or a patient's answers; such details are refused, not redacted. */
const FORBIDDEN_KEY = /password|passphrase|secret|token|cookie|authorization|api[-_]?key|^answers?$|^responses?$/i;

/**
 * Key names that hold who someone is rather than an id (a name, an address, a phone number). The
 * audit log outlives the people in it: it names them by id, and the person's row says who that is.
 */
const NAME_KEY = /name$|^e-?mail|^phone|^personal[-_]?number$|^ssn$|^address$/i;

/** A string shaped like an e-mail address, wherever it sits in the details. */
const EMAIL_VALUE = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/**
 * The largest details an entry may carry, in characters of its JSON. Details say which objects a
 * change touched (ids, states, counts: a release pinning some hundred modules fits); the content itself
 * (a note, a document) has its own table.
 */
export const MAX_AUDIT_DETAILS_CHARS = 8192;

/**
 * Finds what must not go into audit details: keys that look like secrets or clinical answers, names
 * and contact details instead of ids (by key, or a value shaped like an e-mail address), and details
 * larger than MAX_AUDIT_DETAILS_CHARS. The audit log records who did what to which object; the
 * content itself lives in its own table.
 *
 * @example
 * checkAuditDetails({ fromState: 'draft', toState: 'in_review' }); // []
 * checkAuditDetails({ password: 'x' }); // [{ code: 'audit.secret_in_details', path: '/password', … }]
 */
export function checkAuditDetails(details: unknown): Issue[] {
  const issues = checkValue(details, []);
  const size = JSON.stringify(details ?? {}).length;
  if (size > MAX_AUDIT_DETAILS_CHARS) {
    issues.push({ code: 'audit.details_too_large', path: '', message: `Audit details are ${size} characters of JSON; at most ${MAX_AUDIT_DETAILS_CHARS} are kept: record ids, not content.` });
  }
  return issues;
}

function checkValue(value: unknown, path: Array<string | number>): Issue[] {
  if (typeof value === 'string') {
    return EMAIL_VALUE.test(value) ? [{ code: 'audit.name_in_details', path: pointer(...path), message: 'Audit details must not contain an e-mail address: record the person\'s id.' }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => checkValue(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const here = [...path, key];
    if (FORBIDDEN_KEY.test(key)) {
      return [{ code: 'audit.secret_in_details', path: pointer(...here), message: `Audit details must not contain "${key}": record ids, not secrets or answers.` }];
    }
    if (NAME_KEY.test(key)) {
      return [{ code: 'audit.name_in_details', path: pointer(...here), message: `Audit details must not contain "${key}": record ids, not names or contact details.` }];
    }
    return checkValue(item, here);
  });
}
