// `npm run bench`: each benchmark measures Careloom and a baseline in the same run on this machine,
// alternating where it can, and reports ratios, since absolute numbers on a shared 2-core machine
// mean little. Prints one table and writes every raw number to bench/results/<time>.json.
// Needs wrk (`apt-get install wrk`); strace, when installed, counts the fsyncs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { collabFanout } from './collab-fanout.js';
import { cpuProfile } from './cpu-profile.js';
import { percentile, repoRoot } from './processes.js';
import { pagesPerResponse, runtimeResponses } from './runtime-responses.js';
import { findPostgresBin } from '@careloom/server/throwaway-postgres';
import { medianRate, postgresRecording, type PostgresRecordingResult } from './postgres-recording.js';
import { median, startup } from './startup.js';
import { haveWrk, type WrkResult } from './wrk.js';

if (!(await haveWrk())) {
  process.stderr.write('npm run bench needs wrk: apt-get install wrk\n');
  process.exit(1);
}

const loadBefore = loadavg();
const startedAt = new Date();
const responses = await runtimeResponses();
const fanout = await collabFanout();
const profile = await cpuProfile();
const starts = await startup();
// PostgreSQL only where its server binaries are installed (apt-get install postgresql).
const postgres: PostgresRecordingResult | undefined = findPostgresBin() ? await postgresRecording() : undefined;
const loadAfter = loadavg();

const med = (values: number[]) => percentile(values, 50);
const range = (values: number[], digits: number) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const pairRatios = (a: WrkResult[], b: WrkResult[]) => a.map((run, index) => run.perSecond / b[index]!.perSecond);
const cpuPerRequestUs = (run: WrkResult) => ((run.serverCpu * (run.endedAt - run.startedAt)) / 1000 / run.requests) * 1e6;

const recordRatios = pairRatios(responses.careloomPost, responses.bareHonoPost);
const revalidateRatios = pairRatios(responses.moduleRevalidated, responses.bareHonoGet);
const fullRatios = pairRatios(responses.moduleFull, responses.bareHonoGet);
const stored = responses.careloomPost.reduce((sum, run) => sum + run.stored, 0);
const fsyncs = responses.careloomPost.every((run) => run.fsyncs !== undefined) ? responses.careloomPost.reduce((sum, run) => sum + run.fsyncs!, 0) : undefined;
const pages = responses.careloomPost.map(pagesPerResponse);
const half = responses.careloomHalfRate;

const rows: string[][] = [
  ['recording: responses/s (Careloom ÷ bare Hono POST, per round)', `${med(responses.careloomPost.map((run) => run.perSecond)).toFixed(0)}/s`, `${med(responses.bareHonoPost.map((run) => run.perSecond)).toFixed(0)}/s`, `${med(recordRatios).toFixed(3)} (${range(recordRatios, 3)})`, '≥ 0.5'],
  ['recording: latency p50 / p99 at full load', `${med(responses.careloomPost.map((run) => run.p50Ms)).toFixed(1)} / ${med(responses.careloomPost.map((run) => run.p99Ms)).toFixed(1)} ms`, `${med(responses.bareHonoPost.map((run) => run.p50Ms)).toFixed(1)} / ${med(responses.bareHonoPost.map((run) => run.p99Ms)).toFixed(1)} ms`, '', ''],
  [`recording: p99 at about half the maximum rate (${half.perSecond.toFixed(0)}/s measured)`, `${half.p99Ms.toFixed(1)} ms`, '', '', '≤ 10 ms'],
  ['recording: server CPU per request', `${med(responses.careloomPost.map(cpuPerRequestUs)).toFixed(0)} µs`, `${med(responses.bareHonoPost.map(cpuPerRequestUs)).toFixed(0)} µs`, (med(responses.careloomPost.map(cpuPerRequestUs)) / med(responses.bareHonoPost.map(cpuPerRequestUs))).toFixed(1), ''],
  [
    'recording: the store alone per response, in-process (attempt read, response + audit rows, 16 per commit, no fsync) ÷ bare Hono CPU per request',
    `${responses.storeFloor.cpuPerResponseUs.toFixed(0)} µs`,
    `${med(responses.bareHonoPost.map(cpuPerRequestUs)).toFixed(0)} µs`,
    (responses.storeFloor.cpuPerResponseUs / med(responses.bareHonoPost.map(cpuPerRequestUs))).toFixed(1),
    '',
  ],
  ['recording: server CPU busy (1.0 = one core)', range(responses.careloomPost.map((run) => run.serverCpu), 2), range(responses.bareHonoPost.map((run) => run.serverCpu), 2), '', ''],
  ['recording: fsyncs per acknowledged response', fsyncs === undefined ? '— (no strace)' : (fsyncs / stored).toFixed(3), '', '', '≤ 0.1'],
  ['recording: 4 KiB pages written per response (/proc/pid/io)', `${med(pages).toFixed(1)} (${range(pages, 1)})`, '', '', '≤ 8'],
  ['recording: stored rows ÷ answers counted by wrk', `${stored} ÷ ${responses.careloomPost.reduce((sum, run) => sum + run.requests, 0)}`, '', '', ''],
  ['module: 304 revalidation ÷ bare Hono GET, per round', `${med(responses.moduleRevalidated.map((run) => run.perSecond)).toFixed(0)}/s`, `${med(responses.bareHonoGet.map((run) => run.perSecond)).toFixed(0)}/s`, `${med(revalidateRatios).toFixed(2)} (${range(revalidateRatios, 2)})`, '≥ 0.8'],
  ['module: full 200 body ÷ bare Hono GET', `${med(responses.moduleFull.map((run) => run.perSecond)).toFixed(0)}/s`, '', `${med(fullRatios).toFixed(2)} (${range(fullRatios, 2)})`, ''],
  [`collaboration: edit → ${fanout.receivers} editors, median / p99`, `${fanout.careloom.medianMs.toFixed(2)} / ${fanout.careloom.p99Ms.toFixed(2)} ms`, `${fanout.bare.medianMs.toFixed(2)} / ${fanout.bare.p99Ms.toFixed(2)} ms`, `${(fanout.careloom.p99Ms / fanout.bare.p99Ms).toFixed(1)} (p99)`, 'p99 ≤ 50 ms'],
  ['collaboration: server memory per idle editor (RSS, both readings after GC)', `${(fanout.careloom.bytesPerClient / 1024).toFixed(1)} KiB`, `${(fanout.bare.bytesPerClient / 1024).toFixed(1)} KiB`, '', '≤ 30 KiB'],
  ['collaboration: JS heap + external per idle editor (after GC)', `${(fanout.careloom.heapBytesPerClient / 1024).toFixed(1)} KiB`, `${(fanout.bare.heapBytesPerClient / 1024).toFixed(1)} KiB`, '', ''],
  ['start: process start → first /health 200, median (build ÷ tsx)', `${median(starts.compiledMs).toFixed(0)} ms`, `${median(starts.sourceMs).toFixed(0)} ms`, (median(starts.compiledMs) / median(starts.sourceMs)).toFixed(2), '≤ 300 ms'],
];

if (postgres) {
  const sqliteRate = medianRate(postgres.sqlite);
  const ratios = (processes: number) => postgres.postgres[processes - 1]!.map((run, index) => run.perSecond / postgres.sqlite[index]!.perSecond);
  for (let processes = 1; processes <= postgres.postgres.length; processes += 1) {
    const runs = postgres.postgres[processes - 1]!;
    const stored = runs.reduce((sum, run) => sum + run.stored, 0);
    const acknowledged = runs.reduce((sum, run) => sum + run.acknowledged, 0);
    rows.push([
      `PostgreSQL, ${processes} process${processes === 1 ? '' : 'es'}: responses/s ÷ SQLite, 1 process (${postgres.connections} connections, 16 patients; stored ÷ answered ${stored} ÷ ${acknowledged})`,
      `${medianRate(runs).toFixed(0)}/s, p99 ${med(runs.map((run) => run.p99Ms)).toFixed(0)} ms`,
      `${sqliteRate.toFixed(0)}/s`,
      `${med(ratios(processes)).toFixed(2)} (${range(ratios(processes), 2)})`,
      '',
    ]);
  }
} else {
  rows.push(['PostgreSQL recording', 'skipped: no PostgreSQL server binaries (apt-get install postgresql)', '', '', '']);
}

const out = process.stdout;
out.write(`\nCareloom vs baselines, ${startedAt.toISOString()}, load average ${loadBefore[0]!.toFixed(1)} before / ${loadAfter[0]!.toFixed(1)} after (2 cores)\n`);
out.write(`wrk: 1 thread, ${responses.connections} keep-alive connections, ${responses.seconds} s per run, ${responses.careloomPost.length} alternating rounds\n\n`);
out.write(`| measure | Careloom | baseline | ratio | goal |\n|---|---|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);
out.write('\nCPU profile of Careloom recording responses (self time, steady state):\n\n| share | function |\n|---|---|\n');
out.write(`${profile.functions.map((entry) => `| ${(entry.share * 100).toFixed(1)} % | \`${entry.name}\` |`).join('\n')}\n`);
out.write('\n| share | where |\n|---|---|\n');
out.write(`${profile.places.map((entry) => `| ${(entry.share * 100).toFixed(1)} % | ${entry.name} |`).join('\n')}\n`);

const resultsDir = join(repoRoot, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ startedAt, loadBefore, loadAfter, responses, fanout, profile, starts, postgres }, null, 2)}\n`);
out.write(`\nRaw numbers: ${file.slice(repoRoot.length + 1)}\n`);

// Clients left over from the measurements (keep-alive sockets, y-websocket timers) would keep Node
// alive after the report; the servers they talked to are already stopped, so end here.
process.exit(0);
