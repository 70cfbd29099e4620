// Acknowledged answers survive a crash: the server is killed with SIGKILL while 10,000 submissions
// are being sent, and every submission it answered 201 is in the database exactly once, with its
// audit row, under the id it was acknowledged with.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverProcesses } from '../testing/server-process.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { HttpSession } from './http-client.js';

const SUBMISSIONS = 10_000;
const CONCURRENCY = 32;
const servers = serverProcesses();


const login = (url: string, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(url, account.email, account.password);
};

const PHQ9 = Object.fromEntries(Array.from({ length: 9 }, (_, item) => [`phq9_${item + 1}`, ['notAtAll', 'severalDays', 'moreThanHalf'][item % 3]!]));

describe('crash durability of responses', () => {
  let dir = '';
  afterEach(() => {
    servers.killAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged response exactly once after kill -9 during 10,000 submissions', async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloom-response-crash-'));
    const databaseFile = join(dir, 'careloom.sqlite');
    const server = await servers.start({ CARELOOM_DB: databaseFile });
    const admin = await login(server.url, 'care-admin');
    const unit = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((candidate) => candidate.name === 'Demo clinic')!;
    const deployment = (await admin.call('POST', `/api/care/units/${unit.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 })).body as { id: string };
    const therapist = await login(server.url, 'therapist');
    const enrolled = (await therapist.call('POST', `/api/care/units/${unit.id}/enrollments`, { deploymentId: deployment.id, patient: { name: 'Crash Patient', email: 'crash@example.org' } })).body as { enrollment: { id: string }; invitation: { code: string } };
    const patient = new HttpSession(server.url);
    const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'a crash test password' });
    patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
    const enrollmentId = enrolled.enrollment.id;
    const url = `${server.url}/api/me/enrollments/${enrollmentId}/responses`;
    const headers = { 'Content-Type': 'application/json', Cookie: patient.cookie, 'X-CSRF-Token': patient.csrfToken, Origin: server.url };

    // Kill the server at a moment nobody chose, once a first share of the answers is acknowledged.
    const killAfter = 300 + Math.floor(Math.random() * 700);
    const acknowledged = new Map<string, string>();
    let sent = 0;
    let failed = 0;
    let killed = false;
    const worker = async () => {
      while (sent < SUBMISSIONS) {
        sent += 1;
        const clientId = randomUUID();
        try {
          const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ formatVersion: 1, clientId, moduleId: 'phq-9', moduleVersion: 1, answers: PHQ9, completes: true, answeredAt: '2026-03-02T08:30:00.000Z' }) });
          const body = (await response.json()) as { id?: string };
          if (response.status === 201) acknowledged.set(clientId, body.id!);
          else throw new Error(`answered ${response.status}: ${JSON.stringify(body)}`);
        } catch (error) {
          // After the kill, connections are refused or cut; before it, nothing may fail.
          if (!killed) throw error;
          failed += 1;
        }
        if (!killed && acknowledged.size >= killAfter) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);
    expect(failed).toBeGreaterThan(0);
    await new Promise((done) => (server.child.exitCode !== null || server.child.signalCode !== null ? done(undefined) : server.child.once('exit', done)));

    // Read what the disk holds, as the next start would (SQLite recovers the WAL on open).
    const db = new Database(databaseFile);
    try {
      const rows = db.prepare('SELECT id, client_id FROM responses WHERE enrollment_id = ?').all(enrollmentId) as Array<{ id: string; client_id: string }>;
      const byClient = new Map<string, string[]>();
      for (const row of rows) byClient.set(row.client_id, [...(byClient.get(row.client_id) ?? []), row.id]);
      const lost = [...acknowledged].filter(([clientId, id]) => byClient.get(clientId)?.length !== 1 || byClient.get(clientId)![0] !== id);
      expect(lost).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size);
      // Stored but not acknowledged: at most the answers in flight when the process died.
      expect(rows.length - acknowledged.size).toBeLessThanOrEqual(CONCURRENCY * 64);
      const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'response.record' AND object_id IN (SELECT id FROM responses WHERE enrollment_id = ?)").get(enrollmentId) as { n: number };
      expect(audited.n).toBe(rows.length);
    } finally {
      db.close();
    }

    // The restarted server answers a retry of an acknowledged answer with the first result.
    const again = await servers.start({ CARELOOM_DB: databaseFile });
    const [clientId, id] = [...acknowledged][0]!;
    const retry = await fetch(`${again.url}/api/me/enrollments/${enrollmentId}/responses`, {
      method: 'POST',
      headers: { ...headers, Origin: again.url },
      body: JSON.stringify({ formatVersion: 1, clientId, moduleId: 'phq-9', moduleVersion: 1, answers: PHQ9, completes: true, answeredAt: '2026-03-02T08:30:00.000Z' }),
    });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { id: string }).id).toBe(id);
  }, 180_000);
});
