// `npm run build` then the compiled server, as `npm run serve` runs it: everything the server reads
// at start must be in runtime/dist, not looked up in the sources (the patient app's icons were not,
// and the compiled server did not start).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('the production build', () => {
  it('starts from runtime/dist alone and serves the apps, the service worker, the manifest and its icons', async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'runtime/scripts/build.ts'], { cwd: root, stdio: 'pipe' });
    const dir = mkdtempSync(join(tmpdir(), 'careloom-build-'));
    // Started from another folder, so nothing can be found relative to the working directory by luck.
    const child = spawn(process.execPath, [join(root, 'runtime/dist/main.js')], { cwd: dir, env: { ...process.env, CARELOOM_DB: join(dir, 'built.sqlite'), CARELOOM_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const url = await new Promise<string>((resolveUrl, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Careloom is running at (http:\/\/\S+)/.exec(output);
          if (match) resolveUrl(match[1]!);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`The compiled server exited with ${code}:\n${output}`)));
      });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      for (const path of ['/', '/clinic', '/designer', '/sw.js', '/manifest.webmanifest', '/icons/careloom-192.png', '/icons/careloom-512.png']) {
        const response = await fetch(`${url}${path}`);
        expect(response.status, path).toBe(200);
        await response.arrayBuffer();
      }
      expect(output).not.toMatch(/ERROR/);
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
