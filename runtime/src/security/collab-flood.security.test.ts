// Issue 9, finding 5: small crafted updates froze the whole server. An 88 KB update adding a key to
// each of 8,000 nested maps held the event loop 5–13 s, 50,000 single-character deletions listed
// in descending order 5–18 s, and a burst of 10,000 ordinary updates from one designer stalled
// /health for 2–5 s. Now each update is bounded before Yjs sees it (depth, items, deleted ranges
// in order, document size) and each connection has a budget of messages and items per second
// (beyond it the server stops reading it). Each attack below runs against a real server while
// /health is polled and the event-loop delay recorded; another draft must keep syncing meanwhile.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { closed, opened, waitFor } from '../collab/collab-test-harness.js';
import { createDraft, rawSocket, startStage, stockClient, titleText, updateFrame, type Stage } from './collab-attack-kit.js';

/**
 * /health p99 and event-loop p99 bound while one client misbehaves. The goal is 50 ms;
 * with Yjs on the main thread the remaining cost is decoding one refused update (tens of ms on a
 * busy 2-core machine, measured here in the same process as the clients), so this asserts what is
 * reached without worker threads: far from the seconds before, and no single stall over 500 ms.
 */
const P99_MS = 150;
const MAX_STALL_MS = 500;
/** How long each attack is measured. */
const WINDOW_MS = 2500;

let stage: Stage;
beforeAll(async () => {
  stage = await startStage();
  await createDraft(stage, 'flood-target');
  await createDraft(stage, 'flood-bystander');
}, 30_000);
afterAll(async () => {
  await stage?.stop();
});

interface Measurement {
  healthP99: number;
  healthMax: number;
  healthCount: number;
  loopP99: number;
  loopMax: number;
  /** Milliseconds from an edit on the other draft to its arrival at another client, each. */
  bystanderLatencies: number[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Runs `attack` while polling /health back to back, recording the event loop's delay and editing
 * a second draft every 100 ms (its arrival at a second client is timed).
 */
async function measureDuring(attack: () => Promise<void> | void): Promise<Measurement> {
  const writer = stockClient(stage, 'flood-bystander');
  const reader = stockClient(stage, 'flood-bystander');
  await Promise.all([writer.synced, reader.synced]);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  titleText(reader.doc).observe(() => {
    const text = titleText(reader.doc).toString();
    for (const [marker, at] of sentAt) {
      if (text.includes(marker)) {
        latencies.push(performance.now() - at);
        sentAt.delete(marker);
      }
    }
  });

  const loop = monitorEventLoopDelay({ resolution: 5 });
  const health: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${stage.server.url}/health`);
      await response.arrayBuffer();
      health.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
  })();
  let edit = 0;
  const edits = setInterval(() => {
    const marker = `[${edit++}]`;
    sentAt.set(marker, performance.now());
    titleText(writer.doc).insert(0, marker);
  }, 100);

  loop.enable();
  const attacking = Promise.resolve(attack());
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  loop.disable();
  running = false;
  clearInterval(edits);
  await poll;
  await attacking;
  await waitFor(() => sentAt.size === 0, 'every bystander edit to arrive', 5000);
  for (const client of [writer, reader]) client.provider.destroy();
  return {
    healthP99: percentile(health, 99),
    healthMax: Math.max(...health),
    healthCount: health.length,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
    bystanderLatencies: latencies,
  };
}

function expectUnharmed(result: Measurement, label: string): void {
  // Logged so a slow CI run shows what it measured.
  console.info(`${label}: /health p99 ${result.healthP99.toFixed(1)} ms (max ${result.healthMax.toFixed(1)}, n=${result.healthCount}); event loop p99 ${result.loopP99.toFixed(1)} ms (max ${result.loopMax.toFixed(1)}); bystander p99 ${percentile(result.bystanderLatencies, 99).toFixed(1)} ms`);
  expect(result.healthCount).toBeGreaterThan(20);
  expect(result.healthP99).toBeLessThan(P99_MS);
  expect(result.loopP99).toBeLessThan(P99_MS);
  expect(result.healthMax).toBeLessThan(MAX_STALL_MS);
  expect(result.loopMax).toBeLessThan(MAX_STALL_MS);
  expect(result.bystanderLatencies.length).toBeGreaterThanOrEqual(15);
  expect(percentile(result.bystanderLatencies, 99)).toBeLessThan(1000);
}

describe('one client flooding the collaboration server (issue 9, finding 5)', () => {
  it('8,000 nested maps, then a key added to each of them: refused before Yjs works on them', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.transact(() => {
      let map = doc.getMap('nest');
      for (let i = 0; i < 8000; i++) {
        const child = new Y.Map<unknown>();
        map.set('c', child);
        map = child;
      }
    });
    doc.transact(() => {
      let map = doc.getMap('nest');
      for (let i = 0; i < 8000; i++) {
        map = map.get('c') as Y.Map<unknown>;
        map.set('k', i);
      }
    });
    expect(updates[1]!.byteLength).toBeGreaterThan(80_000);
    const codes: number[] = [];
    const result = await measureDuring(async () => {
      for (const update of updates) {
        const socket = rawSocket(stage, 'flood-target');
        await opened(socket);
        socket.send(updateFrame(update));
        codes.push((await closed(socket, 10_000)).code);
      }
    });
    // Both are refused from the update's header (more items than one update may carry).
    expect(codes).toEqual([4413, 4413]);
    expectUnharmed(result, 'nested maps');
  }, 60_000); // building the attack (Yjs in this test's own doc) takes seconds

  it('50,000 single-character deletions in descending order: refused as malformed', async () => {
    const doc = new Y.Doc();
    doc.clientID = 424242;
    doc.getText('long').insert(0, 'x'.repeat(100_000));
    const setup = rawSocket(stage, 'flood-target');
    await opened(setup);
    setup.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    // The same delete set a Yjs encoder would write sorted, written here highest clock first.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, doc.clientID);
    encoding.writeVarUint(encoder, 50_000);
    for (let i = 0; i < 50_000; i++) {
      encoding.writeVarUint(encoder, 99_998 - 2 * i);
      encoding.writeVarUint(encoder, 1);
    }
    const descending = encoding.toUint8Array(encoder);
    expect(descending.byteLength).toBeGreaterThan(190_000);
    let code = 0;
    const result = await measureDuring(async () => {
      setup.send(updateFrame(descending));
      code = (await closed(setup, 10_000)).code;
    });
    expect(code).toBe(4400);
    expectUnharmed(result, 'descending deletions');
  });

  it('a burst of 10,000 ordinary updates from one designer: read at the connection\'s pace, the rest of the server unaffected', async () => {
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
    const text = doc.getText('burst');
    for (let i = 0; i < 10_000; i++) text.insert(text.length, String(i % 10));
    const watcher = stockClient(stage, 'flood-target');
    await watcher.synced;
    const socket = rawSocket(stage, 'flood-target');
    await opened(socket);
    const result = await measureDuring(async () => {
      // As fast as the socket takes them (in slices, so this test's own sending does not hold the loop).
      for (let i = 0; i < frames.length; i += 250) {
        for (const frame of frames.slice(i, i + 250)) socket.send(frame);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    expectUnharmed(result, '10,000-update burst');
    // The burst is honest work: it is applied, at the connection's budget, in order.
    const received = watcher.doc.getText('burst').length;
    expect(received).toBeGreaterThan(100);
    expect(watcher.doc.getText('burst').toString()).toBe(text.toString().slice(0, received));
    expect(socket.readyState).toBe(socket.OPEN);
  });
});
