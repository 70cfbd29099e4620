// Responses recorded per second on PostgreSQL with one, two and three Careloom processes sharing
// one database, beside one process on SQLite, in the same run and alternating round by round, so
// the machine's noise hits all of them. The PostgreSQL server is a throwaway one with its
// durability on (fsync, synchronous_commit, full_page_writes), as SQLite's synchronous=FULL is.
// With several processes, one wrk per process runs at the same time (the load balancer's share);
// the processes' rates add up. On a 2-core machine three processes, PostgreSQL and wrk share two
// cores: the table shows what more processes buy on this machine, not on a server.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres } from '@careloom/server/throwaway-postgres';
import { manyPatientsWrkArgs, preparePatients } from './patient-setup.js';
import { percentile, startProcess, stop } from './processes.js';
import { wrk, type WrkResult } from './wrk.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_PROCESSES = 3;
// PostgreSQL locks a patient's enrollment row while recording their answer (SQLite serialises every
// write anyway): with one patient, processes would only queue behind each other. A busy day has
// many patients, so requests rotate over this many.
const PATIENTS = 16;

/** One measured run of a setup: the processes' runs side by side. */
export interface ClusterRun {
  /** Sum of the processes' rates. */
  perSecond: number;
  /** The worst p99 of the processes. */
  p99Ms: number;
  /** Rows the database gained during the run (at least the acknowledged responses). */
  stored: number;
  acknowledged: number;
  processes: WrkResult[];
}

export interface PostgresRecordingResult {
  connections: number;
  seconds: number;
  sqlite: ClusterRun[];
  /** Index 0: one process, 1: two, 2: three. */
  postgres: ClusterRun[][];
}

interface Server {
  child: ChildProcess;
  url: string;
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts Careloom on a port chosen here: behind a load balancer the printed (public) URL is not the process's own. */
const startCareloom = async (env: Record<string, string>, port?: number): Promise<Server> => {
  const chosen = port ?? (await freePort());
  const { child } = await startProcess(process.env.BENCH_SERVER ?? 'runtime/src/main.ts', /Careloom is running at (http:\/\/\S+)/, { ...env, CARELOOM_PORT: String(chosen) });
  return { child, url: `http://127.0.0.1:${chosen}` };
};

/** One wrk per server at once, the connections shared out among them. */
async function runCluster(servers: readonly Server[], wrkArgs: string[], path: string, count: () => Promise<number>): Promise<ClusterRun> {
  const before = await count();
  const share = (index: number) => Math.floor(CONNECTIONS / servers.length) + (index < CONNECTIONS % servers.length ? 1 : 0);
  const runs = await Promise.all(servers.map((server, index) => wrk({ url: `${server.url}${path}`, script: 'post-response.lua', args: wrkArgs, connections: share(index), seconds: SECONDS, pid: server.child.pid! })));
  // Requests still in flight when wrk stops may be stored without being counted by wrk.
  await new Promise((done) => setTimeout(done, 300));
  const stored = (await count()) - before;
  return { perSecond: runs.reduce((sum, run) => sum + run.perSecond, 0), p99Ms: Math.max(...runs.map((run) => run.p99Ms)), stored, acknowledged: runs.reduce((sum, run) => sum + run.requests, 0), processes: runs };
}

/**
 * @example
 * const result = await postgresRecording();
 * result.postgres[2]![0]!.perSecond / result.sqlite[0]!.perSecond; // three processes on PostgreSQL vs one on SQLite
 */
export async function postgresRecording(): Promise<PostgresRecordingResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-bench-pg-'));
  const database = await startThrowawayPostgres({ durable: true });
  const servers: Server[] = [];
  const admin = new pg.Client({ connectionString: database.url });
  let sqliteServer: Server | undefined;
  try {
    await admin.connect();
    await admin.query('CREATE DATABASE careloom_bench');
    const databaseUrl = database.url.replace(/\/postgres$/, '/careloom_bench');
    // Behind a load balancer every process has the same public URL (the origin browsers send): here,
    // the first process's address.
    const firstPort = await freePort();
    const shared = { CARELOOM_DATABASE_URL: databaseUrl, CARELOOM_MAIL_KEY: randomBytes(32).toString('base64'), CARELOOM_PUBLIC_URL: `http://127.0.0.1:${firstPort}` };
    // The first process migrates and seeds the demo content; the others find it done.
    for (let index = 0; index < MAX_PROCESSES; index += 1) servers.push(await startCareloom(shared, index === 0 ? firstPort : undefined));
    sqliteServer = await startCareloom({ CARELOOM_DB: join(dir, 'careloom.sqlite') });

    const reader = new pg.Client({ connectionString: databaseUrl });
    await reader.connect();
    const pgCount = async () => Number((await reader.query<{ n: string }>('SELECT count(*) AS n FROM responses')).rows[0]!.n);
    const { default: Database } = await import('better-sqlite3');
    const sqliteDb = new Database(join(dir, 'careloom.sqlite'), { readonly: true, fileMustExist: true });
    const sqliteCount = async () => sqliteDb.prepare<[], { n: number }>('SELECT count(*) AS n FROM responses').get()!.n;
    try {
      // Sessions live in the database: the patient signed in through the first process is signed in on every one.
      const pgPatients = await preparePatients(servers[0]!.url, PATIENTS);
      const sqlitePatients = await preparePatients(sqliteServer.url, PATIENTS);
      const pgArgs = manyPatientsWrkArgs(pgPatients, join(dir, 'postgres-patients.tsv'));
      const sqliteArgs = manyPatientsWrkArgs(sqlitePatients, join(dir, 'sqlite-patients.tsv'));
      const pgPath = pgPatients[0]!.path;
      const sqlitePath = sqlitePatients[0]!.path;
      // Warm every process (JIT, connection pools, page caches), unmeasured.
      await wrk({ url: `${sqliteServer.url}${sqlitePath}`, script: 'post-response.lua', args: sqliteArgs, connections: CONNECTIONS, seconds: 1, pid: sqliteServer.child.pid! });
      for (const server of servers) await wrk({ url: `${server.url}${pgPath}`, script: 'post-response.lua', args: pgArgs, connections: CONNECTIONS, seconds: 1, pid: server.child.pid! });

      const sqlite: ClusterRun[] = [];
      const postgres: ClusterRun[][] = Array.from({ length: MAX_PROCESSES }, () => []);
      for (let round = 0; round < ROUNDS; round += 1) {
        sqlite.push(await runCluster([sqliteServer], sqliteArgs, sqlitePath, sqliteCount));
        for (let processes = 1; processes <= MAX_PROCESSES; processes += 1) postgres[processes - 1]!.push(await runCluster(servers.slice(0, processes), pgArgs, pgPath, pgCount));
      }
      return { connections: CONNECTIONS, seconds: SECONDS, sqlite, postgres };
    } finally {
      sqliteDb.close();
      await reader.end();
    }
  } finally {
    await admin.end().catch(() => undefined);
    for (const server of servers) await stop(server.child);
    if (sqliteServer) await stop(sqliteServer.child);
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of the runs' summed rates. */
export const medianRate = (runs: readonly ClusterRun[]) => percentile(runs.map((run) => run.perSecond), 50);
