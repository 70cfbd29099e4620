import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from '../sqlite/migration-files.js';
import { migratePostgres } from './migrate.js';

/**
 * The PostgreSQL migrations shipped with the code: beside this file in the sources, and in
 * `postgres-migrations/` of the production build (whose `migrations/` holds SQLite's).
 */
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './migrations/' : './postgres-migrations/', import.meta.url));

// BIGINT (sequence numbers) arrives as a string by default; Careloom's sequence numbers stay far
// below 2^53, and every other store returns them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface OpenPostgresOptions {
  /** `postgres://user:password@host:port/database` (CARELOOM_DATABASE_URL). */
  url: string;
  migrationsDir?: string;
  now?: () => Date;
  /** Connections this process keeps at most. */
  maxConnections?: number;
}

export interface OpenedPostgres {
  pool: pg.Pool;
  applied: string[];
}

/**
 * Connects to PostgreSQL and runs the pending migrations; ends the pool again if that fails, so a
 * refused start leaves no open connection.
 *
 * @example
 * const { pool } = await openPostgres({ url: process.env.CARELOOM_DATABASE_URL });
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<OpenedPostgres> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  // An idle client that loses its connection (the server restarts) must not crash the process:
  // the pool drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  try {
    const applied = await migratePostgres(pool, readMigrationFiles(options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR), options.now ?? (() => new Date()));
    return { pool, applied };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it
 * throws. PostgreSQL commits are durable (synchronous_commit is on by default), so a write is
 * acknowledged only after this resolves.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL's SQLSTATE for a unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
