import { createHash } from 'node:crypto';
import pg from 'pg';
import { withSearchPath } from '../storage/postgres/test-postgres.js';

/** A fixed mail key for test servers on PostgreSQL, where a key file beside the database does not exist. */
const TEST_MAIL_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * The environment that points a test server at its database: the SQLite `file` as usual, or, when
 * the suite runs under `npm run test:pg` (CARELOOM_TEST_STORE=postgresql), a PostgreSQL schema of
 * its own named after `file`, so a test that restarts its server on the same file finds its data
 * again, exactly as on SQLite.
 *
 * @example
 * const server = await startServer({ config: loadConfig({ ...(await testDatabaseEnv(file)), CARELOOM_PORT: '0' }) });
 */
export async function testDatabaseEnv(file: string): Promise<Record<string, string>> {
  if (process.env.CARELOOM_TEST_STORE !== 'postgresql') return { CARELOOM_DB: file };
  const server = process.env.CARELOOM_TEST_DATABASE_URL;
  if (!server) throw new Error('CARELOOM_TEST_STORE=postgresql needs CARELOOM_TEST_DATABASE_URL (npm run test:pg sets both).');
  const schema = `f_${createHash('sha256').update(file).digest('hex').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await admin.end();
  }
  return { CARELOOM_DATABASE_URL: withSearchPath(server, schema), CARELOOM_MAIL_KEY: TEST_MAIL_KEY };
}
