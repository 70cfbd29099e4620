import { DomainError } from '../domain/errors.js';

/** The refusal of a cross-site or token-less unsafe request (403, code `csrf`), built in one place. */
export function csrfRefusal(detail: string): DomainError {
  return new DomainError('csrf', detail);
}
