import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { acknowledgeAlertBody } from './alert-bodies.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

/** Therapists: a unit's alerts, and acknowledging one. */
export function alertRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/care/units/:unitId/alerts', async (c) => {
    const status = c.req.query('status') ?? 'open';
    if (status !== 'open' && status !== 'acknowledged') {
      const message = '"status" must be "open" or "acknowledged".';
      throw new DomainError('invalid', message, { issues: [{ code: 'query.status', path: '/status', message }] });
    }
    return c.json({ alerts: await care.listAlerts(careContext(c, deps), c.req.param('unitId'), status) } satisfies Wire.AlertList);
  });

  app.post('/api/care/alerts/:alertId/acknowledge', async (c) => {
    const readAction = async () => (await readBody(c, acknowledgeAlertBody)).action;
    return c.json(await care.acknowledge(careContext(c, deps), c.req.param('alertId'), readAction));
  });

  return app;
}
