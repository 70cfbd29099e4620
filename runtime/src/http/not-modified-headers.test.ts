import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { notModifiedHeaders } from './not-modified-headers.js';

const app = new Hono<AppEnv>()
  .use(notModifiedHeaders())
  .use(secureHeaders())
  .get('/content', (c) => {
    c.header('ETag', '"v1"');
    c.header('Cache-Control', 'private, no-cache');
    c.header('X-Request-Id', 'req-1');
    if (c.req.header('If-None-Match') === '"v1"') {
      if (c.req.query('renew') !== undefined) c.header('Set-Cookie', 'session=renewed; HttpOnly');
      return c.body(null, 304);
    }
    return c.json({ hello: 'world' });
  });

const names = (response: Response) => [...response.headers.keys()].sort();

describe('notModifiedHeaders', () => {
  it('leaves a 304 only the validator, caching and per-answer fields', async () => {
    const response = await app.request('/content', { headers: { 'If-None-Match': '"v1"' } });
    expect(response.status).toBe(304);
    expect(names(response)).toEqual(['cache-control', 'etag', 'x-request-id']);
    expect(response.headers.get('etag')).toBe('"v1"');
  });

  it('keeps a cookie the 304 sets', async () => {
    const response = await app.request('/content?renew', { headers: { 'If-None-Match': '"v1"' } });
    expect(response.headers.get('set-cookie')).toBe('session=renewed; HttpOnly');
  });

  it('leaves every other answer its security headers', async () => {
    const response = await app.request('/content');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('etag')).toBe('"v1"');
  });
});
