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
 * Reads the migration files of `dir`, ordered by number. Refuses stray `.sql` names, duplicate
 * numbers and gaps (but for a jump to the start of a block of ten), so a half-merged branch fails at start instead of skipping a migration.
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
  // Branches developed side by side take numbers from their own block of ten (030–039 …), so a
  // jump is allowed only to the first number of a later block; inside a block there are no gaps.
  migrations.forEach((migration, index) => {
    const expected = index === 0 ? 1 : migrations[index - 1]!.version + 1;
    const startsBlock = migration.version > expected && migration.version % 10 === 0;
    if (migration.version !== expected && !startsBlock) {
      throw new Error(`Migration ${migration.name} should be number ${String(expected).padStart(3, '0')}: migrations are numbered 001, 002, … without gaps or duplicates, except a jump to the start of a later block of ten such as 030 (in ${dir}).`);
    }
  });
  return migrations;
}

/** sha256 (hex) of a migration's text, ignoring the difference between CRLF and LF. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}
