import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit } from './body-limit.js';

const MAX = 100;

/** A real node server (the fast path only exists there), counting the requests that built a full Request. */
function limitedApp() {
  const app = new Hono();
  app.use(bodyLimit({ maxSize: MAX, onError: (c) => c.text('too large', 413) }));
  app.all('/echo', async (c) => c.text(`${c.req.method} ${(await c.req.text()).length}`));
  return app;
}

describe('bodyLimit', () => {
  let url = '';
  let close: () => void = () => {};
  beforeAll(async () => {
    const server = serve({ fetch: limitedApp().fetch, port: 0, hostname: '127.0.0.1', createServer });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('passes bodies up to the limit and refuses a longer declared one before reading it', async () => {
    expect(await (await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(MAX) })).text()).toBe(`POST ${MAX}`);
    const refused = await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(MAX + 1) });
    expect(refused.status).toBe(413);
  });

  it('counts a chunked body of unknown length, refusing it once it passes the limit', async () => {
    const chunks = (count: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let index = 0; index < count; index++) controller.enqueue(new TextEncoder().encode('y'.repeat(30)));
          controller.close();
        },
      });
    const small = await fetch(`${url}/echo`, { method: 'POST', body: chunks(3), duplex: 'half' } as RequestInit);
    expect(await small.text()).toBe('POST 90');
    const large = await fetch(`${url}/echo`, { method: 'POST', body: chunks(4), duplex: 'half' } as RequestInit);
    expect(large.status).toBe(413);
  });

  it('lets a GET through untouched, and counts a body a Request carries without a length', async () => {
    expect(await (await fetch(`${url}/echo`)).text()).toBe('GET 0');
    const app = limitedApp();
    expect((await app.request('/echo', { method: 'POST', body: 'z'.repeat(MAX + 1) })).status).toBe(413);
    expect(await (await app.request('/echo', { method: 'PUT', body: 'z'.repeat(MAX) })).text()).toBe(`PUT ${MAX}`);
  });
});
