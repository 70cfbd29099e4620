// Finding 14 of issue 9 (login throttling): five wrong passwords locked an account for 15 minutes
// even for its owner, and 20 failures locked a whole clinic out behind one IP address. Over real
// HTTP, each caller on its own loopback address (the server reads the socket's): an attacker
// guessing one account is slowed more with every guess while the owner signs in at once from the
// browser they used before; a clinic where 20 colleagues mistype does not lock out the 21st; a
// password spray from one address is still stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import { createTestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createAccountsServices } from '../domain/accounts/accounts-services.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { uuidGenerator } from '../ids.js';
import { startServer, type RunningServer } from '../server.js';
import { createSqliteStores } from '../storage/sqlite/sqlite-stores.js';
import { openDatabase } from '../storage/sqlite/open-database.js';

interface Answer {
  status: number;
  retryAfter: number | undefined;
  deviceCookie: string | undefined;
}

const dir = mkdtempSync(join(tmpdir(), 'careloom-login-throttle-'));
const file = join(dir, 'careloom.sqlite');
const clock = createTestClock(new Date().toISOString());
let server: RunningServer;
const COLLEAGUES = 22;
const colleague = (i: number) => ({ email: `colleague${i}@clinic.example`, password: `colleague ${i} has a long password` });
const therapist = DEMO_ACCOUNTS.find((account) => account.email === 'therapist@demo.careloom.test')!;

/** POST /api/auth/login from one loopback address, as a browser there would (Origin, its cookies). */
function login(from: string, email: string, password: string, deviceCookie?: string): Promise<Answer> {
  const url = new URL('/api/auth/login', server.url);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      localAddress: from,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Origin: url.origin, ...(deviceCookie ? { Cookie: deviceCookie } : {}) },
    }, (response) => {
      response.resume();
      response.on('end', () => {
        const device = (response.headers['set-cookie'] ?? []).find((line) => line.startsWith('careloom_device='));
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, retryAfter: retryAfter === undefined ? undefined : Number(retryAfter), deviceCookie: device?.split(';')[0] });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

beforeAll(async () => {
  server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0' }), seedDemoAccounts: true, clock });
  // The clinic's staff, created the way an operator's tool would.
  const { db } = openDatabase({ file });
  const stores = createSqliteStores(db);
  const store = stores.accounts;
  const { organisations } = createAccountsServices({ store, hasher: createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }), clock, ids: uuidGenerator, invitations: { store: stores.memberInvitations, publicUrl: () => 'http://127.0.0.1' } });
  const provider = await organisations.ensureOrganisation({ slug: 'clinic-behind-nat', name: 'Clinic behind NAT', kind: 'care_provider' });
  for (let i = 0; i < COLLEAGUES; i++) await organisations.ensureAccount({ ...colleague(i), name: `Colleague ${i}` }, provider.id, ['therapist']);
  db.close();
}, 60_000);

afterAll(async () => {
  await server?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('login throttling slows attackers without locking out owners', () => {
  it('the owner signs in at once from their known device while an attacker elsewhere keeps being slowed', { timeout: 60_000 }, async () => {
    const OWNER = '127.0.0.2';
    const ATTACKER = '127.0.0.66';
    const first = await login(OWNER, therapist.email, therapist.password);
    expect(first.status).toBe(200);
    expect(first.deviceCookie).toMatch(/^careloom_device=v1\./);

    // The attacker guesses as fast as the server lets them: each refusal says how long to wait.
    const waits: number[] = [];
    let guesses = 0;
    while (guesses < 16) {
      const answer = await login(ATTACKER, therapist.email, `guess ${guesses}`);
      if (answer.status === 401) {
        guesses += 1;
        continue;
      }
      expect(answer.status).toBe(429);
      waits.push(answer.retryAfter!);
      // Without waiting, even the right password is refused from the attacker's browser.
      expect((await login(ATTACKER, therapist.email, therapist.password)).status).toBe(429);
      clock.advance(answer.retryAfter! * 1000);
    }
    expect(waits.length).toBeGreaterThanOrEqual(10);
    expect(waits.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    expect(waits.every((wait, index) => index === 0 || wait >= waits[index - 1]!)).toBe(true);

    // The owner, at that very moment, from their own browser: in at once, with their device renewed.
    const owner = await login(OWNER, therapist.email, therapist.password, first.deviceCookie);
    expect(owner.status).toBe(200);
    expect(owner.deviceCookie).toMatch(/^careloom_device=v1\./);
    // The attacker is still slowed: the owner's success does not reset the attacker's wait.
    const still = await login(ATTACKER, therapist.email, 'one more guess');
    expect(still.status).toBe(429);
    expect(still.retryAfter).toBeGreaterThanOrEqual(512);
    // A forged or borrowed-from-another-account device cookie is no way past it.
    const forged = first.deviceCookie!.replace(/~(.)/, (_, c: string) => `~${c === 'A' ? 'B' : 'A'}`);
    expect((await login(ATTACKER, therapist.email, 'guess with forged cookie', forged)).status).toBe(429);
    const stranger = await login('127.0.0.67', colleague(COLLEAGUES - 1).email, colleague(COLLEAGUES - 1).password);
    expect((await login(ATTACKER, therapist.email, 'guess with borrowed cookie', stranger.deviceCookie)).status).toBe(429);
  });

  it('twenty colleagues failing from one clinic address lock out neither a colleague with the right password nor themselves', { timeout: 60_000 }, async () => {
    const CLINIC = '127.0.0.10';
    for (let i = 0; i < 20; i++) {
      const tries = i % 4 === 0 ? 3 : 1;
      for (let n = 0; n < tries; n++) expect((await login(CLINIC, colleague(i).email, `typo ${n}`)).status).toBe(401);
    }
    // A colleague on a computer they never used before, with no device cookie.
    expect((await login(CLINIC, colleague(20).email, colleague(20).password)).status).toBe(200);
    // Those who mistyped get in with the right password, at once.
    expect((await login(CLINIC, colleague(0).email, colleague(0).password)).status).toBe(200);
    expect((await login(CLINIC, colleague(19).email, colleague(19).password)).status).toBe(200);
  });

  it('a password spray from one address is stopped, and owners with a known device still get in through it', { timeout: 60_000 }, async () => {
    const SPRAYER = '127.0.0.99';
    const known = await login('127.0.0.3', colleague(21).email, colleague(21).password);
    expect(known.status).toBe(200);
    let refusedAt: number | undefined;
    for (let i = 0; i < 40 && refusedAt === undefined; i++) {
      const answer = await login(SPRAYER, `sprayed${i}@clinic.example`, 'Spring2026!');
      if (answer.status === 429) refusedAt = i;
      else expect(answer.status).toBe(401);
    }
    expect(refusedAt).toBe(30);
    const spray = await login(SPRAYER, colleague(21).email, 'Spring2026!');
    expect(spray.status).toBe(429);
    expect(spray.retryAfter).toBeGreaterThan(60);
    // Someone on that same address with their own browser is not caught by the spray's limit.
    expect((await login(SPRAYER, colleague(21).email, colleague(21).password, known.deviceCookie)).status).toBe(200);
  });
});
