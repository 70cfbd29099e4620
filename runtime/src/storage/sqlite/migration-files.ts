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
 * numbers. Numbers may leave gaps: parallel branches each take a reserved range (010s, 040s, …), so
 * whatever order they are merged in, each migration keeps its number; `migrate` applies every file
 * not yet recorded, a late-merged lower number included.
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
  migrations.forEach((migration, index) => {
    if (migration.version < 1 || (index > 0 && migration.version === migrations[index - 1]!.version)) {
      throw new Error(`Migration ${migration.name} repeats number ${String(migration.version).padStart(3, '0')} or is number 000: each migration has a number of its own (in ${dir}).`);
    }
  });
  return migrations;
}

/** sha256 (hex) of a migration's text, ignoring the difference between CRLF and LF. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}
