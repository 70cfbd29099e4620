/**
 * Turns passwords into stored hashes and checks them. The domain depends on this port only; the
 * scrypt implementation lives in auth/scrypt-password-hasher.ts.
 */
export interface PasswordHasher {
  /** A self-describing encoded hash (algorithm, parameters, salt, hash). */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `encoded`; false (never a throw) for a malformed `encoded`. */
  verify(password: string, encoded: string): Promise<boolean>;
}
