import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { openPostgres } from './postgres/open-postgres.js';
import { createPostgresStores } from './postgres/postgres-stores.js';
import { openDatabase } from './sqlite/open-database.js';
import { createSqliteStores, type SqliteStoresOptions } from './sqlite/sqlite-stores.js';
import { startWalCheckpointer } from './sqlite/wal-checkpointer.js';
import { createWalSync } from './sqlite/wal-sync.js';
import type { Stores } from './types.js';
import type { ClusterBus } from '../cluster/cluster-bus.js';
import { createInProcessClusterBus } from '../cluster/in-process-cluster-bus.js';
import { createPostgresClusterBus } from './postgres/postgres-cluster-bus.js';

/**
 * Opens the configured database, migrates it and builds every store once: PostgreSQL when
 * CARELOOM_DATABASE_URL is set (several processes may share it), otherwise the SQLite file.
 *
 * The cluster bus comes with them: on PostgreSQL the processes sharing the database hear each
 * other over LISTEN/NOTIFY (its own connection, closed with the stores); on SQLite the process is
 * alone and the bus stays inside it.
 *
 * A SQLite file gets its disk work moved off the event loop: recorded answers are flushed to the
 * log on the thread pool (wal-sync.ts) and the log is copied into the database file by a
 * background thread (wal-checkpointer.ts), so no request waits for an fsync it did not ask for.
 *
 * @returns the stores, the bus, the migrations applied now, and which database it is
 */
export async function openStores(
  config: Pick<Config, 'databaseFile' | 'databaseUrl'>,
  options: SqliteStoresOptions & { onStorageProblem?: (message: string, fields: Readonly<Record<string, string | number | boolean | null | undefined>>) => void },
): Promise<{ stores: Stores; bus: ClusterBus; applied: string[]; kind: 'sqlite' | 'postgresql' }> {
  const now = options.now ?? (() => new Date());
  if (config.databaseUrl !== undefined) {
    const { pool, applied } = await openPostgres({ url: config.databaseUrl, now });
    const stores = createPostgresStores(pool, options);
    const bus = createPostgresClusterBus({ url: config.databaseUrl, pool, ...(options.onStorageProblem ? { onProblem: options.onStorageProblem } : {}) });
    await bus.ready;
    return { stores: { ...stores, close: async () => { await bus.close(); await stores.close(); } }, bus, applied, kind: 'postgresql' };
  }
  const { db, applied } = openDatabase({ file: config.databaseFile, now });
  if (config.databaseFile === ':memory:') return { stores: createSqliteStores(db, options), bus: createInProcessClusterBus(), applied, kind: 'sqlite' };
  const checkpointer = startWalCheckpointer(db, config.databaseFile, options.onStorageProblem ? { onProblem: options.onStorageProblem } : {});
  const wal = createWalSync(`${resolve(config.databaseFile)}-wal`);
  const stores = createSqliteStores(db, { ...options, wal });
  return {
    stores: {
      ...stores,
      close: async () => {
        await checkpointer.close();
        await stores.close();
        await wal.close();
      },
    },
    bus: createInProcessClusterBus(),
    applied,
    kind: 'sqlite',
  };
}
