import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { readJsonBody } from '../../http/json-body.js';
import { careContext, pathNumber } from './care-request.js';
import { immutableContent } from './immutable-content.js';
import type { CareRouteDeps } from './care-request.js';

/** The patient's own API: enrollments, Today, program, module versions, progress, responses, charts, plan. */
export function meRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/me/enrollments', async (c) => c.json({ enrollments: await care.myEnrollments(careContext(c, deps)) } satisfies Wire.MyEnrollments));
  app.get('/api/me/today', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json((await care.today(careContext(c, deps))) satisfies Wire.Today);
  });
  app.get('/api/me/enrollments/:enrollmentId/program', async (c) => c.json(await care.myProgram(careContext(c, deps), c.req.param('enrollmentId'))));

  app.get('/api/me/module-versions/:moduleId/:version', async (c) =>
    immutableContent(c, await care.moduleVersion(careContext(c, deps), c.req.param('moduleId'), pathNumber(c.req.param('version'), 'version')), { revalidatable: true }));

  app.get('/api/me/enrollments/:enrollmentId/modules/:moduleId/progress', async (c) => c.json(await care.progress(careContext(c, deps), c.req.param('enrollmentId'), c.req.param('moduleId'))));

  app.post('/api/me/enrollments/:enrollmentId/responses', async (c) => {
    const context = careContext(c, deps);
    const { created, result } = await care.recordResponse(context, c.req.param('enrollmentId'), await readJsonBody(c));
    if (created) c.header('Location', `/api/me/enrollments/${c.req.param('enrollmentId')}/responses/${result.id}`);
    return c.json(result, created ? 201 : 200);
  });

  app.get('/api/me/enrollments/:enrollmentId/charts', async (c) => c.json(await care.myCharts(careContext(c, deps), c.req.param('enrollmentId'))));
  app.get('/api/me/enrollments/:enrollmentId/plan', async (c) => c.json({ plans: await care.myPlans(careContext(c, deps), c.req.param('enrollmentId')) } satisfies Wire.PlanList));

  return app;
}
