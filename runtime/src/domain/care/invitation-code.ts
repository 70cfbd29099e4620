import { randomBytes } from 'node:crypto';

/**
 * Invitation codes a patient can read off a letter and type on a phone: 10 characters of Crockford
 * base32 (no I, L, O or U), 50 bits, shown as `XXXXX-XXXXX`. That is enough because a code is
 * single-use, expires, is stored only as a hash, and redeem attempts are rate-limited per client IP.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITATION_CODE_LENGTH = 10;

/** A new random code, grouped for reading (`7K3QM-X9D2F`). */
export function newInvitationCode(random: (size: number) => Uint8Array = randomBytes): string {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  const canonical = Array.from(random(INVITATION_CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join('');
  return formatInvitationCode(canonical);
}

/** `7K3QMX9D2F` → `7K3QM-X9D2F`. */
export function formatInvitationCode(canonical: string): string {
  return `${canonical.slice(0, 5)}-${canonical.slice(5)}`;
}

/**
 * What the patient typed, as the stored form is hashed: upper case, without dashes or spaces, with
 * the letters people confuse read as digits (O → 0, I and L → 1). Undefined when it cannot be a code.
 */
export function normalizeInvitationCode(input: string): string | undefined {
  const canonical = input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (canonical.length !== INVITATION_CODE_LENGTH) return undefined;
  for (const char of canonical) if (!ALPHABET.includes(char)) return undefined;
  return canonical;
}
