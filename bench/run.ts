// `npm run bench`: each benchmark measures Careloom and a baseline in the same run on this machine
// and reports the ratio, since absolute numbers on a noisy 2-core machine mean little.
import { collabFanout } from './collab-fanout.js';
import { runtimeResponses } from './runtime-responses.js';

const ms = (value: number) => `${value.toFixed(2)} ms`;
const kib = (value: number) => `${(value / 1024).toFixed(1)} KiB`;

const fanout = await collabFanout();
const rows = [
  ['edit → 20 clients, median', ms(fanout.careloom.medianMs), ms(fanout.bare.medianMs), (fanout.careloom.medianMs / fanout.bare.medianMs).toFixed(1)],
  ['edit → 20 clients, p99', ms(fanout.careloom.p99Ms), ms(fanout.bare.p99Ms), (fanout.careloom.p99Ms / fanout.bare.p99Ms).toFixed(1)],
  ['server memory per client', kib(fanout.careloom.bytesPerClient), kib(fanout.bare.bytesPerClient), (fanout.careloom.bytesPerClient / Math.max(1, fanout.bare.bytesPerClient)).toFixed(1)],
];
process.stdout.write('\nCollaboration (loopback; Careloom stores each update in SQLite before relaying it)\n');
process.stdout.write(`| measure | Careloom | bare WebSocket relay | ratio |\n|---|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);

const responses = await runtimeResponses();
const perSecond = (value: number) => `${value.toFixed(0)}/s`;
const responseRows = [
  ['responses recorded per second', perSecond(responses.careloom.perSecond), perSecond(responses.bareHono.perSecond), perSecond(responses.rawSqlite.perSecond), (responses.careloom.perSecond / responses.bareHono.perSecond).toFixed(2), (responses.careloom.perSecond / responses.rawSqlite.perSecond).toFixed(2)],
  ['latency p50', ms(responses.careloom.p50Ms), ms(responses.bareHono.p50Ms), ms(responses.rawSqlite.p50Ms), (responses.careloom.p50Ms / responses.bareHono.p50Ms).toFixed(1), (responses.careloom.p50Ms / responses.rawSqlite.p50Ms).toFixed(1)],
  ['latency p99', ms(responses.careloom.p99Ms), ms(responses.bareHono.p99Ms), ms(responses.rawSqlite.p99Ms), (responses.careloom.p99Ms / responses.bareHono.p99Ms).toFixed(1), (responses.careloom.p99Ms / responses.rawSqlite.p99Ms).toFixed(1)],
];
process.stdout.write(`\nResponses (loopback, ${responses.concurrency} concurrent clients; raw SQLite is one writer, one transaction per row + audit row, WAL + synchronous=FULL)\n`);
process.stdout.write(`| measure | Careloom POST | bare Hono | raw better-sqlite3 | ratio to Hono | ratio to SQLite |\n|---|---|---|---|---|---|\n${responseRows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);
const moduleRows = [
  ['requests per second', perSecond(responses.moduleFull.perSecond), perSecond(responses.moduleRevalidated.perSecond), (responses.moduleRevalidated.perSecond / responses.moduleFull.perSecond).toFixed(2)],
  ['latency p50', ms(responses.moduleFull.p50Ms), ms(responses.moduleRevalidated.p50Ms), (responses.moduleRevalidated.p50Ms / responses.moduleFull.p50Ms).toFixed(2)],
  ['latency p99', ms(responses.moduleFull.p99Ms), ms(responses.moduleRevalidated.p99Ms), (responses.moduleRevalidated.p99Ms / responses.moduleFull.p99Ms).toFixed(2)],
];
process.stdout.write(`\nModule delivery (GET /api/me/module-versions, ${responses.concurrency} concurrent clients)\n`);
process.stdout.write(`| measure | full body (200) | If-None-Match (304) | ratio |\n|---|---|---|---|\n${moduleRows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);

// Clients left over from the measurements (keep-alive sockets, y-websocket timers) would keep Node
// alive after the report; the servers they talked to are already stopped, so end here.
process.exit(0);
