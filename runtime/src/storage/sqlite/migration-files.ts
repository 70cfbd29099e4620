import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One `NNN-name.sql` file. */
export interface MigrationFile {
  version: number;
  /** File name, e.g. `001-basics.sql`. */
  name: string;
  sql: string;
  /** sha256 of the text with line endings normalised, so a CRLF checkout does not look edited. */
  checksum: string;
}

/** The migrations shipped with the code, found beside this file (tsx runs the sources; no build step). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_NAME = /^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.sql$/;

/**
 * Reads the migration files of `dir`, ordered by number. Refuses stray `.sql` names and duplicate
 * numbers, so two branches that took the same number fail at start instead of skipping one.
 */
export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`Migration folder ${dir} does not exist.`);
  const files = readdirSync(dir).filter((name) => name.endsWith('.sql')).sort();
  const migrations = files.map((name) => {
    const match = FILE_NAME.exec(name);
    if (!match) throw new Error(`Migration file ${name} must be named NNN-lower-case-name.sql (in ${dir}).`);
    const sql = readFileSync(join(dir, name), 'utf8');
    return { version: Number(match[1]), name, sql, checksum: migrationChecksum(sql) };
  });
  // Numbers only rise, but may skip: parallel branches are given ranges of their own (020–029,
  // 030–039, …), so merging them never renumbers a migration a database has already applied.
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (migration.version < 1 || (previous !== undefined && migration.version <= previous.version)) {
      throw new Error(`Migration ${migration.name} repeats number ${String(migration.version).padStart(3, '0')}: every migration has a number of its own, rising from 001 (in ${dir}).`);
    }
  });
  return migrations;
}

/** sha256 (hex) of a migration's text, ignoring the difference between CRLF and LF. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}
