// A CPU profile of Careloom recording responses under wrk load (node --cpu-prof), summarised as the
// functions with the most self time, and the same time grouped by where the code lives.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from './processes.js';
import { preparePatient } from './patient-setup.js';
import { wrk } from './wrk.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  share: number;
}

export interface CpuProfileResult {
  functions: ProfileEntry[];
  places: ProfileEntry[];
}

/** Where a function lives: a package, a folder of the server, or Node's own code. */
function placeOf(url: string): string {
  if (url === '') return '(native: V8, better-sqlite3, GC)';
  if (url.startsWith('node:')) return 'Node.js built-ins';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const source = /\/(schemas|renderer|runtime)\/src\/([^/]+)(?:\/([^/]+))?/.exec(url);
  if (source) return `${source[1]}/src/${source[2]}${source[3] && !source[3].includes('.') ? `/${source[3]}` : ''}`;
  return url.replace(/^.*\//, '');
}

/** Self time per function of the samples inside [from, to] (microseconds before the profile's end). */
function summarise(profile: Profile, top: number, window: { fromEndUs: number; toEndUs: number }): CpuProfileResult {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const totalSpan = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  let at = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    const beforeEnd = totalSpan - at;
    if (beforeEnd <= window.fromEndUs && beforeEnd >= window.toEndUs) self.set(id, (self.get(id) ?? 0) + delta);
  });
  let total = 0;
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, time] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)' || callFrame.functionName === '(program)') continue;
    total += time;
    const file = callFrame.url.replace(/^.*\/(node_modules\/)?/, '');
    // An anonymous function is told apart from its neighbours on a line (tsx's output has long lines) by its column.
    const at = file ? `${file}:${callFrame.lineNumber + 1}${callFrame.functionName ? '' : `:${callFrame.columnNumber + 1}`}` : '';
    const name = `${callFrame.functionName || '(anonymous)'} ${at}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + time);
    places.set(placeOf(callFrame.url), (places.get(placeOf(callFrame.url)) ?? 0) + time);
  }
  const ranked = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, time]) => ({ name, share: time / total }));
  return { functions: ranked(functions), places: ranked(places) };
}

/**
 * Profiles the server recording responses for `seconds` at `connections` (profiling slows it; the
 * shares, not the rate, are what this is for).
 */
export async function cpuProfile(seconds = 5, connections = 16, top = 12, scenario: 'record' | 'revalidate' = 'record'): Promise<CpuProfileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-bench-profile-'));
  const { child, url } = await startProcess(process.env.BENCH_SERVER ?? 'runtime/src/main.ts', /Careloom is running at (http:\/\/\S+)/, { CARELOOM_DB: join(dir, 'careloom.sqlite'), CARELOOM_PORT: '0' }, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  try {
    const patient = await preparePatient(url);
    const modulePath = '/api/me/module-versions/panic-week-1/1';
    const etag = (await fetch(`${url}${modulePath}`, { headers: { Cookie: patient.session.cookie } })).headers.get('etag') ?? '';
    const load = (runSeconds: number) =>
      scenario === 'record'
        ? wrk({ url: `${url}${patient.path}`, script: 'post-response.lua', args: patient.wrkArgs(0), connections, seconds: runSeconds, pid: child.pid! })
        : wrk({ url: `${url}${modulePath}`, script: 'get.lua', args: [modulePath, patient.session.cookie, etag], connections, seconds: runSeconds, pid: child.pid! });
    // Warm up first; only the samples of the measured run count (not the start or the shutdown).
    await load(1);
    const run = await load(seconds);
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    const exitedAt = Date.now();
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('The server wrote no CPU profile.');
    const window = { fromEndUs: (exitedAt - run.startedAt) * 1000, toEndUs: (exitedAt - run.endedAt) * 1000 };
    return summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, top, window);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
