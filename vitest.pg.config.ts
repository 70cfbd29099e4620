import { defineConfig } from 'vitest/config';

// `npm run test:pg`: the suites that run against PostgreSQL (`*.pg.test.ts`), on the server named by
// CARELOOM_TEST_DATABASE_URL or on a throwaway one started for the run.
export default defineConfig({
  test: {
    include: ['runtime/**/*.pg.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    globalSetup: ['runtime/src/storage/postgres/postgres-global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
