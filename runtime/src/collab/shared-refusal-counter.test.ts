import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteRateLimits } from '../storage/sqlite/sqlite-rate-limits.js';
import { runSharedRefusalCounterCases } from './shared-refusal-counter-cases.js';

// One SQLite file has one process; two counters on it still show that the count is the database's.
runSharedRefusalCounterCases('sqlite', async () => {
  const { db } = openDatabase({ file: ':memory:', now: () => new Date() });
  return { one: createSqliteRateLimits(db), two: createSqliteRateLimits(db) };
});
