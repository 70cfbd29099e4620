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

  type Operation = { requestBody?: { content: Record<string, { schema: { $ref?: string } }> }; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
  type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  /** Follows a `#/…` pointer inside the document. */
  const resolve = (document: Document, ref: string): unknown =>
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], document);

  it('is served as OpenAPI 3.1 with the request body schemas the routes validate against', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as Document;
    expect(document.openapi).toBe('3.1.0');
    const requestSchema = (path: string, method: string) => resolve(document, document.paths[path]![method]!.requestBody!.content['application/json']!.schema.$ref!) as { required?: string[] };
    expect(requestSchema('/api/auth/login', 'post').required).toEqual(['email', 'password']);
    expect(requestSchema('/api/modules/{id}/versions', 'post').required).toEqual(['changeNote']);
  });

  it('gives every 2xx answer with a body a schema, and every reference in the document resolves', async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Document;
    const missing: string[] = [];
    let described = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, answer] of Object.entries(operation.responses)) {
          // 204 and 202 carry no body; a CSV answer is described as text/csv, a file (media) as bytes of any type.
          if (!/^2\d\d$/.test(status) || status === '204' || (status === '202' && !answer.content)) continue;
          const ref = answer.content?.['application/json']?.schema?.$ref;
          if (!ref && !answer.content?.['text/csv'] && !answer.content?.['*/*']) missing.push(`${method} ${path} ${status}`);
          else described += 1;
        }
      }
    }
    expect(missing, '2xx answers without a schema').toEqual([]);
    expect(described).toBeGreaterThanOrEqual(API_OPERATIONS.filter((operation) => operation.success.response ?? operation.success.csv).length);
    const unresolved = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!).filter((ref) => !ref.startsWith('#/') || resolve(document, ref) === undefined);
    expect([...new Set(unresolved)], 'references that do not resolve inside the document').toEqual([]);
  });
});
