import { defineConfig } from 'vitest/config';
import { WORKERS } from './vitest.config.js';

// `npm run test:pg`: the store contract suites on PostgreSQL (`*.pg.test.ts`) and the HTTP
// integration tests again, with every server they start on PostgreSQL (CARELOOM_TEST_STORE, read by
// runtime/src/testing/test-database-env.ts), on the server named by CARELOOM_TEST_DATABASE_URL or on
// a throwaway one started for the run.
export default defineConfig({
  test: {
    include: ['runtime/**/*.pg.test.ts', 'runtime/src/integration/care-over-http.test.ts', 'runtime/src/integration/authoring-over-http.test.ts', 'runtime/src/integration/webhooks-over-http.test.ts', 'runtime/src/integration/oidc-over-http.test.ts', 'runtime/src/integration/comments-live-over-http.test.ts',
      'runtime/src/integration/mail-over-smtp.test.ts', 'runtime/src/integration/crash-durability.test.ts', 'runtime/src/integration/media-crash-durability.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    // As in vitest.config.ts: files share each worker's module cache (200–209 s → 176 s).
    isolate: false,
    maxWorkers: WORKERS,
    env: { CARELOOM_TEST_STORE: 'postgresql' },
    globalSetup: ['runtime/src/storage/postgres/postgres-global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
