import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { createUnitBody, deployBody, updateUnitBody } from './care-bodies.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

/** Care-provider admins: units, their settings and intake, and deployments. */
export function unitRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/care/units', async (c) => c.json({ units: await care.listUnits(careContext(c, deps)) } satisfies Wire.UnitList));

  app.post('/api/care/providers/:organisationId/units', async (c) => {
    const unit = await care.createUnit(careContext(c, deps), c.req.param('organisationId'), await readBody(c, createUnitBody));
    c.header('Location', `/api/care/units/${unit.id}`);
    return c.json(unit, 201);
  });

  app.patch('/api/care/units/:unitId', async (c) => c.json(await care.updateUnit(careContext(c, deps), c.req.param('unitId'), await readBody(c, updateUnitBody))));

  app.get('/api/care/units/:unitId/deployments', async (c) => c.json({ deployments: await care.listDeployments(careContext(c, deps), c.req.param('unitId')) } satisfies Wire.DeploymentList));

  app.post('/api/care/units/:unitId/deployments', async (c) => c.json(await care.deploy(careContext(c, deps), c.req.param('unitId'), await readBody(c, deployBody)), 201));

  app.post('/api/care/deployments/:deploymentId/withdraw', async (c) => c.json(await care.withdraw(careContext(c, deps), c.req.param('deploymentId'))));

  app.get('/api/care/units/:unitId/report', async (c) => c.json(await care.unitReport(careContext(c, deps), c.req.param('unitId'))));

  return app;
}
