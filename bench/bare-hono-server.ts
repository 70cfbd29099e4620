// Baseline for the responses and module benchmarks: a Hono app on @hono/node-server that parses a
// JSON body and answers JSON (POST), or answers a small JSON body (GET), with no authentication, no
// checks and no storage.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

let received = 0;
const app = new Hono()
  .post('/responses', async (c) => {
    const body = (await c.req.json()) as { clientId?: string };
    received += 1;
    return c.json({ id: `r-${received}`, clientId: body.clientId ?? null, receivedAt: new Date().toISOString(), scores: [], zones: [] }, 201);
  })
  .get('/module', (c) => c.json({ id: 'module', version: 1 }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`Bare Hono listening at http://127.0.0.1:${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
