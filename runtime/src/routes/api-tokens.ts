import type { ApiTokenList, CreatedApiToken } from '@careloom/format/api';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ApiTokenService } from '../domain/api-tokens/api-tokens.js';
import type { CareContext } from '../domain/care/care-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { apiValidator } from '../http/api-schemas.js';
import { readBody } from './authoring-request.js';

export interface ApiTokenRouteDeps {
  apiTokens: ApiTokenService;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

/** The create body, validated against `CreateApiTokenBody` of the API schemas (care.schema.json). */
export const createApiTokenBody = apiValidator('CreateApiTokenBody');

/**
 * A care-provider admin's API tokens for integrating systems: create (the token is in this one
 * answer only), list with last use, revoke. Every answer is `no-store` (the /api/* default).
 */
export function apiTokenRoutes(deps: ApiTokenRouteDeps) {
  const app = new Hono<AppEnv>();
  const context = (c: Context<AppEnv>): CareContext => ({ principal: c.get('principal'), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null });

  app.get('/api/care/providers/:organisationId/api-tokens', async (c) => c.json({ tokens: await deps.apiTokens.list(context(c), c.req.param('organisationId')) } satisfies ApiTokenList));

  app.post('/api/care/providers/:organisationId/api-tokens', async (c) => {
    const created = await deps.apiTokens.create(context(c), c.req.param('organisationId'), await readBody(c, createApiTokenBody));
    c.header('Cache-Control', 'no-store');
    return c.json(created satisfies CreatedApiToken, 201);
  });

  app.delete('/api/care/providers/:organisationId/api-tokens/:tokenId', async (c) => {
    await deps.apiTokens.revoke(context(c), c.req.param('organisationId'), c.req.param('tokenId'));
    return c.body(null, 204);
  });
  return app;
}
