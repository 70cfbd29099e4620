import type pg from 'pg';
import { afterAll } from 'vitest';
import { runRateLimitsContract } from '../contract/rate-limits.contract.js';
import { openPostgres } from './open-postgres.js';
import { createPostgresRateLimits } from './postgres-rate-limits.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();
const others: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of others) await pool.end();
});

// `second` is another pool on the same schema: another process on the same database.
runRateLimitsContract('postgresql', async () => {
  const { pool, url } = await fresh.open();
  const other = await openPostgres({ url, maxConnections: 4 });
  others.push(other.pool);
  return { limits: createPostgresRateLimits(pool), second: createPostgresRateLimits(other.pool) };
});
