import { createSequentialIds } from '../../ids.js';
import { runMediaStoreContract } from '../contract/media-store.contract.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresDraftUpdateStore } from './postgres-draft-update-store.js';
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
    appendDraftUpdate: (document, update) => createPostgresDraftUpdateStore(pool, () => '2026-03-01T08:00:00.000Z').appendUpdate(document, update),
    auditRows: async () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
