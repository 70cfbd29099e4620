import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
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
 * Health data: the database and its -wal/-shm files are readable by the server's user only (0600),
 * and a folder Careloom creates for it is 0700. SQLite creates -wal and -shm with the database
 * file's mode, so the file is made 0600 before SQLite first opens it; files an older version left
 * 0644 are tightened.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
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
  if (!inMemory) ownerOnly(resolve(options.file));
  const db = new Database(options.file);
  try {
    // WAL: readers do not block the writer. FULL: a committed answer survives a power cut.
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Health data: a deleted row (a purged patient, an ended session) is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    const applied = migrate(db, readMigrationFiles(options.migrationsDir ?? MIGRATIONS_DIR), options.now ?? (() => new Date()));
    return { db, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}
