// Responses recorded durably per second, on loopback, driven by wrk (its own process, one thread):
// Careloom (session, CSRF, schema and answer checks, scoring, response + alerts + audit in one
// WAL + synchronous=FULL commit, 201 only after it) beside a bare Hono JSON endpoint, alternating
// round by round in one run so the machine's noise hits both; module delivery (a 304 revalidation)
// beside a bare Hono GET; and what each recorded response costs the disk (fsyncs counted with
// strace, bytes written from /proc/<pid>/io).
import Database from 'better-sqlite3';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePatient } from './patient-setup.js';
import { nodePidOf, startProcess, stop } from './processes.js';
import { storeFloor, type StoreFloor } from './store-floor.js';
import { wrk, type WrkResult } from './wrk.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAGE_BYTES = 4096;

export interface RecordingRun extends WrkResult {
  /** Rows the database gained during the run; at least the acknowledged requests. */
  stored: number;
  /** fsync + fdatasync calls of the server during the run (undefined without strace). */
  fsyncs: number | undefined;
}

export interface RuntimeResponsesResult {
  connections: number;
  seconds: number;
  bareHonoPost: WrkResult[];
  careloomPost: RecordingRun[];
  /** Careloom at about half of its measured maximum rate: the latency a patient sees on a busy day. */
  careloomHalfRate: RecordingRun;
  bareHonoGet: WrkResult[];
  moduleRevalidated: WrkResult[];
  moduleFull: WrkResult[];
  /** The store's own work per recorded response, in-process (store-floor.ts). */
  storeFloor: StoreFloor;
}

/** Stops the server itself (strace would only detach on SIGTERM) and waits for the wrapper to end. */
async function stopTraced(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    process.kill(nodePidOf(child.pid!) || child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await exited;
}

function haveStrace(): boolean {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** fsync/fdatasync lines of an `strace -ttt` log inside a time window. */
function fsyncsBetween(log: string, from: number, to: number): number {
  let count = 0;
  for (const line of log.split('\n')) {
    const match = /^\d+\s+(\d+\.\d+) f(?:data)?sync\(/.exec(line);
    if (match && Number(match[1]) * 1000 >= from && Number(match[1]) * 1000 <= to) count += 1;
  }
  return count;
}

/**
 * Alternates rounds of bare Hono and Careloom, then the module revalidation against a bare GET.
 *
 * @example
 * const result = await runtimeResponses();
 */
export async function runtimeResponses(): Promise<RuntimeResponsesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-bench-responses-'));
  const databaseFile = join(dir, 'careloom.sqlite');
  const traceFile = join(dir, 'fsync.trace');
  // Only fsync and fdatasync stop the process (seccomp-bpf), a tenth of one per response: the
  // trace costs the measured server next to nothing.
  const wrapper = haveStrace() ? ['strace', '-f', '--seccomp-bpf', '-ttt', '-e', 'trace=fsync,fdatasync', '-o', traceFile] : [];
  const bare = await startProcess('bench/bare-hono-server.ts', /Bare Hono listening at (http:\/\/\S+)/);
  const careloom = await startProcess(process.env.BENCH_SERVER ?? 'runtime/src/main.ts', /Careloom is running at (http:\/\/\S+)/, { CARELOOM_DB: databaseFile, CARELOOM_PORT: '0' }, { wrapper });
  const readDb = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const barePid = bare.child.pid!;
    const careloomPid = nodePidOf(careloom.child.pid!);
    const url = careloom.url;
    const setup = await preparePatient(url);
    const patient = setup.session;
    const path = setup.path;
    const answeredAt = new Date().toISOString();
    const count = readDb.prepare<[], { n: number }>('SELECT count(*) AS n FROM responses');

    const post = (target: string, pid: number, args: string[], connections = CONNECTIONS) => wrk({ url: target, script: 'post-response.lua', args, connections, seconds: SECONDS, pid });
    // The baselines get the same request headers as Careloom (session cookie, CSRF token, Origin;
    // for the GET the entity tag) and ignore them: a ratio then compares the two servers' work on the
    // same bytes, not also the parsing of headers only one of them was sent.
    const bareArgs = ['/responses', patient.cookie, patient.csrfToken, new URL(url).origin, answeredAt, '0'];
    const postBare = () => post(`${bare.url}/responses`, barePid, bareArgs);
    const postCareloom = async (pause = 0, connections = CONNECTIONS): Promise<RecordingRun> => {
      const before = count.get()!.n;
      const result = await post(`${url}${path}`, careloomPid, setup.wrkArgs(pause), connections);
      // Requests still in flight when wrk stops may be stored without being counted by wrk.
      await new Promise((done) => setTimeout(done, 200));
      return { ...result, stored: count.get()!.n - before, fsyncs: undefined };
    };

    // Warm both (JIT, SQLite page cache), unmeasured.
    await wrk({ url: `${bare.url}/responses`, script: 'post-response.lua', args: bareArgs, connections: CONNECTIONS, seconds: 1, pid: barePid });
    await wrk({ url: `${url}${path}`, script: 'post-response.lua', args: setup.wrkArgs(0), connections: CONNECTIONS, seconds: 1, pid: careloomPid });

    const bareHonoPost: WrkResult[] = [];
    const careloomPost: RecordingRun[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareHonoPost.push(await postBare());
      careloomPost.push(await postCareloom());
    }
    // Half of the best measured rate: each connection pauses so that the connections together
    // send about that many requests per second.
    const best = Math.max(...careloomPost.map((run) => run.perSecond));
    const halfConnections = 8;
    const pause = Math.max(1, Math.round((halfConnections / (best / 2)) * 1000));
    const careloomHalfRate = await postCareloom(pause, halfConnections);

    const modulePath = '/api/me/module-versions/panic-week-1/1';
    const first = await fetch(`${url}${modulePath}`, { headers: { Cookie: patient.cookie } });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const get = (target: string, pid: number, args: string[]) => wrk({ url: target, script: 'get.lua', args, connections: CONNECTIONS, seconds: SECONDS, pid });
    const bareHonoGet: WrkResult[] = [];
    const moduleRevalidated: WrkResult[] = [];
    const moduleFull: WrkResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareHonoGet.push(await get(`${bare.url}/module`, barePid, ['/module', patient.cookie, etag]));
      moduleRevalidated.push(await get(`${url}${modulePath}`, careloomPid, [modulePath, patient.cookie, etag]));
      moduleFull.push(await get(`${url}${modulePath}`, careloomPid, [modulePath, patient.cookie, '']));
    }

    readDb.close();
    await stopTraced(careloom.child);
    if (existsSync(traceFile)) {
      const log = readFileSync(traceFile, 'utf8');
      for (const run of [...careloomPost, careloomHalfRate]) run.fsyncs = fsyncsBetween(log, run.startedAt, run.endedAt);
    }
    const floor = await storeFloor(databaseFile, /\/enrollments\/([^/]+)\//.exec(path)![1]!);
    return { connections: CONNECTIONS, seconds: SECONDS, bareHonoPost, careloomPost, careloomHalfRate, bareHonoGet, moduleRevalidated, moduleFull, storeFloor: floor };
  } finally {
    if (readDb.open) readDb.close();
    await stopTraced(careloom.child);
    await stop(bare.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pagesPerResponse = (run: RecordingRun) => run.writeBytes / PAGE_BYTES / Math.max(1, run.stored);
