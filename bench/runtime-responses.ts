// Responses recorded durably per second and their latency at a steady concurrency, on loopback:
// Careloom (session, CSRF, answer checks, scoring, one WAL + synchronous=FULL transaction with the
// audit row) beside a bare Hono JSON endpoint (Node's fetch keeps connections alive) and beside raw better-sqlite3 inserts of comparable
// rows; and module delivery with and without ETag revalidation.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSession } from '@careloom/server/http-client';
import { DEMO_ACCOUNTS } from '@careloom/server/demo-accounts';
import { percentile, startProcess, stop } from './processes.js';

export interface LoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export interface RuntimeResponsesResult {
  concurrency: number;
  careloom: LoadResult;
  bareHono: LoadResult;
  rawSqlite: LoadResult;
  moduleFull: LoadResult;
  moduleRevalidated: LoadResult;
}

const CONCURRENCY = 16;
const DURATION_MS = 3000;

/** Runs `send` from `concurrency` workers for `durationMs`; every call must succeed. */
async function load(send: () => Promise<void>, concurrency = CONCURRENCY, durationMs = DURATION_MS): Promise<LoadResult> {
  for (let warm = 0; warm < 20; warm += 1) await send();
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const at = performance.now();
      await send();
      latencies.push(performance.now() - at);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), requests: latencies.length };
}

function phq9(): Record<string, string> {
  const options = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'];
  const answers: Record<string, string> = {};
  for (let item = 1; item <= 9; item += 1) answers[`phq9_${item}`] = options[(item * 7) % 3]!;
  return answers;
}

async function careloom(dir: string): Promise<Pick<RuntimeResponsesResult, 'careloom' | 'moduleFull' | 'moduleRevalidated'>> {
  const { child, url } = await startProcess('runtime/src/main.ts', /Careloom is running at (http:\/\/\S+)/, { CARELOOM_DB: join(dir, 'careloom.sqlite'), CARELOOM_PORT: '0' });
  try {
    const account = (key: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
    const admin = await HttpSession.login(url, account('care-admin').email, account('care-admin').password);
    const unit = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
    const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
    const therapist = await HttpSession.login(url, account('therapist').email, account('therapist').password);
    const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: 'Bench Patient', email: 'bench@example.org' } })).body as { enrollment: { id: string }; invitation: { code: string } };
    const patient = new HttpSession(url);
    const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'a benchmark password' });
    patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
    const path = `/api/me/enrollments/${enrolled.enrollment.id}/responses`;
    const answers = phq9();
    const result = await load(async () => {
      const response = await patient.call('POST', path, { formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers, completes: true, answeredAt: new Date().toISOString() });
      if (response.status !== 201) throw new Error(`POST responses answered ${response.status}`);
    });
    const modulePath = `${url}/api/me/module-versions/panic-week-1/1`;
    const headers = { Cookie: patient.cookie };
    const first = await fetch(modulePath, { headers });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const moduleFull = await load(async () => {
      const response = await fetch(modulePath, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`module answered ${response.status}`);
    });
    const moduleRevalidated = await load(async () => {
      const response = await fetch(modulePath, { headers: { ...headers, 'If-None-Match': etag } });
      await response.arrayBuffer();
      if (response.status !== 304) throw new Error(`revalidation answered ${response.status}`);
    });
    return { careloom: result, moduleFull, moduleRevalidated };
  } finally {
    await stop(child);
  }
}

async function bareHono(): Promise<LoadResult> {
  const { child, url } = await startProcess('bench/bare-hono-server.ts', /Bare Hono listening at (http:\/\/\S+)/);
  try {
    const answers = phq9();
    return await load(async () => {
      const response = await fetch(`${url}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers, completes: true, answeredAt: new Date().toISOString() }) });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`bare Hono answered ${response.status}`);
    });
  } finally {
    await stop(child);
  }
}

/** One row per transaction, like Careloom's response plus its audit row, in WAL with synchronous=FULL. */
function rawSqlite(dir: string): LoadResult {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE responses (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, enrollment_id TEXT NOT NULL, client_id TEXT NOT NULL, answers TEXT NOT NULL, scores TEXT NOT NULL, received_at TEXT NOT NULL, UNIQUE (enrollment_id, client_id));
           CREATE TABLE audit (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, action TEXT NOT NULL, details TEXT NOT NULL)`);
  const insert = db.prepare('INSERT INTO responses (id, enrollment_id, client_id, answers, scores, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const audit = db.prepare('INSERT INTO audit (id, action, details) VALUES (?, ?, ?)');
  const write = db.transaction((answers: string) => {
    insert.run(randomUUID(), 'enrollment-1', randomUUID(), answers, '[{"instrumentId":"phq9","total":9}]', new Date().toISOString());
    audit.run(randomUUID(), 'response.record', '{"moduleId":"phq-9"}');
  });
  const answers = JSON.stringify(phq9());
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  const started = performance.now();
  while (performance.now() < end) {
    const at = performance.now();
    write(answers);
    latencies.push(performance.now() - at);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), requests: latencies.length };
}

/**
 * Measures all three side by side in one run (a noisy 2-core machine makes only ratios meaningful).
 *
 * @example
 * const result = await runtimeResponses();
 * result.careloom.perSecond / result.bareHono.perSecond;
 */
export async function runtimeResponses(): Promise<RuntimeResponsesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-bench-responses-'));
  try {
    const measured = await careloom(dir);
    return { concurrency: CONCURRENCY, ...measured, bareHono: await bareHono(), rawSqlite: rawSqlite(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
