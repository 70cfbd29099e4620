import { describe, expect, it } from 'vitest';
import { bundleWebApp } from './bundle.js';
import { repositoryRoot, WEB_APPS } from './web-apps.js';

// The designer's bundle and its simulation worker, as the server builds them from the sources on
// first use and `npm run build` writes them: the app names the worker's hashed file, and the
// worker is one self-contained script (a worker under `default-src 'none'` can import nothing).
describe('bundleWebApp', () => {
  it('bundles the designer\'s simulation worker on its own and puts its hashed URL into the designer\'s bundle', async () => {
    const designer = WEB_APPS.find((app) => app.name === 'designer')!;
    const bundle = await bundleWebApp(designer, repositoryRoot);
    const worker = bundle.workers?.['simulation'];
    expect(worker?.fileName).toMatch(/^designer-simulation-worker-[0-9a-f]{16}\.js$/);
    const app = new TextDecoder().decode(bundle.js);
    expect(app).toContain(`"/assets/${worker!.fileName}"`);
    const script = new TextDecoder().decode(worker!.js);
    // The engine's own run (minified: its messages survive, not its names).
    expect(script).toContain('is not a supported calendar date');
    expect(script).not.toMatch(/(^|[;\n])\s*import\s*[\w{*"']|\bimport\(/);
    expect(script).not.toMatch(/\beval\(|new Function\(/);
  }, 120_000);
});
