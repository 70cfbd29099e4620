import { defineConfig } from 'vitest/config';

// End-to-end tests: the real server and Debian's Chromium, one file at a time (2-core machines).
// With CARELOOM_TEST_STORE=postgresql (`npm run test:e2e:pg`) every server they start runs on
// PostgreSQL: the server named by CARELOOM_TEST_DATABASE_URL, or a throwaway one started for the run
// by the same global setup as `npm run test:pg`.
const onPostgres = process.env.CARELOOM_TEST_STORE === 'postgresql';

/**
 * The journeys that run on PostgreSQL too: each reads and writes stores the others do not (drafts
 * and review, care and alerts, version moves, notices and the outbox, media, API tokens and FHIR,
 * offline answers, test enrollments, staff invitations, linked e-IDs, the audit log, export and purge). Left on SQLite alone: designer-phone (layout at 360 px),
 * first-visit-console (console messages), strict-csp (headers) and everyday (screen details), whose
 * stores the journeys here already cover; on PostgreSQL they would add minutes and test nothing new.
 */
export const E2E_ON_POSTGRES = [
  'runtime/e2e/care-path.e2e.test.ts',
  'runtime/e2e/designer-collaboration.e2e.test.ts',
  'runtime/e2e/treatment-practice.e2e.test.ts',
  'runtime/e2e/version-rollout.e2e.test.ts',
  'runtime/e2e/notifications.e2e.test.ts',
  'runtime/e2e/media.e2e.test.ts',
  'runtime/e2e/api-tokens.e2e.test.ts',
  'runtime/e2e/patient-offline.e2e.test.ts',
  'runtime/e2e/simulator.e2e.test.ts',
  'runtime/e2e/going-into-service.e2e.test.ts',
];

export default defineConfig({
  test: {
    include: onPostgres ? E2E_ON_POSTGRES : ['**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180000,
    hookTimeout: 120000,
    ...(onPostgres ? { globalSetup: ['runtime/src/storage/postgres/postgres-global-setup.ts'] } : {}),
  },
});
