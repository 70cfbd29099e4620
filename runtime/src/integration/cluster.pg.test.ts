// Several Careloom processes on one PostgreSQL database, behind a round-robin load balancer written
// for the test (testing/round-robin-proxy.ts): patients answer, designers co-edit a draft from
// different processes, a role change closes a live connection held by another process, therapists
// acknowledge alerts raised elsewhere, and one process is killed with SIGKILL during a flood of
// submissions: every acknowledged response is stored exactly once. Runs under `npm run test:pg`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getPagesArray } from '@careloom/format/ydoc';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { testDatabaseUrl, withSearchPath } from '../storage/postgres/test-postgres.js';
import { freePort, startRoundRobinProxy, type RoundRobinProxy } from '../testing/round-robin-proxy.js';
import { HttpSession } from './http-client.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** How many submissions the kill -9 part sends (CARELOOM_CLUSTER_SUBMISSIONS to change it while working on it). */
const SUBMISSIONS = Number(process.env.CARELOOM_CLUSTER_SUBMISSIONS ?? 10_000);
const CONCURRENCY = 32;
/** Patients answering at once in the flood (one enrollment each, as in a clinic; not one row every request waits for). */
const PATIENTS = 8;
const ANSWERED_AT = '2026-03-02T08:30:00.000Z';
const PROCESSES = 3;
const MAIL_KEY = Buffer.alloc(32, 9).toString('base64');

const pageTitle = (doc: Y.Doc): Y.Text => ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en') as Y.Text;
const PHQ9 = (item9: string) => Object.fromEntries(Array.from({ length: 9 }, (_, item) => [`phq9_${item + 1}`, item === 8 ? item9 : 'notAtAll']));

describe('three Careloom processes on one PostgreSQL database', () => {
  const schema = `cluster_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withSearchPath(testDatabaseUrl(), schema);
  const children: ChildProcess[] = [];
  const providers: WebsocketProvider[] = [];
  let ports: number[] = [];
  let proxy: RoundRobinProxy;
  let db: pg.Pool;

  function startProcess(index: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, CARELOOM_DATABASE_URL: databaseUrl, CARELOOM_MAIL_KEY: MAIL_KEY, CARELOOM_PORT: String(ports[index]), CARELOOM_PUBLIC_URL: proxy.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children[index] = child;
    let output = '';
    return new Promise((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`Process ${index} did not start:\n${output}`)), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Careloom is running at/.test(output)) {
          clearTimeout(timer);
          // Later output (a log line per request) is read and dropped: kept and searched, it would
          // cost this process, which also runs the proxy and the clients, more than the servers.
          child.stdout!.off('data', onData);
          child.stderr!.off('data', onData);
          child.stdout!.on('data', () => undefined);
          child.stderr!.on('data', () => undefined);
          resolveStart(child);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => reject(new Error(`Process ${index} exited (${code ?? signal}):\n${output}`)));
    });
  }

  const login = (key: string) => {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
    return HttpSession.login(proxy.url, account.email, account.password);
  };

  /** A live-draft editor through the proxy; `backend` is the process the proxy gave its connection to. */
  const edit = async (session: HttpSession, room: string) => {
    const doc = new Y.Doc();
    const before = proxy.upgrades.length;
    const provider = new WebsocketProvider(`${proxy.url.replace('http', 'ws')}/collab`, room, doc, { WebSocketPolyfill: session.webSocketClass() as never, disableBc: true, maxBackoffTime: 10_000 });
    providers.push(provider);
    await new Promise<void>((resolveSync) => provider.once('sync', () => resolveSync()));
    return { doc, provider, backend: proxy.upgrades[before]! };
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
    proxy = await startRoundRobinProxy(ports);
    // The first process migrates and seeds the demo; the others start together on what it made
    // (several starting at once would migrate once too: the migrations take an advisory lock).
    await startProcess(0);
    await Promise.all([startProcess(1), startProcess(2)]);
  }, 240_000);

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    for (const child of children) child?.kill('SIGKILL');
    await proxy?.close();
    await db?.end();
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('relays a designer\'s edit to an editor on another process, and closes a revoked person\'s connection there within a second', async () => {
    const designer = await login('designer');
    const organisationId = designer.organisationIds[0]!;
    expect((await designer.call('POST', '/api/modules', { organisationId, id: 'cluster-draft', example: 'panic-week-1' })).status).toBe(201);
    const a = await edit(designer, 'cluster-draft');
    const b = await edit(await login('designer'), 'cluster-draft');
    expect(a.backend).not.toBe(b.backend);

    // Round trips from one process to the other, each way: stored by one, read from the table by the other.
    const delays: number[] = [];
    for (let round = 0; round < 20; round++) {
      const [from, to] = round % 2 === 0 ? [a, b] : [b, a];
      const marker = `·${round}`;
      const seen = new Promise<void>((resolveSeen) => {
        const check = () => {
          if (pageTitle(to.doc).toString().includes(marker)) {
            to.doc.off('update', check);
            resolveSeen();
          }
        };
        to.doc.on('update', check);
      });
      const started = performance.now();
      pageTitle(from.doc).insert(pageTitle(from.doc).length, marker);
      await seen;
      delays.push(performance.now() - started);
    }
    delays.sort((x, y) => x - y);
    const median = delays[Math.floor(delays.length / 2)]!;
    console.info(`cluster: an edit reached an editor on another process in ${median.toFixed(1)} ms (median of 20), ${delays.at(-1)!.toFixed(1)} ms at most`);
    // The aim is 100 ms (met on a quiet machine); the bound here only catches a path that waits for
    // something (a poll, the 30 s re-check) rather than the notification, without failing on a busy CI host.
    expect(median).toBeLessThan(500);
    const draft = await designer.call('GET', '/api/modules/cluster-draft/draft');
    expect((draft.body as { content: { pages: Array<{ title: { en: string } }> } }).content.pages[0]!.title.en).toContain('·19');

    // Role revocation: the tester becomes a designer, edits, and loses the role in a request that
    // another process answers; the connection is closed within a second all the same.
    const permissions = await login('permissions-admin');
    const tester = await login('tester');
    expect((await permissions.call('PUT', `/api/organisations/${organisationId}/members/${tester.personId}/roles`, { roles: ['tester', 'designer'] })).status).toBe(200);
    const live = await edit(tester, 'cluster-draft');
    const closed = new Promise<{ code: number; at: number }>((resolveClose) => live.provider.on('connection-close', (event: { code: number } | null) => resolveClose({ code: event?.code ?? 0, at: performance.now() })));
    const other = (live.backend + 1) % PROCESSES;
    const revokedAt = performance.now();
    const headers = { 'x-cluster-backend': String(other), Origin: proxy.url, Cookie: permissions.cookie, 'X-CSRF-Token': permissions.csrfToken, 'Content-Type': 'application/json' };
    const revoked = await fetch(`${proxy.url}/api/organisations/${organisationId}/members/${tester.personId}/roles`, { method: 'PUT', headers, body: JSON.stringify({ roles: ['tester'] }) });
    expect(revoked.status).toBe(200);
    const { code, at } = await closed;
    console.info(`cluster: a role change answered by process ${other} closed the connection on process ${live.backend} after ${(at - revokedAt).toFixed(0)} ms`);
    expect([4403, 4423]).toContain(code);
    expect(at - revokedAt).toBeLessThan(1000);
  }, 120_000);

  it('lets a therapist acknowledge, through any process, an alert raised by another', async () => {
    const careAdmin = await login('care-admin');
    const unit = ((await careAdmin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
    const deployment = (await careAdmin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
    const therapist = await login('therapist');
    const enrollPatient = async (index: number) => {
      const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: `Cluster Patient ${index}`, email: `cluster${index}@example.org` } })).body as { enrollment: { id: string }; invitation: { code: string } };
      const patient = new HttpSession(proxy.url);
      const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'a cluster test password' });
      expect(redeemed.status).toBe(200);
      patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
      return { patient, enrollmentId: enrolled.enrollment.id };
    };
    const { patient, enrollmentId } = await enrollPatient(0);

    const answered = await patient.call('POST', `/api/me/enrollments/${enrollmentId}/responses`, { formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: PHQ9('moreThanHalf'), completes: true, answeredAt: new Date().toISOString() });
    expect(answered.status).toBe(201);
    const alerts = (await therapist.call('GET', `/api/care/units/${unit.id}/alerts`)).body as { alerts: Array<{ id: string; kind: string }> };
    expect(alerts.alerts.map((alert) => alert.kind)).toEqual(['item']);
    const alertId = alerts.alerts[0]!.id;
    // Two processes acknowledge the same alert at once: one wins, the other is told it is done.
    const both = await Promise.all([0, 1].map((backend) =>
      fetch(`${proxy.url}/api/care/alerts/${alertId}/acknowledge`, { method: 'POST', headers: { 'x-cluster-backend': String(backend), Origin: proxy.url, Cookie: therapist.cookie, 'X-CSRF-Token': therapist.csrfToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ action: { kind: 'risk_assessed' } }) }),
    ));
    expect(both.map((response) => response.status).filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    for (let backend = 0; backend < PROCESSES; backend++) {
      const seen = await fetch(`${proxy.url}/api/care/units/${unit.id}/alerts?status=acknowledged`, { headers: { 'x-cluster-backend': String(backend), Origin: proxy.url, Cookie: therapist.cookie } });
      expect(((await seen.json()) as { alerts: Array<{ id: string }> }).alerts.map((alert) => alert.id)).toEqual([alertId]);
    }
    const acknowledgements = await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'alert.acknowledge' AND object_id = $1", [alertId]);
    expect(acknowledgements.rows[0].n).toBe(1);

    // The flood: SUBMISSIONS answers spread over the processes; one of them dies by SIGKILL at a
    // moment nobody chose. The balancer sends new requests to the others; answers in flight to the
    // dead one fail and were never acknowledged.
    const patients = [{ patient, enrollmentId }, ...(await Promise.all(Array.from({ length: PATIENTS - 1 }, (_, index) => enrollPatient(index + 1))))].map((entry) => ({
      url: `${proxy.url}/api/me/enrollments/${entry.enrollmentId}/responses`,
      headers: { 'Content-Type': 'application/json', Cookie: entry.patient.cookie, 'X-CSRF-Token': entry.patient.csrfToken, Origin: proxy.url },
    }));
    const enrollmentIds = [enrollmentId, ...patients.slice(1).map((entry) => entry.url.split('/').at(-2)!)];
    const body = (clientId: string) => JSON.stringify({ formatVersion: 1, clientId, moduleId: 'phq-9', moduleVersion: 1, answers: PHQ9('notAtAll'), completes: true, answeredAt: ANSWERED_AT });
    const killAfter = Math.min(SUBMISSIONS / 4, 300 + Math.floor(Math.random() * 700));
    const victim = 1 + Math.floor(Math.random() * (PROCESSES - 1));
    const acknowledged = new Map<string, string>();
    const clientsOf = new Map<string, number>();
    let sent = 0;
    let failed = 0;
    let killed = false;
    const worker = async (workerIndex: number) => {
      const { url, headers } = patients[workerIndex % PATIENTS]!;
      while (sent < SUBMISSIONS) {
        sent += 1;
        const clientId = randomUUID();
        clientsOf.set(clientId, workerIndex % PATIENTS);
        try {
          const response = await fetch(url, { method: 'POST', headers, body: body(clientId) });
          const text = await response.text();
          if (response.status === 201) acknowledged.set(clientId, (JSON.parse(text) as { id: string }).id);
          else if (killed && response.status === 502) failed += 1;
          else throw new Error(`answered ${response.status}: ${text}`);
        } catch (error) {
          if (!killed) throw error;
          failed += 1;
        }
        if (!killed && acknowledged.size >= killAfter) {
          killed = true;
          children[victim]!.kill('SIGKILL');
        }
      }
    };
    const floodStarted = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index)));
    console.info(`cluster: ${SUBMISSIONS} submissions in ${((performance.now() - floodStarted) / 1000).toFixed(1)} s, ${acknowledged.size} acknowledged, ${failed} cut by the kill of process ${victim}; requests per process ${proxy.served.join('/')}`);
    expect(killed).toBe(true);
    expect(acknowledged.size + failed).toBe(SUBMISSIONS);
    // The survivors took the rest.
    expect(acknowledged.size).toBeGreaterThan(SUBMISSIONS - CONCURRENCY * 4);

    const rows = (await db.query<{ id: string; client_id: string }>('SELECT id, client_id FROM responses WHERE enrollment_id = ANY($1)', [enrollmentIds])).rows;
    const byClient = new Map<string, string[]>();
    for (const row of rows) byClient.set(row.client_id, [...(byClient.get(row.client_id) ?? []), row.id]);
    const lost = [...acknowledged].filter(([clientId, id]) => byClient.get(clientId)?.length !== 1 || byClient.get(clientId)![0] !== id);
    expect(lost).toEqual([]);
    // Stored but never acknowledged: at most the answers in flight when the process died (plus the first one).
    expect(rows.length - acknowledged.size - 1).toBeLessThanOrEqual(CONCURRENCY);
    const audited = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'response.record' AND object_id IN (SELECT id FROM responses WHERE enrollment_id = ANY($1))", [enrollmentIds]);
    expect(audited.rows[0]!.n).toBe(rows.length);

    // A retry of an acknowledged answer, on a surviving process, returns the first result.
    const [clientId, id] = [...acknowledged][0]!;
    const { url, headers } = patients[clientsOf.get(clientId)!]!;
    const retry = await fetch(url, { method: 'POST', headers, body: body(clientId) });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { id: string }).id).toBe(id);
  }, 600_000);
});
