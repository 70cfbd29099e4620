import { Hono } from 'hono';
import type { ExampleCatalog } from '../domain/example-catalog.js';
import type { AppEnv } from '../http/app-env.js';
import { ifNoneMatchHits, strongEtag } from '../http/etag.js';

/**
 * GET /api/examples: every example with its validity. GET /api/examples/:id: the document, with
 * its content hash as a strong ETag and 304 on a matching If-None-Match.
 */
export function exampleRoutes(examples: ExampleCatalog): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/api/examples', (c) => c.json({ examples: examples.list() }))
    .get('/api/examples/:id', (c) => {
      const { summary, document } = examples.get(c.req.param('id'));
      // Cached copies must be revalidated, which the ETag makes cheap.
      c.header('Cache-Control', 'no-cache');
      if (summary.contentHash === '') return c.json(document);
      const etag = strongEtag(summary.contentHash);
      c.header('ETag', etag);
      if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
      return c.json(document);
    });
}
