import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { enrollBody, enrollmentStatusBody, planBody } from './care-bodies.js';
import { careContext, pathNumber } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';
import { immutableContent } from './immutable-content.js';

/** Therapists: the unit's patients, enrolling, one enrollment's detail, answers, the module versions it is on, charts, status and plans. */
export function enrollmentRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/care/units/:unitId/patients', async (c) => c.json({ patients: await care.listPatients(careContext(c, deps), c.req.param('unitId'), { mine: c.req.query('mine') === 'true' }) } satisfies Wire.PatientList));

  app.post('/api/care/units/:unitId/enrollments', async (c) => {
    const created = await care.enrollPatient(careContext(c, deps), c.req.param('unitId'), await readBody(c, enrollBody));
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });

  app.post('/api/care/enrollments/:enrollmentId/invitation', async (c) => {
    const invitation = await care.resendInvitation(careContext(c, deps), c.req.param('enrollmentId'));
    c.header('Cache-Control', 'no-store');
    return c.json(invitation, 201);
  });

  app.get('/api/care/enrollments/:enrollmentId', async (c) => c.json((await care.getEnrollment(careContext(c, deps), c.req.param('enrollmentId'))) satisfies Wire.EnrollmentDetail));

  app.patch('/api/care/enrollments/:enrollmentId', async (c) => {
    const { status } = await readBody(c, enrollmentStatusBody);
    return c.json(await care.setStatus(careContext(c, deps), c.req.param('enrollmentId'), status));
  });

  app.get('/api/care/enrollments/:enrollmentId/responses', async (c) => c.json({ responses: await care.listResponses(careContext(c, deps), c.req.param('enrollmentId')) } satisfies Wire.ResponseList));

  // Module versions the enrollment is on, so the clinic can label answers; like the patient's copy.
  app.get('/api/care/enrollments/:enrollmentId/module-versions/:moduleId/:version', async (c) => {
    const { enrollmentId, moduleId, version } = c.req.param();
    return immutableContent(c, await care.enrollmentModuleVersion(careContext(c, deps), enrollmentId, moduleId, pathNumber(version, 'version')));
  });

  app.get('/api/care/enrollments/:enrollmentId/charts', async (c) => c.json(await care.charts(careContext(c, deps), c.req.param('enrollmentId'))));

  app.put('/api/care/enrollments/:enrollmentId/plans/:moduleId/:registrationId', async (c) => {
    const context = careContext(c, deps);
    return c.json(await care.putPlan(context, c.req.param('enrollmentId'), c.req.param('moduleId'), c.req.param('registrationId'), await readBody(c, planBody)));
  });

  return app;
}
