import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ApiTokenService } from '../domain/api-tokens/api-tokens.js';
import { API_TOKEN_SCOPES } from '../domain/api-tokens/api-token-store.js';
import type { CareContext } from '../domain/care/care-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { bodySchema, readBody } from './authoring-request.js';

export interface ApiTokenRouteDeps {
  apiTokens: ApiTokenService;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

export const createApiTokenBody = bodySchema<{ name: string; scopes: string[]; unitIds?: string[] | null; expiresAt?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'scopes'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    scopes: { type: 'array', minItems: 1, maxItems: API_TOKEN_SCOPES.length, items: { type: 'string', enum: [...API_TOKEN_SCOPES] } },
    unitIds: { anyOf: [{ type: 'null' }, { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 128 } }] },
    expiresAt: { type: 'string', minLength: 10, maxLength: 40 },
  },
});

/**
 * A care-provider admin's API tokens for integrating systems: create (the token is in this one
 * answer only), list with last use, revoke. Every answer is `no-store` (the /api/* default).
 */
export function apiTokenRoutes(deps: ApiTokenRouteDeps) {
  const app = new Hono<AppEnv>();
  const context = (c: Context<AppEnv>): CareContext => ({ principal: c.get('principal'), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null });

  app.get('/api/care/providers/:organisationId/api-tokens', async (c) => c.json({ tokens: await deps.apiTokens.list(context(c), c.req.param('organisationId')) }));

  app.post('/api/care/providers/:organisationId/api-tokens', async (c) => {
    const created = await deps.apiTokens.create(context(c), c.req.param('organisationId'), await readBody(c, createApiTokenBody));
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });

  app.delete('/api/care/providers/:organisationId/api-tokens/:tokenId', async (c) => {
    await deps.apiTokens.revoke(context(c), c.req.param('organisationId'), c.req.param('tokenId'));
    return c.body(null, 204);
  });
  return app;
}
