import { defineConfig } from 'vitest/config';

/**
 * Tests that measure latency under attack or kill a server mid-load: run alone (vitest.alone.config.ts,
 * `npm run test:alone`), one file at a time, so other test files' CPU use does not decide them.
 */
export const RUN_ALONE = ['runtime/src/security/collab-flood.security.test.ts', 'runtime/scripts/production-build.test.ts', 'runtime/src/integration/crash-durability.test.ts', 'runtime/src/integration/response-crash-durability.test.ts'];

export default defineConfig({
  test: {
    include: ['tools/**/*.test.ts', 'schemas/**/*.test.ts', 'client/**/*.test.ts', 'renderer/**/*.node.test.ts', 'runtime/**/*.test.ts', 'examples/**/*.test.ts', 'designer/**/*.node.test.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts', '**/*.e2e.test.ts', '**/*.pg.test.ts', ...RUN_ALONE],
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 20000,
  },
});
