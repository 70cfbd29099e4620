import { Hono } from 'hono';
import { apiValidator } from '../http/api-schemas.js';
import type { AppEnv } from '../http/app-env.js';
import { authoringContext, readBody, versionNumber, versionOrDraft } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

// Request bodies, compiled from the API schemas (schemas/json/api/authoring.schema.json).
export const createBody = apiValidator('CreateDocumentInput');
export const submitBody = apiValidator('SubmitBody');
export const transitionBody = apiValidator('TransitionInput');

/**
 * Documents, drafts, versions, the workflow and diffs: `/api/modules…`.
 *
 * @example
 * app.route('/', moduleRoutes({ authoring }));
 */
export function moduleRoutes(deps: AuthoringRouteDeps) {
  const { authoring } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/modules', async (c) => c.json({ modules: await authoring.listDocuments(authoringContext(c, deps)) }));

  app.post('/api/modules', async (c) => {
    const draft = await authoring.createDocument(authoringContext(c, deps), await readBody(c, createBody));
    c.header('Location', `/api/modules/${draft.document.id}`);
    return c.json(draft, 201);
  });

  app.get('/api/modules/:id', async (c) => c.json(await authoring.getDocument(authoringContext(c, deps), c.req.param('id'))));

  app.get('/api/modules/:id/draft', async (c) => c.json(await authoring.getDraft(authoringContext(c, deps), c.req.param('id'))));

  app.get('/api/modules/:id/versions', async (c) => c.json({ versions: await authoring.listVersions(authoringContext(c, deps), c.req.param('id')) }));

  app.post('/api/modules/:id/versions', async (c) => {
    const context = authoringContext(c, deps);
    const version = await authoring.submitVersion(context, c.req.param('id'), await readBody(c, submitBody));
    c.header('Location', `/api/modules/${version.documentId}/versions/${version.number}`);
    return c.json(version, 201);
  });

  app.get('/api/modules/:id/versions/:n', async (c) => c.json(await authoring.getVersion(authoringContext(c, deps), c.req.param('id'), versionNumber(c.req.param('n')))));

  app.post('/api/modules/:id/versions/:n/transitions', async (c) => {
    const context = authoringContext(c, deps);
    const number = versionNumber(c.req.param('n'));
    return c.json(await authoring.transitionVersion(context, c.req.param('id'), number, await readBody(c, transitionBody)));
  });

  app.get('/api/modules/:id/diff', async (c) => {
    const from = versionOrDraft(c.req.query('from'), 'from');
    const to = versionOrDraft(c.req.query('to'), 'to', 'draft');
    return c.json(await authoring.diff(authoringContext(c, deps), c.req.param('id'), from, to));
  });

  return app;
}
