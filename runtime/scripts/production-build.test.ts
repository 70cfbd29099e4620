// `npm run build` then the compiled server, as `npm run serve` runs it: everything the server reads
// at start must be in runtime/dist, not looked up in the sources (the patient app's icons were not,
// and the compiled server did not start).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { eventually, HttpSession } from '../src/integration/http-client.js';
import { buildAndStart } from './built-server.js';

describe('the production build', () => {
  it('starts from runtime/dist alone and serves the apps, the designer\'s simulation worker, the service worker, the manifest and its icons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-build-'));
    const server = await buildAndStart(dir, { CARELOOM_DB: join(dir, 'built.sqlite') });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      for (const path of ['/', '/clinic', '/designer', '/sw.js', '/manifest.webmanifest', '/icons/careloom-192.png', '/icons/careloom-512.png']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(200);
        await response.arrayBuffer();
      }
      // The designer's simulation worker is written beside its bundle, and the bundle names it.
      const shell = await (await fetch(`${server.url}/designer`)).text();
      const designerApp = await (await fetch(`${server.url}${/src="(\/assets\/designer-[0-9a-f]+\.js)"/.exec(shell)![1]}`)).text();
      const workerPath = /"(\/assets\/designer-simulation-worker-[0-9a-f]{16}\.js)"/.exec(designerApp)?.[1];
      expect(workerPath).toBeDefined();
      const worker = await fetch(`${server.url}${workerPath}`);
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-security-policy')).toBe("default-src 'none'");
      expect(await worker.text()).toContain('is not a supported calendar date');

      // Libraries the build bundles (hono, ws, yjs) or loads on first use (ajv) work from runtime/dist:
      // a body refused by its schema, a draft created, and a collaboration sync through the Yjs worker.
      const refused = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url }, body: '{"email": 7}' });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(await refused.json())).toContain('email');
      const designer = await HttpSession.login(server.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
      expect((await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0], id: 'built-draft', title: 'Built', language: 'en' })).status).toBe(201);
      const docs = [new Y.Doc(), new Y.Doc()];
      const providers = docs.map((doc) => new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, 'built-draft', doc, { WebSocketPolyfill: designer.webSocketClass() as never, disableBc: true }));
      try {
        await eventually(() => providers.every((provider) => provider.synced), 'both editors to sync with the compiled server');
        docs[0]!.getText('probe').insert(0, 'hello');
        await eventually(() => docs[1]!.getText('probe').toString() === 'hello', 'the edit to reach the other editor');
      } finally {
        for (const provider of providers) provider.destroy();
      }
      expect(server.output()).not.toMatch(/ERROR/);
    } finally {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
