// `npm run bench`: each benchmark measures Careloom and a baseline in the same run on this machine
// and reports the ratio, since absolute numbers on a noisy 2-core machine mean little.
import { collabFanout } from './collab-fanout.js';

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
