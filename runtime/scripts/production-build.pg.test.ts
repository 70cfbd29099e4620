// The production build on PostgreSQL (`npm run test:pg`): the compiled server must find
// PostgreSQL's migrations in runtime/dist (it once looked in the folder that holds SQLite's) and
// load the PostgreSQL stores, which the build keeps in chunks of their own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseEnv } from '../src/testing/test-database-env.js';
import { buildAndStart } from './built-server.js';

describe('the production build on PostgreSQL', () => {
  it('migrates a fresh PostgreSQL schema and answers /health with the database up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-build-pg-'));
    const server = await buildAndStart(dir, await testDatabaseEnv(join(dir, `built-${Date.now()}.sqlite`)));
    try {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
      expect(server.output()).toMatch(/database=postgresql/);
      expect(server.output()).not.toMatch(/ERROR/);
    } finally {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}, 120_000);
