// Test support: an in-memory database with the migrations the authoring tables need (001 basics,
// 002 accounts, 003 authoring), and a few organisations and people. Falls back to minimal fixture
// tables for a migration another branch has not landed yet, so these tests do not wait on it.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const migrations = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const FALLBACK: Record<string, string> = {
  '001': `CREATE TABLE audit_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, actor_role TEXT, action TEXT NOT NULL,
    object_type TEXT, object_id TEXT, organisation_id TEXT, unit_id TEXT, patient_id TEXT, ip TEXT, request_id TEXT, details TEXT);`,
  '002': `CREATE TABLE organisations (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT);`,
};

/** People in the fixture, by the role they play in tests. */
export const FIXTURE_PEOPLE = ['designer', 'designer2', 'publisher', 'publisher2', 'tester', 'admin', 'other-publisher', 'care-admin', 'therapist'] as const;

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
  const at = '2026-01-01T00:00:00.000Z';
  const organisation = db.prepare('INSERT INTO organisations (id, slug, name, kind, created_at) VALUES (?, ?, ?, ?, ?)');
  organisation.run('org-a', 'org-a', 'Publisher A', 'publisher', at);
  organisation.run('org-b', 'org-b', 'Publisher B', 'publisher', at);
  organisation.run('care-1', 'care-1', 'Care provider', 'care_provider', at);
  const person = db.prepare('INSERT INTO people (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const name of FIXTURE_PEOPLE) person.run(`person-${name}`, `${name}@example.org`, name, 'scrypt$x', at);
  return db;
}
