import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server that lives in a temporary folder and is gone after `stop()`. */
export interface ThrowawayPostgres {
  /** `postgres://careloom@127.0.0.1:<port>/postgres`: the superuser's maintenance database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Where Debian's (or the PATH's) server binaries are: `initdb` is not on the PATH on Debian, it
 * lives in /usr/lib/postgresql/<major>/bin. The newest installed major wins.
 */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const major of majors) if (existsSync(join(root, major, 'bin', 'initdb'))) return join(root, major, 'bin');
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return found ? found.replace(/\/initdb$/, '') : undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a private PostgreSQL server for the tests: `initdb` in a fresh temporary folder, then
 * `postgres` listening on loopback only with trust authentication (nobody else can reach it), its
 * socket inside the folder. PostgreSQL refuses to run as root, so under root it runs as the
 * `postgres` system user the Debian package creates, and the folder is handed to that user.
 *
 * fsync is off unless `durable`: the throwaway server's own crash safety is not what the tests
 * examine (they kill Careloom's processes, never PostgreSQL), and it makes every commit much
 * faster. The bench asks for a durable server, to compare it with SQLite's synchronous=FULL.
 *
 * @example
 * const pg = await startThrowawayPostgres();
 * process.env.CARELOOM_TEST_DATABASE_URL = pg.url;
 * await pg.stop();
 */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, postgres) were not found. Install them (Debian: apt-get install postgresql) or set CARELOOM_TEST_DATABASE_URL to a server the tests may use.');
  const folder = mkdtempSync(join(tmpdir(), 'careloom-pg-'));
  const data = join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] as const : [command, args] as const);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  const [initCommand, initArgs] = run(join(bin, 'initdb'), ['-D', data, '-U', 'careloom', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  execFileSync(initCommand, [...initArgs], { stdio: 'pipe' });
  const port = await freePort();
  const [command, args] = run(join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${folder}`,
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    '-c', 'max_connections=200',
  ]);
  const server = spawn(command, [...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolveExit) => server.once('exit', () => resolveExit()));
  const url = `postgres://careloom@127.0.0.1:${port}/postgres`;
  await waitUntilReady(url, exited, () => log);
  return {
    url,
    async stop() {
      if (server.exitCode === null) {
        // SIGINT is PostgreSQL's fast shutdown. It goes to the postmaster itself (its pid is the
        // first line of postmaster.pid), because runuser does not pass signals on.
        const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        try {
          process.kill(postmaster, 'SIGINT');
        } catch {
          server.kill('SIGINT');
        }
        await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(url: string, exited: Promise<void>, log: () => string): Promise<void> {
  const { default: pg } = await import('pg');
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (gone) throw new Error(`PostgreSQL stopped while starting:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log()}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }
}
