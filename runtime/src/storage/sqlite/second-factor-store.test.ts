import { createSequentialIds } from '../../ids.js';
import { runSecondFactorStoreContract } from '../contract/second-factor-store.contract.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { createSqliteSecondFactorStore } from './second-factor-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

runSecondFactorStoreContract('sqlite in memory', async () => {
  const { db } = openDatabase({ file: ':memory:' });
  const audit = createSqliteAuditLog(db);
  return {
    secondFactors: createSqliteSecondFactorStore(db, { ids: createSequentialIds('audit-factor') }),
    accounts: createSqliteAccountsStore(db, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
});
