// Issue 3 benchmark: how long an edit takes to reach 50 other clients of the same draft, and how
// much server memory each connected client costs — Careloom's collaboration endpoint (session
// checked, every update stored in SQLite with synchronous=FULL before it is relayed) side by side,
// in the same run, with a bare WebSocket relay that only rebroadcasts bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { HttpSession } from '@careloom/server/http-client';
import { percentile, settledMemory, settledMemoryArgs, sleep, startProcess, stop, type SettledMemory } from './processes.js';

const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 50);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
// Resident memory moves by a few MiB between two readings with nothing connected: with 100 clients
// the per-client figure read anywhere from -23 to +41 KiB across runs of the same code; a thousand
// make that noise a tenth as large per client.
const MEMORY_CLIENTS = Number(process.env.BENCH_MEMORY_CLIENTS ?? 1000);

export interface FanoutResult {
  medianMs: number;
  p99Ms: number;
  /** Resident memory per client, between two readings taken after garbage collection. */
  bytesPerClient: number;
  /** The main thread's JS heap and external memory per client, in the same readings. */
  heapBytesPerClient: number;
}

const perClient = (before: SettledMemory, after: SettledMemory, clients: number) => ({
  bytesPerClient: (after.rss - before.rss) / clients,
  heapBytesPerClient: (after.heapUsed + after.external - before.heapUsed - before.external) / clients,
});

async function careloom(): Promise<FanoutResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-bench-'));
  const { child, url } = await startProcess('runtime/src/main.ts', /Careloom is running at (http:\/\/\S+)/, { CARELOOM_DB: join(dir, 'bench.sqlite'), CARELOOM_PORT: '0' }, { nodeArgs: settledMemoryArgs });
  const providers: WebsocketProvider[] = [];
  // Each y-websocket provider in Node adds a process 'exit' listener; 51 of them are the point here,
  // not a leak, so Node's warning at eleven would only be noise above the table.
  process.setMaxListeners(Math.max(process.getMaxListeners(), RECEIVERS + 10));
  try {
    const designer = await HttpSession.login(url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    const created = await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0], id: 'phq-9-bench', example: 'phq-9' });
    if (created.status !== 201) throw new Error(`Could not create the draft: ${created.status}`);
    const connect = async () => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/collab`, 'phq-9-bench', doc, { WebSocketPolyfill: designer.webSocketClass() as never, disableBc: true });
      providers.push(provider);
      await new Promise<void>((done) => provider.once('sync', () => done()));
      return doc;
    };
    const text = (doc: Y.Doc) => (((doc.getMap('module').get('title') as Y.Map<Y.Text>).get('en')) as Y.Text);

    const sender = await connect();
    const receivers = await Promise.all(Array.from({ length: RECEIVERS }, connect));
    const latencies: number[] = [];
    let pending = 0;
    let sentAt = 0;
    let allArrived: () => void = () => {};
    for (const doc of receivers) {
      text(doc).observe((_event, transaction) => {
        if (transaction.local) return;
        latencies.push(performance.now() - sentAt);
        pending -= 1;
        if (pending === 0) allArrived();
      });
    }
    for (let edit = 0; edit < EDITS; edit += 1) {
      const arrived = new Promise<void>((done) => (allArrived = done));
      pending = RECEIVERS;
      sentAt = performance.now();
      text(sender).insert(text(sender).length, String(edit % 10));
      await arrived;
    }

    const before = await settledMemory(child);
    const extra: Y.Doc[] = [];
    for (let client = 0; client < MEMORY_CLIENTS; client += 1) extra.push(await connect());
    await sleep(500);
    const after = await settledMemory(child);
    return { medianMs: percentile(latencies, 50), p99Ms: percentile(latencies, 99), ...perClient(before, after, MEMORY_CLIENTS) };
  } finally {
    for (const provider of providers) provider.destroy();
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareRelay(): Promise<FanoutResult> {
  const { child, url } = await startProcess('bench/bare-relay-server.ts', /Bare relay listening at (http:\/\/\S+)/, {}, { nodeArgs: settledMemoryArgs });
  const sockets: WebSocket[] = [];
  try {
    const open = async () => {
      const socket = new WebSocket(`${url.replace('http', 'ws')}/room`);
      sockets.push(socket);
      await new Promise((done) => socket.once('open', done));
      return socket;
    };
    const sender = await open();
    const receivers = await Promise.all(Array.from({ length: RECEIVERS }, open));
    const latencies: number[] = [];
    let pending = 0;
    let sentAt = 0;
    let allArrived: () => void = () => {};
    for (const socket of receivers) {
      socket.on('message', () => {
        latencies.push(performance.now() - sentAt);
        pending -= 1;
        if (pending === 0) allArrived();
      });
    }
    // About the size of a one-character Yjs update in the y-websocket framing.
    const message = new Uint8Array(32).fill(7);
    for (let edit = 0; edit < EDITS; edit += 1) {
      const arrived = new Promise<void>((done) => (allArrived = done));
      pending = RECEIVERS;
      sentAt = performance.now();
      sender.send(message);
      await arrived;
    }
    const before = await settledMemory(child);
    for (let client = 0; client < MEMORY_CLIENTS; client += 1) await open();
    await sleep(500);
    const after = await settledMemory(child);
    return { medianMs: percentile(latencies, 50), p99Ms: percentile(latencies, 99), ...perClient(before, after, MEMORY_CLIENTS) };
  } finally {
    for (const socket of sockets) socket.close();
    await stop(child);
  }
}

export async function collabFanout(): Promise<{ receivers: number; careloom: FanoutResult; bare: FanoutResult }> {
  // Baseline first and last would double the run time; one of each, baseline first, is the compromise.
  const bare = await bareRelay();
  const result = await careloom();
  return { receivers: RECEIVERS, careloom: result, bare };
}
