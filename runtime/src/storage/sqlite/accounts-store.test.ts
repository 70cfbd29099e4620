import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createSequentialIds } from '../../ids.js';
import { runAccountsStoreContract } from '../contract/accounts-store.contract.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

function harness(file: string) {
  const { db } = openDatabase({ file });
  const audit = createSqliteAuditLog(db);
  return {
    store: createSqliteAccountsStore(db, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
}

runAccountsStoreContract('sqlite in memory', async () => harness(':memory:'));

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

runAccountsStoreContract('sqlite file (WAL)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'careloom-accounts-'));
  folders.push(folder);
  return harness(join(folder, 'test.sqlite'));
});
