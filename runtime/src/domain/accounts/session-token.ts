import { hash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the secret in the session cookie and the CSRF token. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id stored for a cookie token: SHA-256 hex. A stolen sessions table yields no usable cookies. */
export function sessionIdOf(token: string): string {
  // One-shot: every request with a session asks this, and a Hash object per call cost more than the digest.
  return hash('sha256', token, 'hex');
}

/** Whether a cookie value looks like a token we issued (43 base64url characters), before touching storage. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
