import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

let server: ThrowawayPostgres | undefined;

/**
 * vitest global setup of `npm run test:pg`: uses CARELOOM_TEST_DATABASE_URL when it is set, and
 * otherwise starts a throwaway PostgreSQL server (initdb + postgres in a temporary folder, loopback
 * only) for the run and removes it afterwards. Test files make their own schemas in it.
 */
export async function setup(): Promise<void> {
  if (process.env.CARELOOM_TEST_DATABASE_URL) return;
  server = await startThrowawayPostgres();
  process.env.CARELOOM_TEST_DATABASE_URL = server.url;
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
