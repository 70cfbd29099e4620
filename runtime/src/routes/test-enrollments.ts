import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { authoringContext, versionNumber } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

/** Test enrollments: a tester goes through an approved-for-test (or released) version as a patient would. */
export function testEnrollmentRoutes(deps: AuthoringRouteDeps) {
  const { authoring } = deps;
  const app = new Hono<AppEnv>();

  app.post('/api/modules/:id/versions/:n/test-enrollments', async (c) => {
    const enrollment = await authoring.createTestEnrollment(authoringContext(c, deps), c.req.param('id'), versionNumber(c.req.param('n')));
    c.header('Location', `/api/test-enrollments/${enrollment.id}`);
    return c.json(enrollment, 201);
  });

  app.get('/api/test-enrollments/:id', async (c) => c.json(await authoring.getTestEnrollment(authoringContext(c, deps), c.req.param('id'))));

  return app;
}
