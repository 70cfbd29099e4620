import { runAuthoringStoreContract } from '../contract/authoring-store.contract.js';
import { createSqliteAuthoringStore } from './authoring-store.js';
import { openAuthoringTestDatabase } from './authoring-test-database.js';
import { createSqliteDraftUpdateStore } from './draft-update-store.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

runAuthoringStoreContract('SQLite', async () => {
  const db = openAuthoringTestDatabase();
  const audit = createSqliteAuditLog(db);
  return {
    store: createSqliteAuthoringStore(db),
    drafts: (now) => createSqliteDraftUpdateStore(db, now),
    exec: async (sql) => void db.prepare(sql).run(),
    readAudit: () => audit.list({ limit: 1000 }),
  };
});
