import { defineConfig } from 'vitest/config';
import { RUN_ALONE } from './vitest.config.js';

// `npm run test:alone`: the latency and crash tests, one file at a time and nothing beside them.
export default defineConfig({
  test: {
    include: RUN_ALONE,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 60000,
  },
});
