import { runRateLimitsContract } from '../contract/rate-limits.contract.js';
import { openDatabase } from './open-database.js';
import { createSqliteRateLimits } from './sqlite-rate-limits.js';

runRateLimitsContract('sqlite in memory', async () => {
  const { db } = openDatabase({ file: ':memory:' });
  return { limits: createSqliteRateLimits(db), second: createSqliteRateLimits(db) };
});
