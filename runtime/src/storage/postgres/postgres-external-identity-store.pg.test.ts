import { createSequentialIds } from '../../ids.js';
import { runExternalIdentityStoreContract } from '../contract/external-identity-store.contract.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresExternalIdentityStore } from './postgres-external-identity-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runExternalIdentityStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  return {
    identities: createPostgresExternalIdentityStore(pool, { ids: createSequentialIds('audit-identity') }),
    accounts: createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
