import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate } from './migrate.js';
import { MIGRATIONS_DIR, readMigrationFiles } from './migration-files.js';

export interface OpenDatabaseOptions {
  /** Database file, created with its folder if missing; ':memory:' for a throwaway database. */
  file: string;
  /** Folder of `NNN-name.sql` files; the shipped migrations by default (tests pass their own). */
  migrationsDir?: string;
  /** Time recorded for applied migrations. */
  now?: () => Date;
  /** How long a write waits for another connection's lock before failing, in milliseconds. */
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Migrations applied by this call (empty when the schema was up to date). */
  applied: string[];
}

/**
 * Opens (creating if needed) the SQLite database, sets the pragmas Careloom relies on and runs the
 * pending migrations. Closes the connection again if anything fails, so a refused start leaves no
 * open handle.
 *
 * @example
 * const { db } = openDatabase({ file: config.databaseFile });
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const inMemory = options.file === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(options.file)), { recursive: true });
  const db = new Database(options.file);
  try {
    // WAL: readers do not block the writer. FULL: a committed answer survives a power cut.
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    const applied = migrate(db, readMigrationFiles(options.migrationsDir ?? MIGRATIONS_DIR), options.now ?? (() => new Date()));
    return { db, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}
