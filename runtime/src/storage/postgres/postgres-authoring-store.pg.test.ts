import { AUTHORING_FIXTURE_SQL, runAuthoringStoreContract } from '../contract/authoring-store.contract.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresAuthoringStore } from './postgres-authoring-store.js';
import { createPostgresDraftUpdateStore } from './postgres-draft-update-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runAuthoringStoreContract('PostgreSQL', async () => {
  const { pool } = await fresh.open();
  for (const sql of AUTHORING_FIXTURE_SQL) await pool.query(sql);
  const audit = createPostgresAuditLog(pool);
  return {
    store: createPostgresAuthoringStore(pool),
    drafts: (now) => createPostgresDraftUpdateStore(pool, now),
    exec: async (sql) => void (await pool.query(sql)),
    readAudit: () => audit.list({ limit: 1000 }),
  };
});
