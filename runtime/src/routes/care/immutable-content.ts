import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { ifNoneMatchHits, strongEtag } from '../../http/etag.js';

/**
 * Answers with a released document. The content is immutable, so its hash is a strong validator;
 * `no-cache` makes the browser revalidate (the caller may have lost access), which costs a 304 and
 * no body.
 */
export function immutableContent(c: Context<AppEnv>, released: { content: unknown; contentHash: string }): Response {
  const etag = strongEtag(released.contentHash);
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  return c.json(released.content);
}
