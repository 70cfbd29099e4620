import type { MediaList, MediaUpload } from '@careloom/format/api';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { CareContext } from '../domain/care/care-deps.js';
import { DomainError } from '../domain/errors.js';
import type { MediaService } from '../domain/media/media-service.js';
import type { AppEnv } from '../http/app-env.js';
import { parseRange } from '../http/byte-range.js';
import { ifNoneMatchHits, strongEtag } from '../http/etag.js';
import { PROBLEM_TYPE_BASE } from '../http/problem.js';
import { READ, type ApiOperation } from './api-operation.js';

export interface MediaRouteDeps {
  media: MediaService;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

/** The upload path, which the app-wide 1 MiB body limit leaves to the media library's own limit. */
export const MEDIA_UPLOAD_PATH = /^\/api\/media\/[^/]+\/?$/;

/** A file's URL never names another body, so a browser may keep it as long as it likes; `private`, because who may read it depends on who asks. */
const IMMUTABLE = 'private, max-age=31536000, immutable';
/** A media file opened on its own is a document on this origin: it may never run script or load anything. */
const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * The media libraries (media-service.ts): list, upload (the request body is the file, streamed to
 * disk; `?name=` the file name to list it under), delete, and the files themselves with byte
 * ranges (206, 416, If-Range) and conditional requests, cached for a year under their
 * content-addressed URLs.
 */
export function mediaRoutes(deps: MediaRouteDeps) {
  const app = new Hono<AppEnv>();
  const context = (c: Context<AppEnv>): CareContext => ({ principal: c.get('principal'), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null });

  app.get('/api/media/:organisationId', async (c) => c.json({ media: await deps.media.list(context(c), c.req.param('organisationId')), maxBytes: deps.media.maxBytes } satisfies MediaList));

  app.post('/api/media/:organisationId', async (c) => {
    const declared = c.req.header('Content-Length');
    const declaredBytes = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
    const stream = c.req.raw.body;
    if (!stream) throw new DomainError('bad_request', 'Send the file as the request body.');
    const name = c.req.query('name');
    const result = await deps.media.upload(context(c), c.req.param('organisationId'), {
      body: stream as unknown as AsyncIterable<Uint8Array>,
      ...(declaredBytes !== undefined ? { declaredBytes } : {}),
      ...(name !== undefined ? { name } : {}),
    });
    c.header('Location', result.media.url);
    return c.json(result satisfies MediaUpload, result.created ? 201 : 200);
  });

  app.delete('/api/media/:organisationId/:file', async (c) => {
    await deps.media.remove(context(c), c.req.param('organisationId'), c.req.param('file'));
    return c.body(null, 204);
  });

  app.get('/api/media/:organisationId/:file', async (c) => {
    const { media, sizeBytes, read } = await deps.media.open(context(c), c.req.param('organisationId'), c.req.param('file'));
    const etag = strongEtag(media.sha256);
    const lastModified = new Date(media.uploadedAt).toUTCString();
    const headers: Record<string, string> = {
      'Content-Type': media.mediaType,
      'Cache-Control': IMMUTABLE,
      ETag: etag,
      'Last-Modified': lastModified,
      'Accept-Ranges': 'bytes',
      'Content-Security-Policy': MEDIA_CSP,
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    // If-Range: the range only if the file is still the one the client has (it always is: the URL
    // names the bytes), compared strongly by ETag or exactly by date.
    const ifRange = c.req.header('If-Range');
    const rangeStillValid = ifRange === undefined || ifRange.trim() === etag || ifRange.trim() === lastModified;
    const range = rangeStillValid ? parseRange(c.req.header('Range'), sizeBytes) : 'ignore';
    if (range === 'unsatisfiable') {
      const problem = {
        type: `${PROBLEM_TYPE_BASE}range_not_satisfiable`,
        title: 'Range not satisfiable',
        status: 416,
        detail: `The file has ${sizeBytes} bytes; the requested range starts after its end.`,
        instance: c.req.path,
        requestId: c.get('requestId'),
        code: 'range_not_satisfiable',
      };
      return c.body(JSON.stringify(problem), 416, { ...headers, 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Range': `bytes */${sizeBytes}` });
    }
    const whole = range === 'ignore';
    const { start, end } = whole ? { start: 0, end: sizeBytes - 1 } : range;
    headers['Content-Length'] = String(end - start + 1);
    if (!whole) headers['Content-Range'] = `bytes ${start}-${end}/${sizeBytes}`;
    if (c.req.method === 'HEAD') return c.body(null, whole ? 200 : 206, headers);
    return c.body(read(media.sha256, { start, end }), whole ? 200 : 206, headers);
  });
  return app;
}

/** The media library's operations in /api/openapi.json. */
export const MEDIA_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/media/{organisationId}', summary: 'The publishing organisation\'s media library, newest first, each file with the submitted module versions and drafts (and their blocks) that use it, and the largest file it takes (its designers, publishers and testers)', tag: 'media', auth: 'session', success: { status: 200, description: 'The library', response: 'MediaList' }, problems: READ },
  { method: 'post', path: '/api/media/{organisationId}', summary: 'Upload a file into the library (designers; `?name=` the file name). The body is the file, streamed; its type is read from its bytes: images, audio, films and WebVTT captions, no SVG (415). 413 names the limit in `limitBytes`. The same file again answers 200 with the stored one (audited)', tag: 'media', auth: 'session', requestFile: 'The file\'s bytes.', success: { status: 201, also: [200], description: 'The file in the library', response: 'MediaUpload' }, problems: [400, 401, 403, 404, 413, 415] },
  { method: 'delete', path: '/api/media/{organisationId}/{file}', summary: 'Remove a file from the library (designers; 409 while a submitted version or a draft names it, naming where; audited)', tag: 'media', auth: 'session', success: { status: 204, description: 'Removed' }, problems: [401, 403, 404, 409] },
  { method: 'get', path: '/api/media/{organisationId}/{file}', summary: 'A library file, for whoever may see a module that names it (404 for anyone else): byte ranges (206, 416, If-Range), ETag, and a year\'s private immutable caching', tag: 'media', auth: 'session', success: { status: 200, also: [206], description: 'The file, or the requested part of it', file: true }, problems: [401, 404, 416] },
];
