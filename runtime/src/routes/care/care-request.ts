import type { Context } from 'hono';
import type { SessionCookieSettings } from '../../auth/session-cookie.js';
import type { AuthenticationService } from '../../domain/accounts/authentication-service.js';
import type { CareContext } from '../../domain/care/care-deps.js';
import type { CareService } from '../../domain/care/care-service.js';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../../http/app-env.js';

/** What the care routes need. `authentication` and `cookie` are for invitation sign-in. */
export interface CareRouteDeps {
  care: CareService;
  authentication: AuthenticationService;
  cookie: SessionCookieSettings;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The request facts the care service needs: who, which request, from where, in which language. */
export function careContext(c: Context<AppEnv>, deps: CareRouteDeps): CareContext {
  const language = c.req.query('lang');
  if (language !== undefined && !LANGUAGE.test(language)) {
    const message = '"lang" must be a language tag such as "en" or "sv".';
    throw new DomainError('invalid', message, { issues: [{ code: 'query.lang', path: '/lang', message }] });
  }
  const userAgent = c.req.header('user-agent');
  return {
    principal: c.get('principal'),
    requestId: c.get('requestId') ?? null,
    ip: deps.clientIp?.(c) ?? null,
    ...(userAgent ? { userAgent } : {}),
    ...(language ? { language } : {}),
  };
}

/** A positive whole number from the path, or not_found. */
export function pathNumber(raw: string, what: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new DomainError('not_found', `There is no ${what} "${raw}".`);
  return Number(raw);
}
