import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../testing/recording-logger.js';
import { createTestApp } from '../testing/test-app.js';
import type { Bundle } from '../web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../web/web-apps.js';

const fakeBundle = (name: string): Bundle => {
  const js = new TextEncoder().encode(`console.log(${JSON.stringify(name)})`);
  return { fileName: `${name}-0123456789abcdef.js`, js, gzip: gzipSync(js), css: undefined };
};

function appWith(bundleOf: (name: string) => Promise<Bundle>) {
  return createTestApp({ web: { apps: WEB_APPS, bundleOf, exampleMediaDir: join(repositoryRoot, 'examples', 'media'), logger: createRecordingLogger() } });
}

describe('the web apps', () => {
  it.each([
    [undefined, 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn-NO,en;q=0.5', 'nb'],
    ['de-DE,en;q=0.7,sv;q=0.9', 'sv'],
    ['de-DE', 'en'],
  ])('starts the apps in the browser\'s language: Accept-Language %s → <html lang="%s">', async (accept, lang) => {
    const { app } = appWith(async (n) => fakeBundle(n));
    const response = await app.request('/clinic', accept ? { headers: { 'Accept-Language': accept } } : {});
    expect(await response.text()).toContain(`<html lang="${lang}">`);
    expect(response.headers.get('vary')).toContain('Accept-Language');
  });

  it.each([
    ['/', 'patient'],
    ['/clinic', 'clinic'],
    ['/designer', 'designer'],
    ['/designer/', 'designer'],
  ])('serves %s as an HTML shell that loads the %s bundle under a strict CSP', async (path, name) => {
    const { app } = appWith(async (n) => fakeBundle(n));
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain(`<script type="module" src="/assets/${name}-0123456789abcdef.js"></script>`);
    expect(html).toContain('name="viewport"');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // The socket origins come from the configured public URL (http://127.0.0.1:3000), never from the Host header.
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:3000 ws://localhost:3000;");
    // An IPv6 literal is not a valid CSP host-source; Chromium would report the whole directive.
    expect(csp).not.toContain('[::1]');
    // No app may eval, the designer included: its validators are compiled ahead of time.
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    // Workers (the designer's simulation) only from this origin's files: no blob: or data: scripts.
    expect(csp).toContain("worker-src 'self';");
    expect(csp).not.toMatch(/(script|worker)-src[^;]*(blob:|data:)/);
  });

  it('takes the CSP socket origins from the public URL, not from the Host header', async () => {
    const { app } = appWith(async (n) => fakeBundle(n));
    const response = await app.request('http://evil.example/clinic', { headers: { Host: 'evil.example' } });
    expect(response.headers.get('content-security-policy')).not.toContain('evil.example');
  });

  it('serves a bundle gzip-encoded to clients that accept it, cached forever under its hashed name', async () => {
    const { app } = appWith(async (n) => fakeBundle(n));
    const response = await app.request('/assets/clinic-0123456789abcdef.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString()).toBe('console.log("clinic")');

    const plain = await app.request('/assets/clinic-0123456789abcdef.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("clinic")');
  });

  it('serves an app\'s worker under its hashed name with a policy that lets it load, fetch and evaluate nothing; an old worker name is a 404', async () => {
    const worker = new TextEncoder().encode('onmessage = () => postMessage(1)');
    const withWorker = async (n: string): Promise<Bundle> => ({ ...fakeBundle(n), workers: { simulation: { fileName: `${n}-simulation-worker-fedcba9876543210.js`, js: worker, gzip: gzipSync(worker) } } });
    const { app } = appWith(withWorker);
    const response = await app.request('/assets/designer-simulation-worker-fedcba9876543210.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString()).toBe('onmessage = () => postMessage(1)');
    // The app's own script keeps the page's policy (its shell's), not the worker's.
    expect((await app.request('/assets/designer-0123456789abcdef.js')).headers.get('content-security-policy')).toBeNull();
    expect((await app.request('/assets/designer-simulation-worker-0000000000000000.js')).status).toBe(404);
  });

  it('answers 404 problem+json for an asset name that is not the current build', async () => {
    const { app } = appWith(async (n) => fakeBundle(n));
    for (const path of ['/assets/clinic-ffffffffffffffff.js', '/assets/nothing.js', '/assets/..%2Fpackage.json']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 503 naming the app when its bundle does not build, logs why, and retries on the next request', async () => {
    let attempts = 0;
    const logger = createRecordingLogger();
    const { app } = createTestApp({
      web: {
        apps: WEB_APPS,
        bundleOf: async (n) => {
          attempts += 1;
          if (attempts === 1) throw new Error('Could not resolve "./missing.js"');
          return fakeBundle(n);
        },
        exampleMediaDir: '/nonexistent',
        logger,
      },
    });
    const failed = await app.request('/clinic');
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as { detail: string }).detail).toContain('clinic app could not be built');
    expect(JSON.stringify(logger.records)).toContain('missing.js');
    expect((await app.request('/clinic')).status).toBe(200);
  });

  it('serves the example media the example modules refer to, and nothing outside that folder', async () => {
    const { app } = appWith(async (n) => fakeBundle(n));
    const captions = await app.request('/media/examples/panic/week1-sara.en.vtt');
    expect(captions.status).toBe(200);
    expect(await captions.text()).toMatch(/^WEBVTT/);
    expect((await app.request('/media/examples/../../package.json')).status).toBe(404);
    expect((await app.request('/media/examples/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it.each(['/media/examples/panic/alarm-system.svg', '/media/examples/panic/week1-sara-poster.svg'])(
    'serves the illustration %s as SVG that may not run script when opened on its own',
    async (path) => {
      const { app } = appWith(async (n) => fakeBundle(n));
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain('sandbox');
      expect(csp).not.toMatch(/script-src/);
      const svg = await response.text();
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
      expect(svg).not.toMatch(/<script|\son\w+=|href="(?!#)/i);
    },
  );
});
