import { defineConfig } from 'vitest/config';
import { WORKERS } from './vitest.config.js';

// End-to-end tests: the real server and Debian's Chromium, a file per core. A journey keeps about
// three quarters of one core busy (its Chromium, its server, the waits between steps), so two at a
// time on a 2-core machine took 101 → 73 s on SQLite and 127 → 89 s on PostgreSQL, green in every run.
// With CARELOOM_TEST_STORE=postgresql (`npm run test:e2e:pg`) every server they start runs on
// PostgreSQL: the server named by CARELOOM_TEST_DATABASE_URL, or a throwaway one started for the run
// by the same global setup as `npm run test:pg`.
const onPostgres = process.env.CARELOOM_TEST_STORE === 'postgresql';

export default defineConfig({
  test: {
    // Every journey runs on both stores: a journey's screens read what the store returns, so layout,
    // console and header checks can differ by store too (ordering, time zones, ids).
    include: ['**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    maxWorkers: WORKERS,
    // As in vitest.config.ts: files share the worker's module cache (import time 25 s → 5 s).
    isolate: false,
    testTimeout: 180000,
    hookTimeout: 120000,
    ...(onPostgres ? { globalSetup: ['runtime/src/storage/postgres/postgres-global-setup.ts'] } : {}),
  },
});
