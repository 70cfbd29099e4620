import type { Context } from 'hono';
import type { Principal } from '../domain/principal.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * Turns a request's credential into a Principal. The session cookie is the one implementation
 * today; an OpenID Connect one can be added beside it without touching the domain.
 * Returns undefined for anonymous requests (no or dead credential); throws a DomainError to refuse
 * a request outright (a live session without its CSRF token).
 */
export interface Authenticator {
  authenticate(c: Context<AppEnv>): Promise<Principal | undefined>;
}
