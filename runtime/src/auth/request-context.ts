import type { Context } from 'hono';
import type { RequestContext } from '../domain/accounts/request-context.js';
import type { AppEnv } from '../http/app-env.js';
import { socketClientIp, type ClientIpReader } from './client-ip.js';

/** The request's IP, user agent and request id, as the accounts services record them. */
export function requestContextOf(c: Context<AppEnv>, clientIp: ClientIpReader = socketClientIp): RequestContext {
  const ip = clientIp(c);
  const userAgent = c.req.header('user-agent');
  const requestId = c.get('requestId');
  return { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}), ...(requestId ? { requestId } : {}) };
}
