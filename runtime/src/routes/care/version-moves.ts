import { Hono } from 'hono';
import { apiValidator } from '../../http/api-schemas.js';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

const moveDeploymentBody = apiValidator('MoveDeploymentBody');
const moveEnrollmentBody = apiValidator('MoveEnrollmentBody');

/**
 * Newer versions of what a unit deployed and moving patients to them: care-provider admins see the
 * unit's updates and move a deployment's patients to a minor version at once; therapists see one
 * patient's versions and move them (domain/care/version-moves.ts).
 */
export function versionMoveRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/care/units/:unitId/version-updates', async (c) => c.json(await care.versionUpdates(careContext(c, deps), c.req.param('unitId'))));

  app.post('/api/care/deployments/:deploymentId/version-move', async (c) => {
    const context = careContext(c, deps);
    return c.json(await care.moveDeploymentPatients(context, c.req.param('deploymentId'), await readBody(c, moveDeploymentBody)));
  });

  app.get('/api/care/enrollments/:enrollmentId/versions', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await care.enrollmentVersions(careContext(c, deps), c.req.param('enrollmentId')));
  });

  app.post('/api/care/enrollments/:enrollmentId/version-move', async (c) => {
    const context = careContext(c, deps);
    const body = await readBody(c, moveEnrollmentBody);
    c.header('Cache-Control', 'no-store');
    return c.json(await care.moveEnrollment(context, c.req.param('enrollmentId'), body));
  });

  return app;
}
