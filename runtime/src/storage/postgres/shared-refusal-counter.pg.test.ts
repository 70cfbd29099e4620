import type pg from 'pg';
import { afterAll } from 'vitest';
import { runSharedRefusalCounterCases } from '../../collab/shared-refusal-counter-cases.js';
import { openPostgres } from './open-postgres.js';
import { createPostgresRateLimits } from './postgres-rate-limits.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();
const others: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of others) await pool.end();
});

// Two pools on one schema: two processes on one database.
runSharedRefusalCounterCases('postgresql', async () => {
  const { pool, url } = await fresh.open();
  const other = await openPostgres({ url, maxConnections: 2 });
  others.push(other.pool);
  return { one: createPostgresRateLimits(pool), two: createPostgresRateLimits(other.pool) };
});
