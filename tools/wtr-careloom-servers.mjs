// @ts-check
// Real Careloom servers for the browser tests. The plugin starts runtime/src/testing/browser-test-servers.ts
// (the composition root, demo mode, one copied demo database per server) as a child process and
// routes the test page's requests to it:
//   POST   /__careloom/servers                      → a new server: { id, accounts } (body `{ clock, smtp }`: on a test clock; with an SMTP relay)
//   POST   /__careloom/servers/<id>/clock           → moves that server's test clock: `{ advanceMs }` or `{ set }`
//   POST   /__careloom/servers/<id>/legacy-enrollments → stores a copy of an enrollment with a start date
//                                                      no route accepts any more: `{ copyOf, id, startedOn }`
//   POST   /__careloom/servers/<id>/organisations  → a new organisation with its first administrator, as
//                                                      `npm run admin:create` makes one: `{ email, name, organisation, kind, password }`
//   DELETE /__careloom/servers/<id>                 → stops it
//   *      /__careloom/s/<id>/<jar>/<path>          → <path> on that server (also WebSocket upgrades: /collab)
// `<jar>` names a cookie jar: the server's cookies are scoped to the prefix, so one test can have two
// people signed in at once (e.g. the author and the reviewer) the way two browsers would.
// The browser side is renderer/src/test-server.ts.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

const PREFIX = '/__careloom';
// Hop-by-hop headers and the ones the proxy sets itself.
const DROPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'origin', 'referer', 'cookie', 'keep-alive', 'transfer-encoding']);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'content-length', 'content-encoding', 'transfer-encoding', 'keep-alive', 'set-cookie']);

/** @returns {{ plugin: import('@web/test-runner').TestRunnerPlugin, middleware: import('koa').Middleware }} */
export function careloomServers() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Promise<string> | undefined} */
  let control;
  /** @type {Map<string, string>} server id → its url */
  const servers = new Map();

  const startControl = () => {
    if (control) return control;
    const started = spawn(process.execPath, ['--import', 'tsx', 'runtime/src/testing/browser-test-servers.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child = started;
    control = new Promise((resolve, reject) => {
      const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (started.stdout) });
      lines.on('line', (line) => {
        const match = /^careloom-test-control (\S+)$/.exec(line);
        if (match) resolve(/** @type {string} */ (match[1]));
        else process.stdout.write(`[careloom servers] ${line}\n`);
      });
      started.once('exit', (code) => reject(new Error(`The browser test servers stopped (exit code ${code}).`)));
    });
    return control;
  };

  /** @type {import('koa').Middleware} */
  const middleware = async (ctx, next) => {
    if (!ctx.path.startsWith(`${PREFIX}/`)) return next();
    const base = await startControl();
    if (ctx.method === 'POST' && ctx.path === `${PREFIX}/servers`) {
      const response = await fetch(`${base}/servers`, { method: 'POST', body: await readBody(ctx.req) });
      const created = /** @type {{ id: string, url: string, accounts: unknown }} */ (await response.json());
      servers.set(created.id, created.url);
      ctx.status = 201;
      ctx.body = { id: created.id, accounts: created.accounts };
      return;
    }
    const action = /^\/__careloom\/servers\/([a-z0-9]+)\/(clock|legacy-enrollments|organisations)$/.exec(ctx.path);
    if (ctx.method === 'POST' && action) {
      const response = await fetch(`${base}/servers/${action[1]}/${action[2]}`, { method: 'POST', body: await readBody(ctx.req) });
      ctx.status = response.status;
      ctx.type = 'application/json';
      ctx.body = await response.text();
      return;
    }
    const stop = /^\/__careloom\/servers\/([a-z0-9]+)$/.exec(ctx.path);
    if (ctx.method === 'DELETE' && stop) {
      const id = /** @type {string} */ (stop[1]);
      servers.delete(id);
      const response = await fetch(`${base}/servers/${id}`, { method: 'DELETE' });
      ctx.status = response.status;
      return;
    }
    const routed = /^\/__careloom\/s\/([a-z0-9]+)\/([a-z0-9-]+)(\/.*)$/.exec(ctx.path);
    const target = routed ? servers.get(/** @type {string} */ (routed[1])) : undefined;
    if (!routed || !target) {
      ctx.status = 404;
      ctx.body = `No browser test server at ${ctx.path}.`;
      return;
    }
    const jarPath = `${PREFIX}/s/${routed[1]}/${routed[2]}`;
    await proxy(ctx, target, `${routed[3]}${ctx.search}`, jarPath);
  };

  /** @type {import('@web/test-runner').TestRunnerPlugin} */
  const plugin = {
    name: 'careloom-servers',
    // Seeding the demo database takes seconds: begin while the browser starts. Only when a test file
    // of this run uses the servers would be better, but which files do is known only when they run.
    serverStart({ server }) {
      startControl().catch(() => undefined);
      server?.on('upgrade', (request, socket, head) => {
        const routed = /^\/__careloom\/s\/([a-z0-9]+)\/([a-z0-9-]+)(\/.*)$/.exec(request.url ?? '');
        const target = routed ? servers.get(/** @type {string} */ (routed[1])) : undefined;
        if (!routed || !target) return;
        tunnel(request, /** @type {import('node:net').Socket} */ (socket), head, target, /** @type {string} */ (routed[3]));
      });
    },
    async serverStop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGTERM');
      });
    },
  };
  return { plugin, middleware };
}

/**
 * Forwards one request as the browser would send it to a deployed Careloom (same origin as the app):
 * the page's origin becomes the server's, and the jar's cookies travel both ways with their paths
 * under the jar's prefix.
 * @param {import('koa').Context} ctx @param {string} target @param {string} path @param {string} jarPath
 */
async function proxy(ctx, target, path, jarPath) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.request.headers)) {
    if (DROPPED_REQUEST_HEADERS.has(name) || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  if (ctx.request.headers.origin) headers.set('origin', target);
  // The browser sends the jar's cookies (their path is the prefix); the server reads them at its paths.
  if (ctx.request.headers.cookie) headers.set('cookie', ctx.request.headers.cookie);
  const body = ['GET', 'HEAD'].includes(ctx.method) ? undefined : await readBody(ctx.req);
  const response = await fetch(`${target}${path}`, { method: ctx.method, headers, body, redirect: 'manual' });
  ctx.status = response.status;
  response.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) ctx.set(name, value);
  });
  const cookies = response.headers.getSetCookie().map((cookie) => scopeCookie(cookie, jarPath));
  if (cookies.length > 0) ctx.set('set-cookie', cookies);
  ctx.body = Buffer.from(await response.arrayBuffer());
}

/**
 * Passes a WebSocket upgrade (the live draft at /collab/<id>) through to the server byte for byte,
 * with the request line's path and the Origin header the server's own.
 * @param {import('node:http').IncomingMessage} request @param {import('node:net').Socket} socket
 * @param {Buffer} head @param {string} target @param {string} path
 */
function tunnel(request, socket, head, target, path) {
  const url = new URL(target);
  const upstream = connect(Number(url.port), url.hostname, () => {
    const lines = [`${request.method} ${path} HTTP/1.1`];
    for (let index = 0; index < request.rawHeaders.length; index += 2) {
      const name = /** @type {string} */ (request.rawHeaders[index]);
      const lower = name.toLowerCase();
      if (lower === 'host') lines.push(`Host: ${url.host}`);
      else if (lower === 'origin') lines.push(`Origin: ${url.origin}`);
      else lines.push(`${name}: ${request.rawHeaders[index + 1]}`);
    }
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
  upstream.on('close', close);
  socket.on('close', close);
}

/** The cookie with its Path moved under the jar's prefix (and no Secure flag: the page is plain http). @param {string} cookie @param {string} jarPath */
function scopeCookie(cookie, jarPath) {
  const parts = cookie.split(';').map((part) => part.trim()).filter((part) => !/^(path|secure|domain)(=|$)/i.test(part));
  const path = /;\s*path=([^;]*)/i.exec(cookie)?.[1] ?? '/';
  return [...parts, `Path=${jarPath}${path === '/' ? '' : path}`].join('; ');
}

/** @param {import('node:http').IncomingMessage} request @returns {Promise<Buffer>} */
async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}
