import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgres, type OpenedPostgres } from './open-postgres.js';

/**
 * The server the PostgreSQL suites use: CARELOOM_TEST_DATABASE_URL, which `npm run test:pg` sets to
 * a throwaway server of its own when it is not given (postgres-global-setup.ts).
 */
export function testDatabaseUrl(): string {
  const url = process.env.CARELOOM_TEST_DATABASE_URL;
  if (!url) throw new Error('CARELOOM_TEST_DATABASE_URL is not set: run these tests with `npm run test:pg`.');
  return url;
}

/**
 * Fresh, empty, migrated PostgreSQL stores for a test file: each call makes a schema of its own
 * (faster than a database per test, and just as isolated), migrated from nothing, and everything is
 * dropped after the file.
 *
 * @example
 * const fresh = freshPostgresSchemas();
 * const { pool } = await fresh.open();
 */
export function freshPostgresSchemas(): { open(): Promise<OpenedPostgres & { url: string; schema: string }> } {
  const opened: Array<{ pool: pg.Pool; schema: string }> = [];
  afterAll(async () => {
    for (const { pool } of opened) await pool.end().catch(() => undefined);
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      for (const { schema } of opened) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end();
    }
  });
  return {
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = withSearchPath(testDatabaseUrl(), schema);
      const database = await openPostgres({ url, maxConnections: 4 });
      opened.push({ pool: database.pool, schema });
      return { ...database, url, schema };
    },
  };
}

/** The URL with `options=-c search_path=<schema>`, so every connection of a pool works in that schema. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}
