import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { messageBody } from './care-bodies.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

/** The message thread of an enrollment, from the therapist's side and from the patient's. */
export function messageRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/care/enrollments/:enrollmentId/messages', async (c) => c.json({ messages: await care.listMessages(careContext(c, deps), c.req.param('enrollmentId')) } satisfies Wire.MessageList));
  app.post('/api/care/enrollments/:enrollmentId/messages', async (c) => {
    const sent = await care.sendMessage(careContext(c, deps), c.req.param('enrollmentId'), await readBody(c, messageBody));
    return c.json(sent.message, sent.created ? 201 : 200);
  });
  app.post('/api/care/enrollments/:enrollmentId/messages/read', async (c) => {
    await care.markMessagesRead(careContext(c, deps), c.req.param('enrollmentId'));
    return c.body(null, 204);
  });

  app.get('/api/me/enrollments/:enrollmentId/messages', async (c) => c.json({ messages: await care.listMyMessages(careContext(c, deps), c.req.param('enrollmentId')) } satisfies Wire.MessageList));
  app.post('/api/me/enrollments/:enrollmentId/messages', async (c) => {
    const sent = await care.sendMyMessage(careContext(c, deps), c.req.param('enrollmentId'), await readBody(c, messageBody));
    return c.json(sent.message, sent.created ? 201 : 200);
  });
  app.post('/api/me/enrollments/:enrollmentId/messages/read', async (c) => {
    await care.markMyMessagesRead(careContext(c, deps), c.req.param('enrollmentId'));
    return c.body(null, 204);
  });

  return app;
}
