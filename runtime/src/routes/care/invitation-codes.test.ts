import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const fresh = () => createCareTestApp({ from: seeded });
const PASSWORD = 'nina has a long password';

async function invite(t: CareTestApp, email = 'nina@example.org'): Promise<{ code: string; url: string; expiresAt: string }> {
  const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: ids.copdDeploymentId, patient: { name: 'Nina New', email } }), 201);
  return created['invitation'] as { code: string; url: string; expiresAt: string };
}

const redeem = (t: CareTestApp, code: string, ip = '198.51.100.7', password = PASSWORD) => t.call(undefined, 'POST', '/api/public/invitations/redeem', { code, password }, { 'x-test-ip': ip });

describe('invitation codes a patient can type', () => {
  it('are ten unambiguous characters grouped XXXXX-XXXXX, in the link, and stored only as a hash', async () => {
    const t = await fresh();
    const invitation = await invite(t);
    expect(invitation.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(invitation.url).toBe(`http://careloom.test/#/invite/${invitation.code}`);
    const stored = t.db.prepare('SELECT code_hash FROM invitations').all() as Array<{ code_hash: string }>;
    expect(stored.some((row) => /^[0-9a-f]{64}$/.test(row.code_hash))).toBe(true);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM invitations').all())).not.toContain(invitation.code.replace('-', ''));
  });

  it('are accepted in lower case and without the dash, once', async () => {
    const t = await fresh();
    const { code } = await invite(t);
    expect((await redeem(t, ` ${code.replace('-', '').toLowerCase()} `)).status).toBe(200);
    expect((await redeem(t, code)).status).toBe(404);
  });

  it('expire', async () => {
    const t = await fresh();
    const { code, expiresAt } = await invite(t);
    t.clock.set(expiresAt);
    const refused = await redeem(t, code);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ status: 404, detail: expect.stringContaining('unknown, already used or expired') });
  });

  it('limit wrong guesses per client IP (429 with Retry-After), not the right code from another address, and forget after the window', async () => {
    const t = await fresh();
    const { code } = await invite(t);
    for (let n = 0; n < 10; n += 1) expect((await redeem(t, n % 2 === 0 ? 'AAAAA-AAAAA' : 'not a code')).status).toBe(404);
    const limited = await redeem(t, code);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429 });
    expect((await redeem(t, code, '203.0.113.9', 'short')).status).toBe(422);
    t.clock.advance(15 * 60_000);
    expect((await redeem(t, code)).status).toBe(200);
  });

  it('do not count a right code with a rejected password as a guess', async () => {
    const t = await fresh();
    const { code } = await invite(t);
    for (let n = 0; n < 12; n += 1) expect((await redeem(t, code, '198.51.100.8', 'short')).status).toBe(422);
    expect((await redeem(t, code, '198.51.100.8')).status).toBe(200);
  });

  it('are e-mailed to the patient with the link and the code', async () => {
    const t = await fresh();
    const invitation = await invite(t, 'nina.new@example.org');
    const outbox = expectStatus(await t.call('care-admin', 'GET', '/api/dev/outbox'), 200) as { messages: Array<{ to: string; subject: string; text: string }> };
    const mail = outbox.messages.find((message) => message.to === 'nina.new@example.org');
    expect(mail?.subject).toBe('Your invitation from Unit one');
    expect(mail?.text).toContain(invitation.url);
    expect(mail?.text).toContain(`invitation code: ${invitation.code}`);
  });
});
