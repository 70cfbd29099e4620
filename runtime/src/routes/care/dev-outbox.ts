import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

/** What would have been e-mailed, when no SMTP transport is configured (development). */
export function devOutboxRoutes(deps: CareRouteDeps) {
  const app = new Hono<AppEnv>();
  app.get('/api/dev/outbox', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ messages: await deps.care.outbox(careContext(c, deps)) } satisfies Wire.Outbox);
  });
  return app;
}
