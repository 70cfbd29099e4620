import { Hono } from 'hono';
import type { HealthService } from '../domain/health-service.js';
import type { AppEnv } from '../http/app-env.js';

/** GET /health: liveness and database check; 503 problem when the database does not answer. */
export function healthRoutes(health: HealthService): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.check());
  });
}
