import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import { loadConfig } from '../config.js';
import { retireDemoAccounts } from '../domain/demo-mode.js';
import { uuidGenerator } from '../ids.js';
import { createSqliteAccountsStore } from '../storage/sqlite/accounts-store.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import type { CommandIo } from './admin-create-command.js';

/**
 * `npm run demo:remove`: makes the demo accounts' published passwords useless in the database
 * CARELOOM_DB names (random passwords nobody knows, sessions ended, audited), so the server can
 * start with demo mode off. What the demo accounts made stays. Returns the exit code.
 */
export async function runDemoRemove(io: Omit<CommandIo, 'stdin'>): Promise<number> {
  let db: ReturnType<typeof openDatabase>['db'] | undefined;
  try {
    const config = loadConfig(io.env);
    db = openDatabase({ file: config.databaseFile }).db;
    const retired = await retireDemoAccounts({ store: createSqliteAccountsStore(db, { ids: uuidGenerator }), hasher: createScryptPasswordHasher(), now: () => new Date() });
    io.stdout.write(retired.length === 0 ? `No demo account with a published password in ${config.databaseFile}.\n` : `Gave ${retired.length} demo accounts random passwords and ended their sessions: ${retired.join(', ')}.\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    db?.close();
  }
}
