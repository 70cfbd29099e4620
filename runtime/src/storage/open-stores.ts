import type { Config } from '../config.js';
import { openPostgres } from './postgres/open-postgres.js';
import { createPostgresStores } from './postgres/postgres-stores.js';
import { openDatabase } from './sqlite/open-database.js';
import { createSqliteStores, type SqliteStoresOptions } from './sqlite/sqlite-stores.js';
import type { Stores } from './types.js';

/**
 * Opens the configured database, migrates it and builds every store once: PostgreSQL when
 * CARELOOM_DATABASE_URL is set (several processes may share it), otherwise the SQLite file.
 *
 * @returns the stores, the migrations applied now, and which database it is
 */
export async function openStores(config: Pick<Config, 'databaseFile' | 'databaseUrl'>, options: SqliteStoresOptions): Promise<{ stores: Stores; applied: string[]; kind: 'sqlite' | 'postgresql' }> {
  const now = options.now ?? (() => new Date());
  if (config.databaseUrl !== undefined) {
    const { pool, applied } = await openPostgres({ url: config.databaseUrl, now });
    return { stores: createPostgresStores(pool, options), applied, kind: 'postgresql' };
  }
  const { db, applied } = openDatabase({ file: config.databaseFile, now });
  return { stores: createSqliteStores(db, options), applied, kind: 'sqlite' };
}
