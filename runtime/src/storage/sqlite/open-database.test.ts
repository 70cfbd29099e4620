import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMigrationFiles } from './migration-files.js';
import { openDatabase } from './open-database.js';

let folder: string;
let migrationsDir: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'careloom-migrate-'));
  migrationsDir = join(folder, 'migrations');
  mkdirSync(migrationsDir);
  writeMigration('001-notes.sql', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function writeMigration(name: string, sql: string): void {
  writeFileSync(join(migrationsDir, name), sql);
}

const tables = (db: ReturnType<typeof openDatabase>['db']) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);

describe('openDatabase with the shipped migrations', () => {
  it('creates a fresh database with every migration recorded and the pragmas set', () => {
    const file = join(folder, 'nested', 'dir', 'careloom.sqlite');
    const { db, applied } = openDatabase({ file, now: () => new Date('2026-01-01T00:00:00Z') });
    const shipped = readMigrationFiles();
    expect(applied).toEqual(shipped.map((migration) => migration.name));
    expect(tables(db)).toContain('audit_log');
    const rows = db.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(shipped.map((migration) => ({ version: migration.version, name: migration.name, checksum: migration.checksum, applied_at: '2026-01-01T00:00:00.000Z' })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('keeps health data to the server\'s user: the file and its -wal/-shm 0600, a folder it creates 0700, an older 0644 file tightened', () => {
    const file = join(folder, 'private', 'careloom.sqlite');
    const { db } = openDatabase({ file });
    db.prepare('CREATE TABLE probe (x)').run();
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(path).mode & 0o777, path).toBe(0o600);
    expect(statSync(join(folder, 'private')).mode & 0o777).toBe(0o700);
    db.close();

    const older = join(folder, 'older.sqlite');
    writeFileSync(older, '');
    chmodSync(older, 0o644);
    openDatabase({ file: older }).db.close();
    expect(statSync(older).mode & 0o777).toBe(0o600);
  });

  it('opens :memory: without touching the disk', () => {
    const { db, applied } = openDatabase({ file: ':memory:' });
    expect(applied[0]).toBe('001-basics.sql');
    db.close();
  });
});

describe('migration runner', () => {
  it('applies pending migrations once; re-opening applies nothing', () => {
    const file = join(folder, 'db.sqlite');
    const first = openDatabase({ file, migrationsDir });
    expect(first.applied).toEqual(['001-notes.sql']);
    first.db.close();
    const second = openDatabase({ file, migrationsDir });
    expect(second.applied).toEqual([]);
    second.db.close();
  });

  it('opens an up-to-date database at once while another connection holds the write lock', () => {
    const file = join(folder, 'db.sqlite');
    openDatabase({ file, migrationsDir }).db.close();
    const writer = openDatabase({ file, migrationsDir }).db;
    writer.prepare('BEGIN IMMEDIATE').run();
    try {
      const started = performance.now();
      // Before, every start took the write lock once per migration and waited out busy_timeout here.
      const reader = openDatabase({ file, migrationsDir, busyTimeoutMs: 2000 });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(reader.applied).toEqual([]);
      reader.db.close();
      // A pending migration still needs the lock: it waits for it, and says so when it does not come.
      writeMigration('002-note-tags.sql', "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none';");
      expect(() => openDatabase({ file, migrationsDir, busyTimeoutMs: 50 })).toThrow(/locked/);
    } finally {
      writer.prepare('ROLLBACK').run();
      writer.close();
    }
  });

  it('keeps the data of a file-backed database across re-opening and applies only the new migration', () => {
    const file = join(folder, 'db.sqlite');
    const first = openDatabase({ file, migrationsDir });
    first.db.prepare("INSERT INTO notes (text) VALUES ('kept')").run();
    first.db.close();
    writeMigration('002-note-tags.sql', "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none';");
    const second = openDatabase({ file, migrationsDir });
    expect(second.applied).toEqual(['002-note-tags.sql']);
    expect(second.db.prepare('SELECT text, tag FROM notes').all()).toEqual([{ text: 'kept', tag: 'none' }]);
    second.db.close();
  });

  it('refuses to start when an applied migration file was changed', () => {
    const file = join(folder, 'db.sqlite');
    openDatabase({ file, migrationsDir }).db.close();
    writeMigration('001-notes.sql', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT) STRICT;');
    expect(() => openDatabase({ file, migrationsDir })).toThrow(/Migration 001-notes\.sql was changed after it was applied/);
  });

  it('does not count a CRLF checkout as a change', () => {
    const file = join(folder, 'db.sqlite');
    writeMigration('001-notes.sql', 'CREATE TABLE notes (id INTEGER PRIMARY KEY);\nCREATE INDEX notes_id ON notes (id);\n');
    openDatabase({ file, migrationsDir }).db.close();
    writeMigration('001-notes.sql', 'CREATE TABLE notes (id INTEGER PRIMARY KEY);\r\nCREATE INDEX notes_id ON notes (id);\r\n');
    expect(openDatabase({ file, migrationsDir }).applied).toEqual([]);
  });

  it('refuses to start when the database is newer than the code', () => {
    const file = join(folder, 'db.sqlite');
    writeMigration('002-more.sql', 'CREATE TABLE more (id INTEGER PRIMARY KEY);');
    openDatabase({ file, migrationsDir }).db.close();
    rmSync(join(migrationsDir, '002-more.sql'));
    expect(() => openDatabase({ file, migrationsDir })).toThrow(/002-more\.sql applied.*newer than the code/);
  });

  it('rolls a failing migration back completely and records nothing for it', () => {
    const file = join(folder, 'db.sqlite');
    writeMigration('002-broken.sql', 'CREATE TABLE half (id INTEGER PRIMARY KEY); INSERT INTO missing VALUES (1);');
    expect(() => openDatabase({ file, migrationsDir })).toThrow(/no such table: missing/);
    rmSync(join(migrationsDir, '002-broken.sql'));
    const { db } = openDatabase({ file, migrationsDir });
    expect(tables(db)).not.toContain('half');
    expect(db.prepare('SELECT name FROM schema_migrations').all()).toEqual([{ name: '001-notes.sql' }]);
    db.close();
  });

  it('refuses badly named, duplicate or missing-number migration files', () => {
    writeMigration('3-bad.sql', 'SELECT 1;');
    expect(() => readMigrationFiles(migrationsDir)).toThrow(/must be named NNN-lower-case-name\.sql/);
    rmSync(join(migrationsDir, '3-bad.sql'));
    writeMigration('003-gap.sql', 'SELECT 1;');
    expect(() => readMigrationFiles(migrationsDir)).toThrow(/003-gap\.sql should be number 002/);
    rmSync(join(migrationsDir, '003-gap.sql'));
    writeMigration('001-again.sql', 'SELECT 1;');
    expect(() => readMigrationFiles(migrationsDir)).toThrow(/should be number 002/);
    rmSync(join(migrationsDir, '001-again.sql'));
    // A branch's block of ten (030–039) may follow a gap; inside it, no gaps.
    writeMigration('030-block.sql', 'SELECT 1;');
    expect(readMigrationFiles(migrationsDir).map((migration) => migration.version)).toEqual([1, 30]);
    writeMigration('032-gap.sql', 'SELECT 1;');
    expect(() => readMigrationFiles(migrationsDir)).toThrow(/032-gap\.sql should be number 031/);
  });
});
