// Real Careloom servers for the browser tests (web-test-runner): a small control endpoint that starts
// servers through the composition root (startServer) in demo mode, each on its own copy of one
// demo-seeded database, and stops them again. tools/wtr-careloom-servers.mjs runs this file as a
// child process and routes the tests' /api requests to the server a test asked for, so a browser
// test talks to the same routes, services and stores as production and fails when they change.
// Only test wiring: nothing here is reachable from the production app.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdminCreate } from '../cli/admin-create-command.js';
import { createTestClock, type TestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { lazyBundles, type Bundle } from '../web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../web/web-apps.js';
import { startServer, type RunningServer } from '../server.js';
import { testPasswordHasher } from './test-password-hasher.js';

const folder = mkdtempSync(join(tmpdir(), 'careloom-browser-tests-'));
const template = join(folder, 'template.sqlite');
// The web app bundles are never requested by browser tests, but share one lazy build anyway.
const bundleOf: (name: string) => Promise<Bundle> = lazyBundles(WEB_APPS, repositoryRoot);

let counter = 0;
const running = new Map<string, RunningServer>();
/** The clocks of the servers a test asked to start on a clock of its own, by server id. */
const clocks = new Map<string, TestClock>();

/**
 * With `clock`, the server's time stands at it until the test moves it, and the care job (missing
 * reports, reminders, escalations) runs every quarter second instead of every minute, so moving the
 * clock past a deadline shows its effect at once, as it would a minute later in production.
 */
function start(file: string, clock?: TestClock, smtp = false): Promise<RunningServer> {
  // With an SMTP relay configured the server sends its e-mail instead of keeping it in the development
  // outbox (which then does not exist); nothing listens at this address, so the mail stays queued.
  const env: Record<string, string> = { CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_HOST: '127.0.0.1', ...(smtp ? { CARELOOM_SMTP_URL: 'smtp://127.0.0.1:9', CARELOOM_MAIL_FROM: 'Careloom <careloom@example.org>' } : {}) };
  return startServer({
    config: loadConfig(env), demo: true, bundleOf, shutdownGraceMs: 100, passwordHasher: testPasswordHasher,
    ...(clock ? { clock, dueWorkEveryMs: 250 } : {}),
  });
}

/**
 * Seeding the demo (accounts with scrypt hashes, every example released through the workflow) takes
 * seconds; copying its database file takes milliseconds. So it is seeded once, closed, and each test
 * server starts on a copy (demo mode finds everything in place and seeds nothing again).
 */
const seeded: Promise<void> = start(template).then((server) => server.close());

async function newServer(options: { clock?: string; smtp?: boolean }): Promise<{ id: string; url: string; accounts: RunningServer['demoAccounts'] }> {
  await seeded;
  const id = `s${++counter}`;
  const file = join(folder, `${id}.sqlite`);
  copyFileSync(template, file);
  const clock = options.clock === undefined ? undefined : createTestClock(options.clock);
  const server = await start(file, clock, options.smtp === true);
  running.set(id, server);
  if (clock) clocks.set(id, clock);
  return { id, url: server.url, accounts: server.demoAccounts };
}

/**
 * Moves a server's test clock (`advanceMs` forward, or to `set`), runs its care job on the new time
 * and answers the time. Without that run, what fell due (a missed report's alert) appeared only
 * at the job's next quarter second, and a test that went on at once saw it or not by chance.
 */
async function moveClock(id: string, body: { advanceMs?: unknown; set?: unknown }): Promise<{ now: string } | undefined> {
  const clock = clocks.get(id);
  const server = running.get(id);
  if (!clock || !server) return undefined;
  if (typeof body.set === 'string') clock.set(body.set);
  if (typeof body.advanceMs === 'number') clock.advance(body.advanceMs);
  await server.runDueWork();
  return { now: clock.now().toISOString() };
}

/**
 * Stores a copy of enrollment `copyOf` as `id` starting on `startedOn`, as a version from before
 * enrolling checked the start date wrote it: data no route accepts any more (the start date cannot be
 * updated either, so the row is copied), for testing how the apps show it. Another connection on the
 * server's file, as another process would write.
 */
function storeLegacyEnrollment(serverId: string, body: Record<string, unknown>): boolean {
  if (!running.has(serverId) || typeof body['copyOf'] !== 'string' || typeof body['id'] !== 'string' || typeof body['startedOn'] !== 'string') return false;
  const db = new Database(join(folder, `${serverId}.sqlite`));
  try {
    db.pragma('busy_timeout = 5000');
    const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('enrollments') as Array<{ name: string }>).map((column) => column.name);
    const replaced: Record<string, string> = { id: '@id', started_on: '@startedOn', started_at: "@startedOn || 'T00:00:00.000Z'" };
    const select = columns.map((column) => replaced[column] ?? column).join(', ');
    return db.prepare(`INSERT INTO enrollments (${columns.join(', ')}) SELECT ${select} FROM enrollments WHERE id = @copyOf`).run({ id: body['id'], startedOn: body['startedOn'], copyOf: body['copyOf'] }).changes === 1;
  } finally {
    db.close();
  }
}

/**
 * Creates an organisation with its first administrator on the server's database the way whoever runs
 * the server does (`npm run admin:create`, runtime/src/cli/admin-create-command.ts): no route creates
 * organisations. Answers the command's error output, empty when it succeeded.
 */
async function createOrganisation(serverId: string, body: Record<string, unknown>): Promise<string | undefined> {
  if (!running.has(serverId)) return undefined;
  const [email, name, organisation, kind, password] = ['email', 'name', 'organisation', 'kind', 'password'].map((key) => body[key]);
  if (![email, name, organisation, kind, password].every((value) => typeof value === 'string')) return 'email, name, organisation, kind and password are strings';
  let errors = '';
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => ((errors += chunk.toString('utf8')), done()) });
  await runAdminCreate(['--email', email as string, '--name', name as string, '--organisation', organisation as string, '--kind', kind as string], {
    stdin: Readable.from([`${password as string}\n`]), stdout: sink, stderr, env: { CARELOOM_DB: join(folder, `${serverId}.sqlite`) },
  });
  return errors;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function stopServer(id: string): Promise<boolean> {
  const server = running.get(id);
  if (!server) return false;
  running.delete(id);
  clocks.delete(id);
  await server.close();
  rmSync(join(folder, `${id}.sqlite`), { force: true });
  return true;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const stop = /^\/servers\/([a-z0-9]+)$/.exec(request.url ?? '');
  const clock = /^\/servers\/([a-z0-9]+)\/clock$/.exec(request.url ?? '');
  const legacy = /^\/servers\/([a-z0-9]+)\/legacy-enrollments$/.exec(request.url ?? '');
  const organisations = /^\/servers\/([a-z0-9]+)\/organisations$/.exec(request.url ?? '');
  if (request.method === 'POST' && request.url === '/servers') {
    const body = await readJson(request);
    response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(await newServer({ ...(typeof body['clock'] === 'string' ? { clock: body['clock'] } : {}), smtp: body['smtp'] === true })));
  } else if (request.method === 'POST' && legacy) {
    response.writeHead(storeLegacyEnrollment(legacy[1]!, await readJson(request)) ? 204 : 404).end();
  } else if (request.method === 'POST' && organisations) {
    const errors = await createOrganisation(organisations[1]!, await readJson(request));
    response.writeHead(errors === undefined ? 404 : errors === '' ? 204 : 422, { 'Content-Type': 'text/plain' }).end(errors ?? '');
  } else if (request.method === 'POST' && clock) {
    const moved = await moveClock(clock[1]!, await readJson(request));
    response.writeHead(moved ? 200 : 404, { 'Content-Type': 'application/json' }).end(JSON.stringify(moved ?? {}));
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
