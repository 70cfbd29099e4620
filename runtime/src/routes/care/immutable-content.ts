import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { ifNoneMatchHits, strongEtag } from '../../http/etag.js';
import { markRevalidatable } from '../../http/revalidation-cache.js';

/**
 * Answers with a released document. The content is immutable, so its hash is a strong validator;
 * `no-cache` makes the browser revalidate (the caller may have lost access), which costs a 304 and
 * no body. The stored JSON text is sent as it is: serialising the same immutable document again on
 * every request cost more than the rest of the request. With `revalidatable` (the patient's own
 * module versions, which the patient app revalidates whenever it shows one), the 304 a signed-in
 * person gets may be repeated for a second without running the app (http/revalidation-cache.ts).
 */
export function immutableContent(c: Context<AppEnv>, released: { content: unknown; contentHash: string; json?: string }, options: { revalidatable?: boolean } = {}): Response {
  const etag = strongEtag(released.contentHash);
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  const principal = c.get('principal');
  if (principal && options.revalidatable) markRevalidatable(c.req.raw, { personId: principal.personId, etag });
  if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  if (released.json !== undefined) return c.body(released.json, 200, { 'Content-Type': 'application/json' });
  return c.json(released.content);
}
