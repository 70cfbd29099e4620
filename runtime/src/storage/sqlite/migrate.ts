import type Database from 'better-sqlite3';
import type { MigrationFile } from './migration-files.js';

/** A row of schema_migrations. */
interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/** Thrown when the database and the code disagree about the schema; the server must not start. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Brings the schema up to date: checks that every applied migration is still the same file, then
 * applies the pending ones in order, each in its own transaction together with its
 * schema_migrations row. Forward-only: a migration is never undone or edited, a new one is added.
 *
 * @returns the names of the migrations applied now
 * @throws MigrationError if an applied file changed or the database is newer than this code
 */
export function migrate(db: Database.Database, migrations: readonly MigrationFile[], now: () => Date): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    checksum    TEXT NOT NULL,
    applied_at  TEXT NOT NULL
  ) STRICT`);
  const applied = () => db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
  const before = applied();
  checkApplied(before, migrations);
  // A start on an up-to-date database takes no write lock and scans nothing: only migrations not yet
  // applied are looked at again, inside their transaction, in case another process applied them.
  const pending = migrations.filter((migration) => !before.some((row) => row.version === migration.version));
  if (pending.length === 0) return [];

  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const appliedNow: string[] = [];
  for (const migration of pending) {
    // IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply it.
    db.transaction(() => {
      if (applied().some((row) => row.version === migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migration.checksum, now().toISOString());
      appliedNow.push(migration.name);
    }).immediate();
  }
  // The check reads every table with a foreign key: done after migrating, not on every start.
  const violations = db.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) throw new MigrationError(`The database breaks ${violations.length} foreign key constraint(s) after migrating.`);
  return appliedNow;
}

function checkApplied(applied: readonly AppliedMigration[], migrations: readonly MigrationFile[]): void {
  for (const row of applied) {
    const file = migrations.find((migration) => migration.version === row.version);
    if (!file) {
      throw new MigrationError(`The database has migration ${row.name} applied, which this version of Careloom does not know: the database is newer than the code. Run a newer Careloom, or restore a backup made for this version.`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.name} was changed after it was applied to this database (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… in ${file.name}). Restore the original file and add a new migration instead.`);
    }
  }
}
