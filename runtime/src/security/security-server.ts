// Test support for the security suite: a real server (startServer, port 0) on a temporary SQLite
// file with the demo accounts, optionally a second publishing organisation with its own designer,
// and the care path up to a deployed program, so each attack runs against the real interfaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createOrganisationService } from '../domain/accounts/organisation-service.js';
import { createSessionRevokedHub } from '../domain/accounts/session-revoked.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { uuidGenerator } from '../ids.js';
import { HttpSession } from '../integration/http-client.js';
import type { Logger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';
import { createSqliteAccountsStore } from '../storage/sqlite/accounts-store.js';
import { openDatabase } from '../storage/sqlite/open-database.js';

/** The designer of the second publishing organisation (with `otherPublisher`). */
export const OTHER_DESIGNER = { email: 'olga.designer@other-publishing.example.org', password: 'olga has a long password' };

export interface SecurityServer {
  server: RunningServer;
  /** The SQLite file, for tests that plant data written before a fix. */
  file: string;
  /** Signs in a demo account by its key (`therapist`, `care-admin`, `designer`, …). */
  login(key: string): Promise<HttpSession>;
  close(): Promise<void>;
}

/**
 * Starts a server on a fresh database file. With `otherPublisher`, a second publishing organisation
 * and its designer ({@link OTHER_DESIGNER}) are written to the file first, through the same
 * organisation service the demo seed uses.
 */
export async function startSecurityServer(options: { otherPublisher?: boolean; logger?: Logger; clock?: Clock; dueWorkEveryMs?: number } = {}): Promise<SecurityServer> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-security-'));
  const file = join(dir, 'careloom.sqlite');
  if (options.otherPublisher) await seedOtherPublisher(file);
  const server = await startServer({
    config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0' }),
    seedDemoAccounts: true,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.dueWorkEveryMs !== undefined ? { dueWorkEveryMs: options.dueWorkEveryMs } : {}),
  });
  return {
    server,
    file,
    login: (key) => {
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`);
      if (!account) throw new Error(`There is no demo account "${key}".`);
      return HttpSession.login(server.url, account.email, account.password);
    },
    close: async () => {
      await server.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seedOtherPublisher(file: string): Promise<void> {
  const { db } = openDatabase({ file });
  try {
    const organisations = createOrganisationService({
      store: createSqliteAccountsStore(db, { ids: uuidGenerator }),
      hasher: createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }),
      sessionRevoked: createSessionRevokedHub(),
      clock: systemClock,
      ids: uuidGenerator,
    });
    const other = await organisations.ensureOrganisation({ slug: 'other-publishing', name: 'Other Publishing', kind: 'publisher' });
    await organisations.ensureAccount({ email: OTHER_DESIGNER.email, name: 'Olga Designer', password: OTHER_DESIGNER.password }, other.id, ['designer']);
  } finally {
    db.close();
  }
}

/** The demo clinic and a deployment of the released panic program there, made by the care-provider admin. */
export async function deployPanicProgram(security: SecurityServer): Promise<{ unitId: string; deploymentId: string }> {
  const admin = await security.login('care-admin');
  const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
  const unitId = units.units.find((unit) => unit.name === 'Demo clinic')!.id;
  const deployed = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
  if (deployed.status !== 201) throw new Error(`Deploying failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);
  return { unitId, deploymentId: (deployed.body as { id: string }).id };
}
