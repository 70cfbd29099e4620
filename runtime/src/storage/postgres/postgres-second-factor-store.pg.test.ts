import { createSequentialIds } from '../../ids.js';
import { runSecondFactorStoreContract } from '../contract/second-factor-store.contract.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresSecondFactorStore } from './postgres-second-factor-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runSecondFactorStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  return {
    secondFactors: createPostgresSecondFactorStore(pool, { ids: createSequentialIds('audit-factor') }),
    accounts: createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
