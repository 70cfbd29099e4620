import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tools/**/*.test.ts', 'schemas/**/*.test.ts', 'client/**/*.test.ts', 'renderer/**/*.node.test.ts', 'runtime/**/*.test.ts', 'examples/**/*.test.ts', 'designer/**/*.node.test.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts', '**/*.e2e.test.ts', '**/*.pg.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 20000,
  },
});
