import { createSequentialIds } from '../../ids.js';
import { runAccountsStoreContract } from '../contract/accounts-store.contract.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runAccountsStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  return {
    store: createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
