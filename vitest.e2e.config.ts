import { defineConfig } from 'vitest/config';

// End-to-end tests: the real server and Debian's Chromium, one file at a time (2-core machines).
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
    fileParallelism: false,
    // As in vitest.config.ts: files share the worker's module cache (import time 25 s → 5 s).
    isolate: false,
    testTimeout: 180000,
    hookTimeout: 120000,
    ...(onPostgres ? { globalSetup: ['runtime/src/storage/postgres/postgres-global-setup.ts'] } : {}),
  },
});
