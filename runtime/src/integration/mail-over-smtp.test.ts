// With CARELOOM_SMTP_URL the server e-mails through the relay: an enrollment's invitation arrives
// at the SMTP server (with the link and the code the therapist sees), and the development outbox is
// gone. The mail is in the database first, so a relay outage neither slows the request nor loses
// the message across a restart. Runs on SQLite and, under `npm run test:pg`, on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { startServer, type RunningServer } from '../server.js';
import { parseMessage, startSmtpServer } from '../testing/fake-smtp-server.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { HttpSession } from './http-client.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

const login = (server: RunningServer, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * A server's settings with the test relay: on SQLite in memory (or in `db`), under `npm run test:pg`
 * in a PostgreSQL schema of its own (named after `db`, so a restart on the same `db` finds its data).
 */
const smtpEnv = async (port: number, db?: string) => ({
  ...(db === undefined && process.env.CARELOOM_TEST_STORE !== 'postgresql' ? { CARELOOM_DB: ':memory:' } : await testDatabaseEnv(db ?? `mail-${randomUUID()}.db`)),
  CARELOOM_PORT: '0',
  CARELOOM_SMTP_URL: `smtp://127.0.0.1:${port}`,
  CARELOOM_MAIL_FROM: 'Careloom <noreply@careloom.test>',
});

/** Deploys the panic program at the demo clinic and enrolls Petra; returns the response and its duration. */
async function enrollPetra(server: RunningServer) {
  const admin = await login(server, 'care-admin');
  const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
  const clinic = units.units.find((unit) => unit.name === 'Demo clinic')!;
  const deployment = await admin.call('POST', `/api/care/units/${clinic.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
  expect(deployment.status, JSON.stringify(deployment.body)).toBe(201);
  const therapist = await login(server, 'therapist');
  const started = Date.now();
  const enrolled = await therapist.call('POST', `/api/care/units/${clinic.id}/enrollments`, { deploymentId: (deployment.body as { id: string }).id, patient: { name: 'Petra Patient', email: 'petra@example.org' } });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  return { invitation: (enrolled.body as { invitation: { code: string; url: string } }).invitation, tookMs: Date.now() - started };
}

describe('e-mail through SMTP', () => {
  it('sends the invitation to the relay and has no development outbox', { timeout: 60_000 }, async () => {
    const smtp = await startSmtpServer();
    cleanup.push(() => new Promise((resolve) => smtp.server.close(resolve)));
    const server = await startServer({ config: loadConfig(await smtpEnv(smtp.port)), seedDemoAccounts: true });
    cleanup.push(() => server.close());

    const admin = await login(server, 'care-admin');
    expect((await admin.call('GET', '/api/dev/outbox')).status).toBe(404);
    const { invitation } = await enrollPetra(server);

    await waitFor(() => smtp.received.some((mail) => mail.to.includes('petra@example.org')));
    const delivered = smtp.received.filter((mail) => mail.to.includes('petra@example.org'));
    expect(delivered).toHaveLength(1);
    const { headers, body } = parseMessage(delivered[0]!.data);
    expect(headers.from).toBe('Careloom <noreply@careloom.test>');
    expect(headers.subject).toBe('Your invitation from Demo clinic');
    expect(body).toContain(invitation.url);
    expect(body).toContain(invitation.code);
  });

  it('keeps an invitation the relay could not take across a restart, and sends it once after', { timeout: 60_000 }, async () => {
    let relayUp = false;
    let refused = 0;
    const smtp = await startSmtpServer({ MAIL: () => (relayUp ? '250 2.1.0 ok' : (refused++, '421 4.7.0 try again later')) });
    cleanup.push(() => new Promise((resolve) => smtp.server.close(resolve)));
    const dir = mkdtempSync(join(tmpdir(), 'careloom-mail-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const config = loadConfig(await smtpEnv(smtp.port, join(dir, 'careloom.db')));
    const clock = createTestClock(new Date());

    const first = await startServer({ config, clock, seedDemoAccounts: true });
    const { invitation } = await enrollPetra(first);
    await waitFor(() => refused === 1);
    await first.close();
    expect(smtp.received).toHaveLength(0);

    relayUp = true;
    clock.advance(2 * 60_000); // past the first retry (1 minute), as if the server had been down meanwhile
    const second = await startServer({ config, clock, seedDemoAccounts: true });
    cleanup.push(() => second.close());
    await waitFor(() => smtp.received.length === 1);
    expect(parseMessage(smtp.received[0]!.data).body).toContain(invitation.code);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(1);
  });

  it('answers the enrollment at once while the relay hangs', { timeout: 60_000 }, async () => {
    // Accepts connections and never greets: nodemailer would wait its 30-second greeting timeout.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const server = await startServer({ config: loadConfig(await smtpEnv((silent.address() as AddressInfo).port)), seedDemoAccounts: true });
    cleanup.push(() => server.close());
    cleanup.push(() => new Promise((resolve) => silent.close(resolve)));

    const { tookMs } = await enrollPetra(server);
    expect(tookMs).toBeLessThan(5000);
    await waitFor(() => sockets.length > 0);
    for (const socket of sockets) socket.destroy();
  });
});
