// Issue 9, finding 5: small crafted updates froze the whole server. An 88 KB update adding a key to
// each of 8,000 nested maps held the event loop 5–13 s, 50,000 single-character deletions listed
// in descending order 5–18 s, and a burst of 10,000 ordinary updates from one designer stalled
// /health for 2–5 s. Now each update is bounded before Yjs applies it (depth, items, deleted ranges
// in order, document size), each connection has a budget of messages and items per second, and all
// Yjs work (decoding, checking, applying, answering sync) runs in worker threads, so the HTTP event
// loop only moves bytes. Each attack below comes from a separate process (so its own Yjs work is
// not measured) against a real server, while /health is polled back to back, the server's
// event-loop delay recorded, and another draft edited every 100 ms and timed at another client.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../collab/collab-test-harness.js';
import { createDraft, startStage, stockClient, titleText, type Stage } from './collab-attack-kit.js';

/** The goal: /health p99 and event-loop p99 while one client misbehaves. */
const P99_MS = 50;
/** No single stall beyond this. */
const MAX_STALL_MS = 250;
/** How long each attack is measured. */
const WINDOW_MS = 3000;

let stage: Stage;
beforeAll(async () => {
  // The attacks are refused again and again on purpose: the limit on refusals per person has its own test.
  stage = await startStage({ collab: { refusals: { maxRefusals: 1000 } } });
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

interface AttackReport {
  codes: number[];
  open: boolean;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Starts collab-attacker.ts in its own process; resolves once its attack is built. */
async function attacker(attack: string, extra: Record<string, unknown> = {}): Promise<{ go(): void; report(): Promise<AttackReport> }> {
  const order = { url: stage.server.url, cookie: stage.designer.cookie, origin: new URL(stage.server.url).origin, room: 'flood-target', attack, ...extra };
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./collab-attacker.ts', import.meta.url).pathname, JSON.stringify(order)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.value !== 'ready') throw new Error(`attacker did not start: ${String(first.value)}`);
  return {
    go: () => void child.stdin.write('go\n'),
    async report() {
      child.stdin.write('report\n');
      const line = await lines.next();
      return JSON.parse(String(line.value)) as AttackReport;
    },
  };
}

/**
 * Runs `attack` while polling /health back to back, recording the event loop's delay and editing
 * a second draft every 100 ms (its arrival at a second client is timed).
 */
async function measureDuring(attack: () => void): Promise<Measurement> {
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
  // Warm-up: connections, JIT and the workers' first documents are not what is measured.
  for (let i = 0; i < 20; i++) await (await fetch(`${stage.server.url}/health`)).arrayBuffer();

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
  attack();
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  loop.disable();
  running = false;
  clearInterval(edits);
  await poll;
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

function unharmed(result: Measurement): boolean {
  return (
    result.healthCount > 100 &&
    result.healthP99 < P99_MS &&
    result.loopP99 < P99_MS &&
    result.healthMax < MAX_STALL_MS &&
    result.loopMax < MAX_STALL_MS &&
    result.bystanderLatencies.length >= 20 &&
    percentile(result.bystanderLatencies, 99) < 1000
  );
}

function describeResult(label: string, result: Measurement): string {
  return `${label}: /health p99 ${result.healthP99.toFixed(1)} ms (max ${result.healthMax.toFixed(1)}, n=${result.healthCount}); event loop p99 ${result.loopP99.toFixed(1)} ms (max ${result.loopMax.toFixed(1)}); bystander p99 ${percentile(result.bystanderLatencies, 99).toFixed(1)} ms (n=${result.bystanderLatencies.length})`;
}

/**
 * Measures one attack; on a shared, noisy machine a run can be slowed by something else, so a
 * miss is measured once more with a fresh attacker. The bounds are never loosened.
 */
async function attackAndMeasure(label: string, start: (attempt: number) => Promise<{ go(): void; report(): Promise<AttackReport> }>): Promise<AttackReport[]> {
  const reports: AttackReport[] = [];
  let result: Measurement | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const attack = await start(attempt);
    result = await measureDuring(() => attack.go());
    reports.push(await attack.report());
    console.info(describeResult(`${label} (attempt ${attempt})`, result));
    if (unharmed(result)) break;
  }
  const final = result as Measurement;
  expect(final.healthCount).toBeGreaterThan(100);
  expect(final.healthP99).toBeLessThan(P99_MS);
  expect(final.loopP99).toBeLessThan(P99_MS);
  expect(final.healthMax).toBeLessThan(MAX_STALL_MS);
  expect(final.loopMax).toBeLessThan(MAX_STALL_MS);
  expect(final.bystanderLatencies.length).toBeGreaterThanOrEqual(20);
  expect(percentile(final.bystanderLatencies, 99)).toBeLessThan(1000);
  return reports;
}

describe('one client flooding the collaboration server (issue 9, finding 5)', () => {
  it('8,000 nested maps, then a key added to each of them: refused before Yjs works on them, HTTP unaffected', async () => {
    const reports = await attackAndMeasure('nested maps', () => attacker('nested-maps'));
    // Both updates are refused from their header (more items than one update may carry).
    for (const report of reports) expect(report.codes).toEqual([4413, 4413]);
  }, 90_000); // building the attack takes the attacker process seconds

  it('50,000 single-character deletions in descending order: refused as malformed, HTTP unaffected', async () => {
    const reports = await attackAndMeasure('descending deletions', () => attacker('descending-deletions'));
    for (const report of reports) expect(report.codes).toEqual([4400]);
  }, 60_000);

  it("a burst of 10,000 ordinary updates from one designer: read at the connection's pace, HTTP and other drafts unaffected", async () => {
    const watcher = stockClient(stage, 'flood-target');
    await watcher.synced;
    let name = '';
    const reports = await attackAndMeasure('10,000-update burst', (attempt) => attacker('burst', { text: (name = `burst-${attempt}`) }));
    // The burst is honest work: it is applied, at the connection's budget, in order, and the
    // connection stays open.
    expect(reports.at(-1)?.open).toBe(true);
    const received = watcher.doc.getText(name).toString();
    expect(received.length).toBeGreaterThan(100);
    expect(received).toBe('0123456789'.repeat(1000).slice(0, received.length));
  }, 60_000);
});
