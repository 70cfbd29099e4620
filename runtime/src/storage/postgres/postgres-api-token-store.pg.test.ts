import { createSequentialIds } from '../../ids.js';
import { runApiTokenStoreContract } from '../contract/api-token-store.contract.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresApiTokenStore } from './postgres-api-token-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runApiTokenStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  return {
    tokens: createPostgresApiTokenStore(pool, { ids: createSequentialIds('audit-token') }),
    accounts: createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
