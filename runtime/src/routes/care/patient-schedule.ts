import { Hono } from 'hono';
import { apiValidator } from '../../http/api-schemas.js';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

const scheduleChangeBody = apiValidator('ScheduleChangeBody');

/** Therapists: one patient's schedule, and changing it (unlock early, hide or show a module, move a registration's deadline). */
export function patientScheduleRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/care/enrollments/:enrollmentId/schedule', async (c) => c.json(await care.patientSchedule(careContext(c, deps), c.req.param('enrollmentId'))));

  app.post('/api/care/enrollments/:enrollmentId/schedule/changes', async (c) => {
    const context = careContext(c, deps);
    return c.json(await care.changeSchedule(context, c.req.param('enrollmentId'), await readBody(c, scheduleChangeBody)));
  });

  return app;
}
