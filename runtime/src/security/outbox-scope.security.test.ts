// Issue 9, finding 2: the development outbox (GET /api/dev/outbox) handed every provider's live
// invitation codes to every care-provider admin, existed on any server without SMTP, and the stored
// mail kept the codes in clear. Now an admin sees only their own organisations' mail, the outbox
// exists only in demo mode, and no mail_outbox row holds a live code in clear (sealed under a key
// outside the database, erased once sent).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAdminCreate } from '../cli/admin-create-command.js';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { eventually, HttpSession } from '../integration/http-client.js';
import { tempServers } from '../testing/temp-servers.js';
import { startServer, type RunningServer } from '../server.js';
import { parseMessage, startSmtpServer, type Received } from '../testing/fake-smtp-server.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const temp = tempServers('careloom-outbox-scope-');


const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/** Provider B and its care-provider admin, made the way an operator would: `npm run admin:create`. */
async function createProvider(file: string, email: string, organisation: string): Promise<void> {
  const code = await runAdminCreate(['--email', email, '--name', 'Bea Admin', '--organisation', organisation, '--kind', 'care_provider'], {
    stdin: Readable.from(['bea has a long password\n']), stdout: sink(), stderr: sink(), env: { CARELOOM_DB: file },
  });
  expect(code).toBe(0);
}

const demoLogin = (server: RunningServer, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

/** Demo provider A deploys the panic program and its therapist enrolls a patient; returns the invitation code the therapist was shown. */
async function enrollPatient(server: RunningServer, email: string): Promise<string> {
  const admin = await demoLogin(server, 'care-admin');
  const clinic = ((await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> }).units.find((unit) => unit.name === 'Demo clinic')!;
  const deployments = ((await admin.call('GET', `/api/care/units/${clinic.id}/deployments`)).body as { deployments?: Array<{ id: string; documentId: string; status: string }> }).deployments ?? [];
  let deploymentId = deployments.find((deployment) => deployment.documentId === 'panic-icbt-8-weeks' && deployment.status === 'active')?.id;
  if (!deploymentId) {
    const deployed = await admin.call('POST', `/api/care/units/${clinic.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    deploymentId = (deployed.body as { id: string }).id;
  }
  const therapist = await demoLogin(server, 'therapist');
  const enrolled = await therapist.call('POST', `/api/care/units/${clinic.id}/enrollments`, { deploymentId, patient: { name: 'Petra Patient', email } });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  return (enrolled.body as { invitation: { code: string } }).invitation.code;
}

/** The text of a delivered message, undoing quoted-printable soft line breaks and escapes. */
function deliveredText(mail: Received): string {
  const { body } = parseMessage(mail.data);
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Every variant of a code someone could search for: as shown, without the dash, lower case. */
const variants = (code: string) => [code, code.replace('-', ''), code.toLowerCase(), code.replace('-', '').toLowerCase()];

/** The raw mail_outbox rows of the SQLite file (read with better-sqlite3, as anyone with a copy of the file would). */
function outboxRows(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM mail_outbox').all());
  } finally {
    db.close();
  }
}

describe('the development outbox in demo mode', () => {
  let server: RunningServer;
  let file: string;
  let code: string;

  beforeAll(async () => {
    file = temp.databaseFile();
    server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: EXAMPLES }), seedDemoAccounts: true, shutdownGraceMs: 100 });
    temp.keep(server);
    await createProvider(file, 'bea.admin@provider-b.example.org', 'Provider B');
    code = await enrollPatient(server, 'petra.scope@example.org');
  }, 120_000);

  it('shows provider A its own invitation, with the code, and provider B none of it', async () => {
    const adminA = await demoLogin(server, 'care-admin');
    const mineA = await adminA.call('GET', '/api/dev/outbox');
    expect(mineA.status).toBe(200);
    const invitation = (mineA.body as { messages: Array<{ to: string; text: string }> }).messages.find((message) => message.to === 'petra.scope@example.org');
    expect(invitation?.text).toContain(code);
    expect(invitation?.text).toContain(`/#/invite/${code}`);

    const adminB = await HttpSession.login(server.url, 'bea.admin@provider-b.example.org', 'bea has a long password');
    const mineB = await adminB.call('GET', '/api/dev/outbox');
    expect(mineB.status).toBe(200);
    const text = JSON.stringify(mineB.body);
    expect(text).not.toContain('petra.scope@example.org');
    for (const variant of variants(code)) expect(text).not.toContain(variant);
    expect((mineB.body as { messages: unknown[] }).messages).toEqual([]);
  });

  it('refuses the outbox to a therapist and to someone not signed in', async () => {
    expect((await (await demoLogin(server, 'therapist')).call('GET', '/api/dev/outbox')).status).toBe(403);
    expect((await new HttpSession(server.url).call('GET', '/api/dev/outbox')).status).toBe(401);
  });

  it('keeps no live code in clear in the mail_outbox rows of the SQLite file, and the mail key outside it, readable by the owner only', () => {
    const rows = outboxRows(file);
    expect(rows).toContain('petra.scope@example.org');
    for (const variant of variants(code)) expect(rows).not.toContain(variant);
    const keyFile = `${file}.mail-key`;
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(rows).not.toContain(key);
  });

  it('still lets the patient redeem the code the therapist was shown', async () => {
    const redeemed = await new HttpSession(server.url).call('POST', '/api/public/invitations/redeem', { code, password: 'petra has a long password' });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
  });
});

describe('the development outbox outside demo mode', () => {
  it('does not exist: 404 for everyone, signed in or not', { timeout: 60_000 }, async () => {
    const file = temp.databaseFile();
    await createProvider(file, 'bea.admin@provider-b.example.org', 'Provider B');
    const server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_DEMO: 'off', CARELOOM_EXAMPLES_DIR: join(tmpdir(), 'careloom-no-examples') }), demo: false, shutdownGraceMs: 100 });
    temp.keep(server);
    const admin = await HttpSession.login(server.url, 'bea.admin@provider-b.example.org', 'bea has a long password');
    const answer = await admin.call('GET', '/api/dev/outbox');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect((await new HttpSession(server.url).call('GET', '/api/dev/outbox')).status).toBe(404);
  });
});

describe('mail sent over SMTP', () => {
  it('carries the code to the patient, then erases it from the stored row', { timeout: 120_000 }, async () => {
    const smtp = await startSmtpServer();
    try {
      const file = temp.databaseFile();
      const server = await startServer({
        config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: EXAMPLES, CARELOOM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, CARELOOM_MAIL_FROM: 'Careloom <noreply@careloom.test>' }),
        seedDemoAccounts: true,
        shutdownGraceMs: 100,
      });
      temp.keep(server);
      const code = await enrollPatient(server, 'sven.smtp@example.org');
      await eventually(() => smtp.received.some((mail) => mail.to.includes('sven.smtp@example.org')), 'the invitation to reach the relay', 10_000);
      expect(deliveredText(smtp.received.find((mail) => mail.to.includes('sven.smtp@example.org'))!)).toContain(code);
      await eventually(() => outboxRows(file).includes('"status":"sent"'), 'the invitation to be marked sent');
      const rows = outboxRows(file);
      expect(rows).toContain('"secret_sealed":null');
      for (const variant of variants(code)) expect(rows).not.toContain(variant);
    } finally {
      await new Promise((resolve) => smtp.server.close(resolve));
    }
  });
});
