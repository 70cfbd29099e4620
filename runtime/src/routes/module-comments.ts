import { Hono } from 'hono';
import { apiValidator } from '../http/api-schemas.js';
import type { AppEnv } from '../http/app-env.js';
import { authoringContext, readBody, versionOrDraft } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

/** The body of a new comment, compiled from the API schemas (schemas/json/api/authoring.schema.json). */
export const commentBody = apiValidator('CommentInput');

/**
 * Review comments: threads on a version or the draft, anchored to a page, block or item.
 * `GET ?on=<n>|draft` filters by what the threads are on.
 */
export function moduleCommentRoutes(deps: AuthoringRouteDeps) {
  const { authoring } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/modules/:id/comments', async (c) => {
    const on = c.req.query('on') === undefined ? undefined : versionOrDraft(c.req.query('on'), 'on');
    return c.json({ threads: await authoring.listComments(authoringContext(c, deps), c.req.param('id'), on) });
  });

  app.post('/api/modules/:id/comments', async (c) => {
    const context = authoringContext(c, deps);
    return c.json(await authoring.addComment(context, c.req.param('id'), await readBody(c, commentBody)), 201);
  });

  app.post('/api/modules/:id/comments/:commentId/resolve', async (c) =>
    c.json(await authoring.setResolved(authoringContext(c, deps), c.req.param('id'), c.req.param('commentId'), true)));

  app.post('/api/modules/:id/comments/:commentId/reopen', async (c) =>
    c.json(await authoring.setResolved(authoringContext(c, deps), c.req.param('id'), c.req.param('commentId'), false)));

  return app;
}
