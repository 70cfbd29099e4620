import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../domain/accounts/password-hasher.js';

/** scrypt cost parameters. N must be a power of two. */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt floor is N=2^17 with r=8, p=1 (128 MiB); 2^15 (32 MiB, ~50–100 ms) keeps a small server responsive under a login burst. */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse to evaluate stored parameters beyond this, so a tampered row cannot exhaust memory. */
const MAX_N = 2 ** 20;

function scrypt(password: string, salt: Buffer, keyLength: number, parameters: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly that for 2^15 and would refuse it.
  const options: ScryptOptions = { N: parameters.N, r: parameters.r, p: parameters.p, maxmem: 256 * parameters.N * parameters.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(encoded: string): { parameters: ScryptParameters; salt: Buffer; hash: Buffer } | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^[0-9]{1,8}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  if (!(N >= 2 && N <= MAX_N && (N & (N - 1)) === 0) || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  if (salt.length < SALT_BYTES || hash.length < 16 || hash.length > 64) return undefined;
  return { parameters: { N, r, p }, salt, hash };
}

/**
 * Password hashing with node:crypto scrypt, encoded as `scrypt$N$r$p$salt$hash` (salt and hash in
 * base64), so stored hashes keep working after the parameters are raised. Passwords are
 * NFC-normalised first, so the same password typed on different keyboards matches.
 *
 * @param parameters - cost; tests pass a cheap one, production uses the default.
 * @returns a PasswordHasher.
 * @example
 * const hasher = createScryptPasswordHasher();
 * const stored = await hasher.hash('correct horse battery');
 * await hasher.verify('correct horse battery', stored); // true
 */
export function createScryptPasswordHasher(parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const hash = await scrypt(password, salt, KEY_BYTES, parameters);
      return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), hash.toString('base64')].join('$');
    },
    async verify(password, encoded) {
      const parsed = parse(encoded);
      if (!parsed) return false;
      const candidate = await scrypt(password, parsed.salt, parsed.hash.length, parsed.parameters);
      return timingSafeEqual(candidate, parsed.hash);
    },
  };
}
