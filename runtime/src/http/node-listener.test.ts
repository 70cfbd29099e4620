import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE_NAME } from '../auth/session-cookie.js';
import type { LogFields, Logger } from '../logger.js';
import { createServerWithShortcut, REPEATS_SUMMARY_MS, revalidationShortcut } from './node-listener.js';
import { createRevalidationCache } from './revalidation-cache.js';

const lines: Array<{ message: string; fields?: LogFields }> = [];
const logger: Logger = { info: (message, fields) => void lines.push({ message, fields }), warn() {}, error() {} };
const scheduled: Array<{ run: () => void; ms: number }> = [];
const cache = createRevalidationCache({ monotonicMs: () => 0 });
cache.remember('token-a', '/module/1', { personId: 'person-a', etag: '"v1"', headers: [['cache-control', 'private, no-cache'], ['etag', '"v1"']] });
let ids = 0;
const shortcut = revalidationShortcut({ cache, logger, newId: () => `id-${++ids}`, later: (run, ms) => void scheduled.push({ run, ms }) });
let appAnswered = 0;
const server = createServerWithShortcut(shortcut)({}, (_request, response) => {
  appAnswered += 1;
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('from the app');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const get = (headers: Record<string, string>, path = '/module/1') => fetch(`${base}${path}`, { headers: { Cookie: `${SESSION_COOKIE_NAME}=token-a`, 'If-None-Match': '"v1"', ...headers } });

describe('revalidationShortcut', () => {
  it('answers a remembered revalidation with its 304 and a new request id, and sums the repeats up once a second', async () => {
    lines.length = 0;
    scheduled.length = 0;
    const first = await get({});
    const second = await get({});
    const third = await get({});
    expect([first.status, second.status, third.status]).toEqual([304, 304, 304]);
    expect(first.headers.get('etag')).toBe('"v1"');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(new Set([first, second, third].map((response) => response.headers.get('x-request-id'))).size).toBe(3);
    expect(appAnswered).toBe(0);
    // One summary scheduled for the three, and nothing logged a line each.
    expect(scheduled.map((entry) => entry.ms)).toEqual([REPEATS_SUMMARY_MS]);
    expect(lines).toEqual([]);
    scheduled[0]!.run();
    expect(lines).toEqual([{ message: 'Revalidations answered 304 again without the app', fields: { count: 3, withinMs: REPEATS_SUMMARY_MS } }]);
    // The next repeat starts a new second.
    await get({});
    expect(scheduled).toHaveLength(2);
  });

  it('sends what it does not remember to the app, uncounted', async () => {
    shortcut.flush();
    lines.length = 0;
    scheduled.length = 0;
    const answers = await Promise.all([
      get({ 'If-None-Match': '"v2"' }),
      get({ Cookie: `${SESSION_COOKIE_NAME}=token-b` }),
      get({ 'X-Request-Id': 'chosen-by-the-client' }),
      get({ Authorization: 'Bearer api-token' }),
      get({}, '/module/2'),
    ]);
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(appAnswered).toBe(5);
    expect(scheduled).toEqual([]);
    shortcut.flush();
    expect(lines).toEqual([]);
  });

  it('logs the repeats not yet summed up when flushed (shutdown), once', async () => {
    lines.length = 0;
    await get({});
    await get({});
    shortcut.flush();
    shortcut.flush();
    expect(lines).toEqual([{ message: 'Revalidations answered 304 again without the app', fields: { count: 2, withinMs: REPEATS_SUMMARY_MS } }]);
  });
});
