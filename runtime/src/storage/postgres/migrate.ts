import type pg from 'pg';
import { MigrationError } from '../sqlite/migrate.js';
import type { MigrationFile } from '../sqlite/migration-files.js';

/** Any number, the same in every Careloom process: the advisory lock held while migrating. */
const MIGRATION_LOCK = 0x43617265; // "Care"

/**
 * Brings a PostgreSQL schema up to date, like the SQLite runner (storage/sqlite/migrate.ts): checks
 * that every applied migration is still the same file, then applies the pending ones, each in its
 * own transaction with its schema_migrations row. Several processes may start at once against one
 * database: a transaction-scoped advisory lock makes them migrate one after another, and the later
 * ones find nothing left to do.
 *
 * @returns the names of the migrations applied now
 * @throws MigrationError if an applied file changed or the database is newer than this code
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly MigrationFile[], now: () => Date): Promise<string[]> {
  const client = await pool.connect();
  const appliedNow: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      checksum    TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    )`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    for (const row of rows) {
      const file = migrations.find((migration) => migration.version === row.version);
      if (!file) throw new MigrationError(`The database has migration ${row.name} applied, which this version of Careloom does not know: the database is newer than the code. Run a newer Careloom, or restore a backup made for this version.`);
      if (file.checksum !== row.checksum) throw new MigrationError(`Migration ${row.name} was changed after it was applied to this database. Restore the original file and add a new migration instead.`);
    }
    // PostgreSQL has transactional DDL, so the whole batch commits or none of it does.
    for (const migration of migrations) {
      if (rows.some((row) => row.version === migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [migration.version, migration.name, migration.checksum, now().toISOString()]);
      appliedNow.push(migration.name);
    }
    await client.query('COMMIT');
    return appliedNow;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
