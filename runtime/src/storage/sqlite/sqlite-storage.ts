import type Database from 'better-sqlite3';
import type { Storage } from '../types.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

/**
 * The Storage interface on one better-sqlite3 connection (opened and migrated by `openDatabase`).
 * Every method runs synchronously inside its own transaction and never awaits inside one.
 *
 * @example
 * const storage = createSqliteStorage(openDatabase({ file: ':memory:' }).db);
 */
export function createSqliteStorage(db: Database.Database): Storage {
  const ping = db.prepare('SELECT 1 AS ok');
  return {
    audit: createSqliteAuditLog(db),
    async ping() {
      ping.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
