import { createSequentialIds } from '../../ids.js';
import { runMediaStoreContract } from '../contract/media-store.contract.js';
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
    auditRows: async () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
});
