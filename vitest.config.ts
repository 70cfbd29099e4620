import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * One test file per core. Vitest's default leaves one core to its main process (cores − 1), which
 * on the 2-core CI machines meant one worker and the second core idle (test:node used 1.05 cores),
 * while the main process only collects results.
 */
export const WORKERS = availableParallelism();

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
    // Test files share each worker's module cache instead of importing everything again per file:
    // 427 s → 232–242 s for this suite on 2 cores (import time 84 s → 10 s), passing in two file
    // orders. A test that changes process-wide state (timers, globals, env) must put it back.
    isolate: false,
    maxWorkers: WORKERS,
    testTimeout: 20000,
    hookTimeout: 20000,
  },
});
