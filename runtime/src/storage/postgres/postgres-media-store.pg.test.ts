import { createSequentialIds } from '../../ids.js';
import { runMediaStoreContract } from '../contract/media-store.contract.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresMediaStore } from './postgres-media-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runMediaStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  return {
    media: createPostgresMediaStore(pool, { ids: createSequentialIds('audit-media') }),
    exec: async (sql) => {
      await pool.query(sql);
    },
    auditRows: async () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
