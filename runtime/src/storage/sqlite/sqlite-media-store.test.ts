import { createSequentialIds } from '../../ids.js';
import { runMediaStoreContract } from '../contract/media-store.contract.js';
import { createSqliteDraftUpdateStore } from './draft-update-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';
import { createSqliteMediaStore } from './sqlite-media-store.js';

runMediaStoreContract('sqlite in memory', async () => {
  const { db } = openDatabase({ file: ':memory:' });
  const audit = createSqliteAuditLog(db);
  return {
    media: createSqliteMediaStore(db, { ids: createSequentialIds('audit-media') }),
    exec: async (sql) => {
      db.exec(sql);
    },
    appendDraftUpdate: (document, update) => createSqliteDraftUpdateStore(db, () => '2026-03-01T08:00:00.000Z').appendUpdate(document, update),
    auditRows: async () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
});
