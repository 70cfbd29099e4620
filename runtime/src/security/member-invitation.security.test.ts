// Issue 9, finding 13: adding a member by e-mail attached any existing account of any organisation
// without its owner's consent, and answered 422 for unknown addresses, so a permissions admin could
// find out who has an account. Now a person is only ever invited: the admin's answer is the same
// whether or not the address has an account, the link goes only to that address (through the mail
// outbox and the SMTP relay), and nobody becomes a member until the person behind the address
// accepts — an existing account signed in with its own password, a new person by choosing a name
// and password. A link works once, until it expires, and only for the account with the address it
// was sent to: the admin meant that address, so a forwarded or intercepted link must not make
// whoever is signed in a member.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { HttpSession } from '../integration/http-client.js';
import { startServer, type RunningServer } from '../server.js';
import { startSmtpServer, type Received } from '../testing/fake-smtp-server.js';
import { invitationTokenIn, mailBody, mailTo as mailsTo } from '../testing/invitation-mail.js';

const demo = (key: string) => DEMO_ACCOUNTS.find((account) => account.email === `${key}@demo.careloom.test`)!;
const OUTSIDER = demo('therapist'); // an account of another organisation (the demo care provider)
const UNKNOWN = 'nobody.yet@example.org';

describe('finding 13: adding a member needs the consent of the person behind the address', () => {
  let dir: string;
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const clock = createTestClock(new Date());
  let admin: HttpSession;
  let organisationId: string;

  const mailTo = (address: string, count = 1) => mailsTo(smtp.received, address, count);
  const tokenIn = (mail: Received) => invitationTokenIn(mailBody(mail));
  const members = async () => ((await admin.call('GET', `/api/organisations/${organisationId}/members`)).body as { members: Array<{ person: { email: string }; roles: string[] }> }).members;
  const isMember = async (email: string) => (await members()).some((member) => member.person.email.toLowerCase() === email.toLowerCase());
  const invite = (email: string, roles: string[] = ['designer']) => admin.call('POST', `/api/organisations/${organisationId}/invitations`, { email, roles });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloom-member-invitation-'));
    smtp = await startSmtpServer();
    server = await startServer({
      config: loadConfig({ CARELOOM_DB: join(dir, 'careloom.sqlite'), CARELOOM_PORT: '0', CARELOOM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, CARELOOM_MAIL_FROM: 'Careloom <noreply@careloom.test>' }),
      clock,
      seedDemoAccounts: true,
      shutdownGraceMs: 100,
    });
    admin = await HttpSession.login(server.url, demo('permissions-admin').email, demo('permissions-admin').password);
    organisationId = admin.organisationIds[0]!;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => smtp?.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers alike for an account of another organisation and an unknown address, and adds neither', async () => {
    const existing = await invite(OUTSIDER.email);
    const unknown = await invite(UNKNOWN);
    const comparable = (response: Awaited<ReturnType<typeof invite>>) => ({
      status: response.status,
      contentType: response.headers.get('content-type'),
      headers: [...response.headers.keys()].filter((name) => !['date', 'x-request-id', 'content-length'].includes(name)).sort(),
      body: { ...(response.body as Record<string, unknown>), id: typeof (response.body as { id: unknown }).id, email: typeof (response.body as { email: unknown }).email },
    });
    expect(existing.status).toBe(201);
    expect(comparable(existing)).toEqual(comparable(unknown));
    expect(await isMember(OUTSIDER.email)).toBe(false);
    expect(await isMember(UNKNOWN)).toBe(false);

    // The e-mails read the same too (apart from the link's secret).
    const [toOutsider] = await mailTo(OUTSIDER.email);
    const [toUnknown] = await mailTo(UNKNOWN);
    expect(mailBody(toOutsider!).replace(tokenIn(toOutsider!), 'TOKEN')).toBe(mailBody(toUnknown!).replace(tokenIn(toUnknown!), 'TOKEN'));

    // The links live only in the e-mails: the database has the tokens' hashes, and its stored
    // mail has a placeholder where the token went.
    const db = new Database(join(dir, 'careloom.sqlite'), { readonly: true });
    try {
      const stored = JSON.stringify([db.prepare('SELECT * FROM mail_outbox').all(), db.prepare('SELECT * FROM member_invitations').all(), db.prepare('SELECT * FROM audit_log').all()]);
      for (const mail of [toOutsider!, toUnknown!]) expect(stored).not.toContain(tokenIn(mail));
    } finally {
      db.close();
    }

    // The outsider's own view is unchanged.
    const outsider = await HttpSession.login(server.url, OUTSIDER.email, OUTSIDER.password);
    expect(outsider.organisationIds).not.toContain(organisationId);
  });

  it('lets only the addressee accept, signed in with their own password; a wrong, used or expired link fails', async () => {
    const token = tokenIn((await mailTo(OUTSIDER.email))[0]!);
    const anonymous = new HttpSession(server.url);

    // Wrong links.
    expect((await anonymous.call('POST', '/api/public/member-invitations/preview', { token: `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}` })).status).toBe(404);
    expect((await anonymous.call('POST', '/api/public/member-invitations/preview', { token: 'x' })).status).toBe(404);

    // Holding the link is not enough: someone signed in with another address is refused.
    const other = await HttpSession.login(server.url, demo('care-admin').email, demo('care-admin').password);
    const refused = await other.call('POST', '/api/member-invitations/accept', { token });
    expect(refused.status).toBe(403);
    expect(await isMember(demo('care-admin').email)).toBe(false);
    // Nor does it set the password of the account behind the address.
    const takeover = await anonymous.call('POST', '/api/public/member-invitations/join', { token, name: 'Mallory', password: 'mallory chose this' });
    expect(takeover.status).toBe(409);
    expect(takeover.headers.get('set-cookie')).toBeNull();
    await expect(HttpSession.login(server.url, OUTSIDER.email, 'mallory chose this')).rejects.toThrow(/401/);
    expect(await isMember(OUTSIDER.email)).toBe(false);

    // The addressee signs in with their own password and accepts: now, and only now, a member.
    const outsider = await HttpSession.login(server.url, OUTSIDER.email, OUTSIDER.password);
    const preview = await outsider.call('POST', '/api/public/member-invitations/preview', { token });
    expect(preview.body).toMatchObject({ organisation: { name: 'Careloom Demo Publishing' }, roles: ['designer'] });
    const accepted = await outsider.call('POST', '/api/member-invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect((await members()).find((member) => member.person.email === OUTSIDER.email)?.roles).toEqual(['designer']);
    expect((await outsider.call('GET', '/api/auth/me')).body).toMatchObject({ memberships: expect.arrayContaining([expect.objectContaining({ organisationId, role: 'designer' })]) });

    // Used: once only.
    expect((await outsider.call('POST', '/api/member-invitations/accept', { token })).status).toBe(404);
    expect((await anonymous.call('POST', '/api/public/member-invitations/join', { token, name: 'Again', password: 'another long password' })).status).toBe(404);

    // Expired: a week later the unknown address's link no longer works.
    const expiredToken = tokenIn((await mailTo(UNKNOWN))[0]!);
    clock.advance(7 * 24 * 3600_000 + 1000);
    const late = await anonymous.call('POST', '/api/public/member-invitations/join', { token: expiredToken, name: 'Nobody Yet', password: 'a long new password' });
    expect(late.status).toBe(404);
    admin = await HttpSession.login(server.url, demo('permissions-admin').email, demo('permissions-admin').password);
    expect(await isMember(UNKNOWN)).toBe(false);
    await expect(HttpSession.login(server.url, UNKNOWN, 'a long new password')).rejects.toThrow(/401/);
  });

  it('lets a new person follow a resent link, choose name and password, and join with the invited roles', async () => {
    const open = (await admin.call('GET', `/api/organisations/${organisationId}/invitations`)).body as { invitations: Array<{ id: string; email: string; expired: boolean }> };
    const expired = open.invitations.find((invitation) => invitation.email === UNKNOWN)!;
    expect(expired.expired).toBe(true);
    expect((await admin.call('POST', `/api/organisations/${organisationId}/invitations/${expired.id}/resend`)).status).toBe(200);
    const token = tokenIn((await mailTo(UNKNOWN, 2))[1]!);
    const newcomer = new HttpSession(server.url);
    const joined = await newcomer.call('POST', '/api/public/member-invitations/join', { token, name: 'Nobody Yet', password: 'a long new password' });
    expect(joined.status).toBe(200);
    expect((await members()).find((member) => member.person.email === UNKNOWN)?.roles).toEqual(['designer']);
    await expect(HttpSession.login(server.url, UNKNOWN, 'a long new password')).resolves.toBeDefined();
  });
});
