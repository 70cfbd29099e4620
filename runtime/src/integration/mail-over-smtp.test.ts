// With CARELOOM_SMTP_URL the server e-mails through the relay: an enrollment's invitation arrives
// at the SMTP server (with the link and the code the therapist sees), and the development outbox is gone.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { startServer, type RunningServer } from '../server.js';
import { parseMessage, startSmtpServer } from '../testing/fake-smtp-server.js';
import { HttpSession } from './http-client.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

const login = (server: RunningServer, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

describe('e-mail through SMTP', () => {
  it('sends the invitation to the relay and has no development outbox', { timeout: 60_000 }, async () => {
    const smtp = await startSmtpServer();
    cleanup.push(() => new Promise((resolve) => smtp.server.close(resolve)));
    const config = loadConfig({ CARELOOM_DB: ':memory:', CARELOOM_PORT: '0', CARELOOM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, CARELOOM_MAIL_FROM: 'Careloom <noreply@careloom.test>' });
    const server = await startServer({ config, seedDemoAccounts: true });
    cleanup.push(() => server.close());

    const admin = await login(server, 'care-admin');
    expect((await admin.call('GET', '/api/dev/outbox')).status).toBe(404);
    const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
    const clinic = units.units.find((unit) => unit.name === 'Demo clinic')!;
    const deployment = await admin.call('POST', `/api/care/units/${clinic.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
    expect(deployment.status, JSON.stringify(deployment.body)).toBe(201);

    const therapist = await login(server, 'therapist');
    const enrolled = await therapist.call('POST', `/api/care/units/${clinic.id}/enrollments`, { deploymentId: (deployment.body as { id: string }).id, patient: { name: 'Petra Patient', email: 'petra@example.org' } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const { invitation } = enrolled.body as { invitation: { code: string; url: string } };

    const delivered = smtp.received.filter((mail) => mail.to.includes('petra@example.org'));
    expect(delivered).toHaveLength(1);
    const { headers, body } = parseMessage(delivered[0]!.data);
    expect(headers.from).toBe('Careloom <noreply@careloom.test>');
    expect(headers.subject).toBe('Your invitation from Demo clinic');
    expect(body).toContain(invitation.url);
    expect(body).toContain(invitation.code);
  });
});
