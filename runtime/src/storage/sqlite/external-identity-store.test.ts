import { createSequentialIds } from '../../ids.js';
import { runExternalIdentityStoreContract } from '../contract/external-identity-store.contract.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { createSqliteExternalIdentityStore } from './external-identity-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

runExternalIdentityStoreContract('sqlite in memory', async () => {
  const { db } = openDatabase({ file: ':memory:' });
  const audit = createSqliteAuditLog(db);
  return {
    identities: createSqliteExternalIdentityStore(db, { ids: createSequentialIds('audit-identity') }),
    accounts: createSqliteAccountsStore(db, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
});
