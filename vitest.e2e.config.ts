import { defineConfig } from 'vitest/config';

// End-to-end tests: the real server and Debian's Chromium, one file at a time (2-core machines).
export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180000,
    hookTimeout: 120000,
  },
});
