import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TARGETS_ONLY } from '../domain/webhooks/webhook-targets.js';
import { createWebhookSender, WebhookSendError } from './webhook-sender.js';

const LOOPBACK = { private: false, loopback: true };
let server: Server;
let base = '';
const seen: Array<{ path: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/redirect') return void response.writeHead(302, { location: `${base}/elsewhere` }).end();
      if (request.url === '/slow') return void setTimeout(() => response.writeHead(200).end(), 2000);
      if (request.url === '/large') return void response.writeHead(200).end('x'.repeat(1024 * 1024));
      response.writeHead(request.url === '/fail' ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the webhook sender', () => {
  it('POSTs the body with the given headers and reports the status code', async () => {
    const send = createWebhookSender({ policy: LOOPBACK, userAgent: 'Careloom-Webhooks/test' });
    expect(await send({ url: `${base}/ok`, body: '{"type":"webhook.test"}', headers: { 'webhook-id': 'msg_1' } })).toEqual({ statusCode: 204 });
    expect(await send({ url: `${base}/fail`, body: '{}', headers: {} })).toEqual({ statusCode: 500 });
    const request = seen.find((entry) => entry.path === '/ok')!;
    expect(request.body).toBe('{"type":"webhook.test"}');
    expect(request.headers).toMatchObject({ 'webhook-id': 'msg_1', 'content-type': 'application/json', 'user-agent': 'Careloom-Webhooks/test' });
  });

  it('follows no redirect: the 302 is the answer, and its target is never called', async () => {
    const send = createWebhookSender({ policy: LOOPBACK });
    expect(await send({ url: `${base}/redirect`, body: '{}', headers: {} })).toEqual({ statusCode: 302 });
    expect(seen.some((entry) => entry.path === '/elsewhere')).toBe(false);
  });

  it('gives up on an endpoint that does not answer in time, and drops a large answer unread', async () => {
    const send = createWebhookSender({ policy: LOOPBACK, timeoutMs: 200 });
    await expect(send({ url: `${base}/slow`, body: '{}', headers: {} })).rejects.toThrow(/within 200 ms/);
    expect(await send({ url: `${base}/large`, body: '{}', headers: {} })).toEqual({ statusCode: 200 });
  });

  it('refuses this machine and private networks unless allowed, also behind a host name that resolves to one, and calls nothing', async () => {
    const before = seen.length;
    const publicOnly = createWebhookSender({ policy: PUBLIC_TARGETS_ONLY });
    await expect(publicOnly({ url: `${base}/ok`, body: '{}', headers: {} })).rejects.toThrow(/loopback/);
    await expect(publicOnly({ url: 'http://169.254.169.254/latest/meta-data', body: '{}', headers: {} })).rejects.toBeInstanceOf(WebhookSendError);
    // A public-looking name whose DNS answer is private (DNS rebinding): refused when it is resolved for the connection.
    const rebinding = createWebhookSender({
      policy: PUBLIC_TARGETS_ONLY,
      lookup: ((_host: string, _options: unknown, callback: (error: null, addresses: Array<{ address: string; family: number }>) => void) => callback(null, [{ address: '10.0.0.7', family: 4 }])) as never,
    });
    await expect(rebinding({ url: 'https://records.example.org/hook', body: '{}', headers: {} })).rejects.toThrow(/records.example.org resolves to 10.0.0.7 is a private network address/);
    const localhost = createWebhookSender({
      policy: PUBLIC_TARGETS_ONLY,
      lookup: ((_host: string, _options: unknown, callback: (error: null, addresses: Array<{ address: string; family: number }>) => void) => callback(null, [{ address: '127.0.0.1', family: 4 }])) as never,
    });
    await expect(localhost({ url: `http://localhost:${new URL(base).port}/ok`, body: '{}', headers: {} })).rejects.toThrow(/loopback/);
    expect(seen.length).toBe(before);
  });

  it('reports a refused connection in words', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createWebhookSender({ policy: LOOPBACK })({ url: `http://127.0.0.1:${port}/`, body: '{}', headers: {} })).rejects.toThrow('The endpoint refused the connection.');
  });
});
