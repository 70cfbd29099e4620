import { createSequentialIds } from '../../ids.js';
import { runApiTokenStoreContract } from '../contract/api-token-store.contract.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteApiTokenStore } from './sqlite-api-token-store.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

runApiTokenStoreContract('sqlite in memory', async () => {
  const { db } = openDatabase({ file: ':memory:' });
  const audit = createSqliteAuditLog(db);
  return {
    tokens: createSqliteApiTokenStore(db, { ids: createSequentialIds('audit-token') }),
    accounts: createSqliteAccountsStore(db, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
});
