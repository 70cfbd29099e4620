import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { createTestApp } from '../testing/test-app.js';
import { readJsonBody } from './json-body.js';

/** A test app with a few extra routes that fail in known ways. */
function appWithProbes(maxBodyBytes?: number) {
  const test = createTestApp(maxBodyBytes === undefined ? {} : { maxBodyBytes });
  test.app.post('/probe/echo', async (c) => c.json({ received: await readJsonBody(c) }));
  test.app.get('/probe/crash', () => {
    throw new Error('SELECT * FROM secrets WHERE password = hunter2');
  });
  test.app.get('/probe/invalid', () => {
    throw new DomainError('invalid', 'The module has 1 problem.', { issues: [{ code: 'schema.required', path: '/title', message: 'A title is required.', params: { internal: true } }] });
  });
  test.app.get('/probe/throttled', () => {
    throw new DomainError('rate_limited', 'Too many failed attempts.', { retryAfterSeconds: 89.2 });
  });
  return test;
}

async function problem(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  return (await response.json()) as Record<string, unknown>;
}

describe('problem+json responses', () => {
  it('answers an unknown path with a 404 problem naming it, with the request id', async () => {
    const { app } = appWithProbes();
    const response = await app.request('/nowhere?x=1');
    expect(response.status).toBe(404);
    expect(await problem(response)).toEqual({
      type: 'https://careloom.org/problems/not_found',
      title: 'Not found',
      status: 404,
      detail: 'There is nothing at GET /nowhere.',
      instance: '/nowhere',
      requestId: 'req-1',
      code: 'not_found',
    });
    expect(response.headers.get('X-Request-Id')).toBe('req-1');
  });

  it('keeps a well-formed incoming X-Request-Id and replaces a malformed one', async () => {
    const { app } = appWithProbes();
    const kept = await app.request('/nowhere', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(kept.headers.get('X-Request-Id')).toBe('abc-123');
    expect((await problem(kept)).requestId).toBe('abc-123');
    const replaced = await app.request('/nowhere', { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replaced.headers.get('X-Request-Id')).toMatch(/^req-\d+$/);
  });

  it('lists issues as { code, path, message } only', async () => {
    const response = await appWithProbes().app.request('/probe/invalid');
    expect(response.status).toBe(422);
    expect((await problem(response)).issues).toEqual([{ code: 'schema.required', path: '/title', message: 'A title is required.' }]);
  });

  it('sends Retry-After for rate_limited', async () => {
    const response = await appWithProbes().app.request('/probe/throttled');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('90');
  });

  it('answers malformed JSON with a 400 problem naming the problem, without echoing the body', async () => {
    const response = await appWithProbes().app.request('/probe/echo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"secret": "s3cr3t",' });
    expect(response.status).toBe(400);
    const body = await problem(response);
    expect(body.code).toBe('bad_request');
    expect(body.detail).toMatch(/^The request body is not valid JSON: /);
    expect(body.issues).toEqual([expect.objectContaining({ code: 'body.malformed_json', path: '' })]);
    expect(JSON.stringify(body)).not.toContain('s3cr3t');
  });

  it('accepts well-formed JSON and refuses other content types with 415', async () => {
    const { app } = appWithProbes();
    const ok = await app.request('/probe/echo', { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"a":1}' });
    expect(await ok.json()).toEqual({ received: { a: 1 } });
    const wrongType = await app.request('/probe/echo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"a":1}' });
    expect(wrongType.status).toBe(415);
    expect((await problem(wrongType)).detail).toBe('Send the body as application/json, not text/plain.');
  });

  it('answers a body over the limit with a 413 problem (declared length and chunked)', async () => {
    const { app } = appWithProbes(100);
    const body = JSON.stringify({ text: 'x'.repeat(200) });
    const declared = await app.request('/probe/echo', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, body });
    expect(declared.status).toBe(413);
    expect(await problem(declared)).toMatchObject({ code: 'payload_too_large', detail: 'The request body is larger than the limit of 100 bytes.' });
    const stream = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(body)); controller.close(); } });
    const chunked = await app.request('/probe/echo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('applies the 1 MiB default limit', async () => {
    const { app } = appWithProbes();
    const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024) });
    const response = await app.request('/probe/echo', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, body });
    expect(response.status).toBe(413);
  });

  it('answers an unexpected error with a bare 500 and logs it with the request id, never leaking internals', async () => {
    const { app, logger } = appWithProbes();
    const response = await app.request('/probe/crash', { headers: { 'X-Request-Id': 'trace-7' } });
    expect(response.status).toBe(500);
    const body = await problem(response);
    expect(body).toEqual({
      type: 'https://careloom.org/problems/internal',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on the server. Quote request id trace-7 when reporting it.',
      instance: '/probe/crash',
      requestId: 'trace-7',
      code: 'internal',
    });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|hunter2|at /);
    const logged = logger.records.find((record) => record.level === 'error');
    expect(logged?.fields).toMatchObject({ requestId: 'trace-7', path: '/probe/crash' });
  });

  it('still answers problem+json when rendering the error throws (an issue whose text cannot be read)', async () => {
    const { app, logger } = appWithProbes();
    app.get('/probe/unrenderable', () => {
      const issue = { code: 'x', path: '/x', get message(): string { throw new RangeError('Maximum call stack size exceeded'); } };
      throw new DomainError('invalid', 'Broken issue.', { issues: [issue] });
    });
    const response = await app.request('/probe/unrenderable', { headers: { 'X-Request-Id': 'trace-8' } });
    expect(response.status).toBe(422);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await problem(response)).toMatchObject({ code: 'invalid', status: 422, requestId: 'trace-8' });
    expect(logger.records.find((record) => record.level === 'error')?.fields).toMatchObject({ requestId: 'trace-8', error: expect.stringContaining('RangeError') });
  });

  it('still answers problem+json when the thrown value cannot be described and the logger fails', async () => {
    const throwingLogger = { info() {}, warn() {}, error() { throw new Error('disk full'); } };
    const test = createTestApp({ logger: throwingLogger });
    test.app.get('/probe/weird', () => {
      throw Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('no message'); } });
    });
    const response = await test.app.request('/probe/weird');
    expect(response.status).toBe(500);
    expect(await problem(response)).toMatchObject({ code: 'internal', status: 500 });
  });

  it('sets security headers on every response, problems included', async () => {
    const response = await appWithProbes().app.request('/nowhere');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    // The test app's public URL is plain http, where HSTS is not sent (headers.security.test.ts covers https).
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('logs each request by path, status and id, without query string or body', async () => {
    const { app, logger } = appWithProbes();
    await app.request('/probe/echo?token=abc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"password":"p"}' });
    const line = logger.records.find((record) => record.message === 'request');
    expect(line?.fields).toMatchObject({ method: 'POST', path: '/probe/echo', status: 200, requestId: 'req-1' });
    expect(JSON.stringify(logger.records)).not.toMatch(/token=abc|password/);
  });
});
