// Issue 9, finding 3: demo accounts with published passwords were created on every start, with no
// way to turn them off. Now demo content is a mode: on only on loopback, never with CARELOOM_DEMO=off
// or on an address others can reach, where no demo account is created and the start is refused
// while one still has its published password; `npm run serve` is the production start and
// `npm run admin:create` makes the first administrator.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAdminCreate } from '../cli/admin-create-command.js';
import { runDemoRemove } from '../cli/demo-remove-command.js';
import { ConfigError, loadConfig, type Environment } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { HttpSession } from '../integration/http-client.js';
import { tempServers } from '../testing/temp-servers.js';
import { startServer, type RunningServer } from '../server.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const NO_EXAMPLES = join(tmpdir(), 'careloom-no-examples');
const temp = tempServers('careloom-demo-mode-');


/** Starts the way main.ts does: the configuration decides demo mode. */
async function mainLikeStart(env: Environment): Promise<RunningServer> {
  const config = loadConfig({ CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: NO_EXAMPLES, ...env });
  const server = await startServer({ config, demo: config.demo, shutdownGraceMs: 100 });
  temp.keep(server);
  return server;
}

/** Tries every demo login with its published password; returns the HTTP statuses. */
async function demoLogins(url: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const account of DEMO_ACCOUNTS) statuses.push((await new HttpSession(url).call('POST', '/api/auth/login', { email: account.email, password: account.password })).status);
  return statuses;
}

/** The accounts in the database: everyone but the examples' author (migration 180), whom nobody can sign in as. */
function peopleIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT email FROM people WHERE id <> 'careloom-examples' ORDER BY email").all() as Array<{ email: string }>).map((row) => row.email);
  } finally {
    db.close();
  }
}

/** Runs one of the npm scripts' entry points as a process, feeding `input` on standard input. */
function run(script: string, args: string[], env: Environment, input = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', script, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
    child.stdin.end(input);
  });
}

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function seededDemoDatabase(): Promise<string> {
  const file = temp.databaseFile();
  const server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: NO_EXAMPLES }), seedDemoAccounts: true, shutdownGraceMs: 100 });
  expect(server.demoAccounts).toHaveLength(DEMO_ACCOUNTS.length);
  await server.close();
  return file;
}

describe('demo mode', () => {
  it('creates no demo account with CARELOOM_DEMO=off: every published demo login is refused', { timeout: 60_000 }, async () => {
    const file = temp.databaseFile();
    const server = await mainLikeStart({ CARELOOM_DB: file, CARELOOM_DEMO: 'off' });
    expect(server.demoAccounts).toEqual([]);
    expect(await demoLogins(server.url)).toEqual(DEMO_ACCOUNTS.map(() => 401));
    expect(peopleIn(file)).toEqual([]);
  });

  it('creates no demo account on a server bound to a non-loopback address, and refuses to be told otherwise', { timeout: 60_000 }, async () => {
    const file = temp.databaseFile();
    expect(loadConfig({ CARELOOM_HOST: '0.0.0.0' }).demo).toBe(false);
    expect(() => loadConfig({ CARELOOM_HOST: '0.0.0.0', CARELOOM_DEMO: 'on' })).toThrow(ConfigError);
    const config = loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_HOST: '0.0.0.0', CARELOOM_EXAMPLES_DIR: NO_EXAMPLES });
    await expect(startServer({ config, seedDemoAccounts: true })).rejects.toThrow(/Demo mode is off for this configuration/);
    // Refused before the database is opened: nothing was created.
    expect(existsSync(file)).toBe(false);

    const server = await startServer({ config, demo: config.demo, shutdownGraceMs: 100 });
    temp.keep(server);
    expect(server.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    expect(await demoLogins(server.url)).toEqual(DEMO_ACCOUNTS.map(() => 401));
    expect(peopleIn(file)).toEqual([]);
  });

  it('refuses to start without demo mode while the database has demo accounts, says how to remove them, and starts once they are removed', { timeout: 90_000 }, async () => {
    const file = await seededDemoDatabase();
    await expect(mainLikeStart({ CARELOOM_DB: file, CARELOOM_DEMO: 'off' })).rejects.toThrow(/demo accounts whose passwords are published[\s\S]*npm run demo:remove/);
    await expect(mainLikeStart({ CARELOOM_DB: file, CARELOOM_HOST: '0.0.0.0' })).rejects.toThrow(/npm run demo:remove/);

    expect(await runDemoRemove({ stdout: sink(), stderr: sink(), env: { CARELOOM_DB: file } })).toBe(0);
    const server = await mainLikeStart({ CARELOOM_DB: file, CARELOOM_DEMO: 'off' });
    expect(await demoLogins(server.url)).toEqual(DEMO_ACCOUNTS.map(() => 401));
  });

  it('keeps `npm start` on loopback the friendly first run with demo accounts', { timeout: 60_000 }, async () => {
    const server = await mainLikeStart({ CARELOOM_DB: temp.databaseFile() });
    expect(server.demoAccounts.map((account) => account.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email));
    expect(await demoLogins(server.url)).toEqual(DEMO_ACCOUNTS.map(() => 200));
  });

  it('`npm run serve` (serve.ts) is demo mode off whatever the environment says: it refuses a database with demo accounts', { timeout: 90_000 }, async () => {
    const file = await seededDemoDatabase();
    const refused = await run('runtime/src/serve.ts', [], { CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_DEMO: 'on', CARELOOM_EXAMPLES_DIR: NO_EXAMPLES });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Careloom could not start: Demo mode is off');
    expect(refused.output).toContain('npm run demo:remove');
  });
});

describe('npm run admin:create', () => {
  it('creates an organisation and its first administrator with a password read from standard input, who can sign in to a production server', { timeout: 90_000 }, async () => {
    const file = temp.databaseFile();
    const env = { CARELOOM_DB: file };
    const created = await run('runtime/src/admin-create.ts', ['--email', 'ada@region-norr.example.org', '--name', 'Ada Admin', '--organisation', 'Region Norr', '--kind', 'care_provider'], env, 'ada has a long password\n');
    expect(created.output).toContain('Created care provider "Region Norr" with ada@region-norr.example.org as its care provider admin');
    expect(created.code).toBe(0);
    expect(created.output).not.toContain('ada has a long password');

    const publisher = await run('runtime/src/admin-create.ts', ['--email', 'per@forlag.example.org', '--name', 'Per Permissions', '--organisation', 'Förlaget', '--kind', 'publisher'], env, 'per has a long password\n');
    expect(publisher.code, publisher.output).toBe(0);

    const server = await mainLikeStart({ CARELOOM_DB: file, CARELOOM_DEMO: 'off' });
    const ada = await new HttpSession(server.url).call('POST', '/api/auth/login', { email: 'ada@region-norr.example.org', password: 'ada has a long password' });
    expect(ada.status).toBe(200);
    expect((ada.body as { memberships: Array<{ role: string }> }).memberships.map((membership) => membership.role)).toEqual(['care_provider_admin']);
    const per = await new HttpSession(server.url).call('POST', '/api/auth/login', { email: 'per@forlag.example.org', password: 'per has a long password' });
    expect((per.body as { memberships: Array<{ role: string }> }).memberships.map((membership) => membership.role)).toEqual(['permissions_admin']);
  });

  it('never takes the password from the command line, never replaces an existing account\'s password, and names what is wrong', { timeout: 90_000 }, async () => {
    const file = temp.databaseFile();
    const env = { CARELOOM_DB: file };
    const onArgv = await run('runtime/src/admin-create.ts', ['--email', 'eve@example.org', '--name', 'Eve', '--organisation', 'Eve Care', '--password', 'eve has a long password'], env);
    expect(onArgv.code).toBe(2);
    expect(onArgv.output).toContain('never taken from the command line');

    // The same command in-process (faster than a process per case).
    const adminCreate = async (args: string[], password: string) => {
      let output = '';
      const capture = new Writable({ write: (chunk: Buffer, _encoding, done) => ((output += chunk.toString()), done()) });
      const code = await runAdminCreate(args, { stdin: Readable.from([password]), stdout: capture, stderr: capture, env });
      return { code, output };
    };
    expect((await adminCreate(['--email', 'ada@example.org', '--name', 'Ada', '--organisation', 'Ada Care'], 'ada has a long password\n')).code).toBe(0);
    const again = await adminCreate(['--email', 'ADA@example.org', '--name', 'Mallory', '--organisation', 'Mallory Care'], 'mallory chose this one\n');
    expect(again.code).toBe(1);
    expect(again.output).toContain('already has an account');
    const short = await adminCreate(['--email', 'bo@example.org', '--name', 'Bo', '--organisation', 'Bo Care'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.output).toContain('at least 10 characters');
    const sameOrganisation = await adminCreate(['--email', 'cy@example.org', '--name', 'Cy', '--organisation', 'ada care'], 'cy has a long password\n');
    expect(sameOrganisation.code).toBe(1);
    expect(sameOrganisation.output).toContain('There is already an organisation');
    const badKind = await adminCreate(['--email', 'di@example.org', '--name', 'Di', '--organisation', 'Di Care', '--kind', 'hospital'], 'di has a long password\n');
    expect(badKind.code).toBe(1);
    expect(badKind.output).toContain('The kind must be "care_provider" or "publisher"');
    const noEmail = await adminCreate(['--name', 'Di', '--organisation', 'Di Care'], 'di has a long password\n');
    expect(noEmail.code).toBe(2);
    expect(noEmail.output).toContain('Missing --email');

    const server = await mainLikeStart({ CARELOOM_DB: file, CARELOOM_DEMO: 'off' });
    expect((await new HttpSession(server.url).call('POST', '/api/auth/login', { email: 'ada@example.org', password: 'ada has a long password' })).status).toBe(200);
    expect((await new HttpSession(server.url).call('POST', '/api/auth/login', { email: 'ada@example.org', password: 'mallory chose this one' })).status).toBe(401);
    expect(peopleIn(file)).toEqual(['ada@example.org']);
  });
});
