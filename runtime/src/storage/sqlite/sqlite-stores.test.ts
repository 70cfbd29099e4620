import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStorageContract } from '../storage-contract.js';
import { openDatabase } from './open-database.js';
import { createSqliteStores } from './sqlite-stores.js';

runStorageContract('sqlite in memory', { create: async () => createSqliteStores(openDatabase({ file: ':memory:' }).db) });

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

runStorageContract('sqlite file (WAL)', {
  create: async () => {
    const folder = mkdtempSync(join(tmpdir(), 'careloom-storage-'));
    folders.push(folder);
    return createSqliteStores(openDatabase({ file: join(folder, 'test.sqlite') }).db);
  },
});

describe('audit_log is append-only', () => {
  it('refuses UPDATE and DELETE even through raw SQL', async () => {
    const { db } = openDatabase({ file: ':memory:' });
    await createSqliteStores(db).audit.append({ id: 'a1', at: '2026-01-01T00:00:00.000Z', action: 'test.done' });
    expect(() => db.prepare("UPDATE audit_log SET action = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'test.done' }]);
    db.close();
  });

  it('refuses details that are not a JSON object', () => {
    const { db } = openDatabase({ file: ':memory:' });
    const insert = db.prepare("INSERT INTO audit_log (id, at, action, details) VALUES ('x', '2026-01-01', 'a', ?)");
    expect(() => insert.run('not json')).toThrow(/CHECK/);
    expect(() => insert.run('[1]')).toThrow(/CHECK/);
    db.close();
  });
});
