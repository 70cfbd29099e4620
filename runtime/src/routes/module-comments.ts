import { Hono } from 'hono';
import type { CommentInput } from '../domain/authoring/comments.js';
import type { AppEnv } from '../http/app-env.js';
import { authoringContext, bodySchema, readBody, versionOrDraft } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

export const commentBody = bodySchema<CommentInput>({
  type: 'object',
  additionalProperties: false,
  required: ['body'],
  properties: {
    body: { type: 'string', minLength: 1, maxLength: 10000 },
    version: { type: ['integer', 'null'], minimum: 1 },
    anchor: { type: ['string', 'null'], minLength: 1, maxLength: 200 },
    parentId: { type: 'string', minLength: 1 },
  },
});

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
