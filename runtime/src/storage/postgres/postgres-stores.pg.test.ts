import { describe, expect, it } from 'vitest';
import { describeDraftUpdateStoreContract } from '../../collab/update-store-contract.js';
import { runStorageContract } from '../storage-contract.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresDraftUpdateStore } from './postgres-draft-update-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runStorageContract('postgresql', {
  create: async () => {
    const { pool } = await fresh.open();
    let open = true;
    return {
      audit: createPostgresAuditLog(pool),
      async ping() {
        if (!open) throw new Error('The store is closed.');
        await pool.query('SELECT 1');
      },
      async close() {
        if (!open) return;
        open = false;
        await pool.end();
      },
    };
  },
});

describeDraftUpdateStoreContract('PostgreSQL draft update store', async () => createPostgresDraftUpdateStore((await fresh.open()).pool, () => '2026-01-01T00:00:00.000Z'));

describe('PostgreSQL schema rules', () => {
  it('keeps audit_log append-only even through raw SQL', async () => {
    const { pool } = await fresh.open();
    await createPostgresAuditLog(pool).append({ id: 'a1', at: '2026-01-01T00:00:00.000Z', action: 'test.done' });
    await expect(pool.query("UPDATE audit_log SET action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await pool.query('SELECT action FROM audit_log')).rows).toEqual([{ action: 'test.done' }]);
  });

  it('refuses audit details that are not a JSON object', async () => {
    const { pool } = await fresh.open();
    const insert = (details: string) => pool.query("INSERT INTO audit_log (id, at, action, details) VALUES ('x', '2026-01-01', 'a', $1)", [details]);
    await expect(insert('not json')).rejects.toThrow();
    await expect(insert('[1]')).rejects.toThrow(/check constraint/);
  });

  it('migrates once when several processes start at the same time', async () => {
    const { url } = await fresh.open();
    const { openPostgres } = await import('./open-postgres.js');
    const opened = await Promise.all([1, 2, 3].map(() => openPostgres({ url, maxConnections: 1 })));
    try {
      expect(opened.map((database) => database.applied)).toEqual([[], [], []]);
    } finally {
      for (const database of opened) await database.pool.end();
    }
  });
});
