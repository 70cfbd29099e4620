// Test support: an in-memory database with the migrations the authoring tables need (001 basics,
// 002 accounts, 003 authoring), and a few organisations and people. Falls back to minimal fixture
// tables for a migration another branch has not landed yet, so these tests do not wait on it.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTHORING_FIXTURE_SQL } from '../contract/authoring-store.contract.js';

const migrations = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const FALLBACK: Record<string, string> = {
  '001': `CREATE TABLE audit_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, actor_role TEXT, action TEXT NOT NULL,
    object_type TEXT, object_id TEXT, organisation_id TEXT, unit_id TEXT, patient_id TEXT, ip TEXT, request_id TEXT, details TEXT);`,
  '002': `CREATE TABLE organisations (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT);`,
};

export { FIXTURE_PEOPLE } from '../contract/authoring-store.contract.js';

/** Opens an in-memory database with the authoring schema and fixture organisations `org-a`, `org-b`, `care-1` and people `person-<name>`. */
export function openAuthoringTestDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const files = existsSync(migrations) ? readdirSync(migrations).filter((name) => name.endsWith('.sql')).sort() : [];
  for (const prefix of ['001', '002', '003']) {
    const file = files.find((name) => name.startsWith(`${prefix}-`));
    if (file) db.exec(readFileSync(join(migrations, file), 'utf8'));
    else if (FALLBACK[prefix]) db.exec(FALLBACK[prefix]);
    else throw new Error(`migration ${prefix} is missing`);
  }
  // The live draft's set-aside updates (draft-update-store.ts), found by name whatever its number.
  const quarantine = files.find((name) => name.endsWith('-draft-quarantine.sql'));
  if (quarantine) db.exec(readFileSync(join(migrations, quarantine), 'utf8'));
  for (const sql of AUTHORING_FIXTURE_SQL) db.exec(sql);
  return db;
}
