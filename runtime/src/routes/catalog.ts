import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { authoringContext } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

/** The catalog: released (and retired) versions, for care-provider admins and the owning organisations. */
export function catalogRoutes(deps: AuthoringRouteDeps) {
  const app = new Hono<AppEnv>();
  app.get('/api/catalog', async (c) => c.json({ entries: await deps.authoring.listCatalog(authoringContext(c, deps)) }));
  return app;
}
