import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { API_OPERATIONS } from './openapi.js';

describe('the OpenAPI description', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloom-openapi-'));
    server = await startServer({ config: loadConfig({ CARELOOM_DB: join(dir, 'db.sqlite'), CARELOOM_PORT: '0' }) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const registered = () =>
    new Set(
      server.app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
        .filter((route) => / \/(api|health)/.test(route)),
    );

  it('documents every API route the server answers, and nothing it does not', () => {
    const documented = new Set(API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`));
    expect([...registered()].filter((route) => !documented.has(route)), 'routes missing from the description').toEqual([]);
    expect([...documented].filter((route) => !registered().has(route)), 'documented routes the server lacks').toEqual([]);
  });

  it('is served as OpenAPI 3.1 with the request body schemas the routes validate against', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/auth/login']!['post']!.requestBody!.content['application/json']!.schema.required).toEqual(['email', 'password']);
    expect(document.paths['/api/modules/{id}/versions']!['post']!.requestBody!.content['application/json']!.schema.required).toEqual(['changeNote']);
  });
});
