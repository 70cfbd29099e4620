// Real Careloom servers for the browser tests (web-test-runner): a small control endpoint that starts
// servers through the composition root (startServer) in demo mode, each on its own copy of one
// demo-seeded database, and stops them again. tools/wtr-careloom-servers.mjs runs this file as a
// child process and routes the tests' /api requests to the server a test asked for, so a browser
// test talks to the same routes, services and stores as production and fails when they change.
// Only test wiring: nothing here is reachable from the production app.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { lazyBundles, type Bundle } from '../web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../web/web-apps.js';
import { startServer, type RunningServer } from '../server.js';

const folder = mkdtempSync(join(tmpdir(), 'careloom-browser-tests-'));
const template = join(folder, 'template.sqlite');
// The web app bundles are never requested by browser tests, but share one lazy build anyway.
const bundleOf: (name: string) => Promise<Bundle> = lazyBundles(WEB_APPS, repositoryRoot);

let counter = 0;
const running = new Map<string, RunningServer>();

function start(file: string): Promise<RunningServer> {
  return startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_HOST: '127.0.0.1' }), demo: true, bundleOf, shutdownGraceMs: 100 });
}

/**
 * Seeding the demo (accounts with scrypt hashes, every example released through the workflow) takes
 * seconds; copying its database file takes milliseconds. So it is seeded once, closed, and each test
 * server starts on a copy (demo mode finds everything in place and seeds nothing again).
 */
const seeded: Promise<void> = start(template).then((server) => server.close());

async function newServer(): Promise<{ id: string; url: string; accounts: RunningServer['demoAccounts'] }> {
  await seeded;
  const id = `s${++counter}`;
  const file = join(folder, `${id}.sqlite`);
  copyFileSync(template, file);
  const server = await start(file);
  running.set(id, server);
  return { id, url: server.url, accounts: server.demoAccounts };
}

async function stopServer(id: string): Promise<boolean> {
  const server = running.get(id);
  if (!server) return false;
  running.delete(id);
  await server.close();
  rmSync(join(folder, `${id}.sqlite`), { force: true });
  return true;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const stop = /^\/servers\/([a-z0-9]+)$/.exec(request.url ?? '');
  if (request.method === 'POST' && request.url === '/servers') {
    response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(await newServer()));
  } else if (request.method === 'GET' && stop) {
    const server = running.get(stop[1]!);
    response.writeHead(server ? 200 : 404, { 'Content-Type': 'application/json' }).end(JSON.stringify(server ? { id: stop[1], url: server.url } : {}));
  } else if (request.method === 'DELETE' && stop) {
    response.writeHead((await stopServer(stop[1]!)) ? 204 : 404).end();
  } else {
    response.writeHead(404).end();
  }
}

const control = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    response.writeHead(500, { 'Content-Type': 'text/plain' }).end(error instanceof Error ? error.stack : String(error));
  });
});

// The proxy keeps its connection; Node's default five seconds would close it under a request on its way.
control.keepAliveTimeout = 10 * 60_000;

async function closeAll(): Promise<void> {
  control.close();
  for (const id of [...running.keys()]) await stopServer(id).catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
}

process.on('SIGTERM', () => void closeAll().finally(() => process.exit(0)));
process.on('SIGINT', () => void closeAll().finally(() => process.exit(0)));
// The parent (web-test-runner) closes stdin when it ends, also when it is killed.
process.stdin.on('end', () => void closeAll().finally(() => process.exit(0)));
process.stdin.resume();

control.listen(0, '127.0.0.1', () => {
  // The one line the parent waits for.
  process.stdout.write(`careloom-test-control http://127.0.0.1:${(control.address() as AddressInfo).port}\n`);
});
