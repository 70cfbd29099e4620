// Every media file the example modules and programs name must be served: a film block that points
// at a missing file plays nothing for the patient. The walk reads every string of every example
// document, so a new block type or property that names a file is covered without listing it here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../testing/recording-logger.js';
import { createTestApp } from '../testing/test-app.js';
import { repositoryRoot, WEB_APPS } from '../web/web-apps.js';

const examples = join(repositoryRoot, 'examples');

function mediaReferences(): Array<{ file: string; src: string }> {
  const found: Array<{ file: string; src: string }> = [];
  for (const folder of ['modules', 'programs']) {
    for (const name of readdirSync(join(examples, folder)).filter((entry) => entry.endsWith('.json'))) {
      const walk = (value: unknown): void => {
        if (typeof value === 'string' && /^\/?media\//.test(value)) found.push({ file: `${folder}/${name}`, src: value });
        else if (Array.isArray(value)) value.forEach(walk);
        else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk(JSON.parse(readFileSync(join(examples, folder, name), 'utf8')));
    }
  }
  return found;
}

const app = createTestApp({ web: { apps: WEB_APPS, bundleOf: async () => { throw new Error('no bundles in this test'); }, exampleMediaDir: join(examples, 'media'), logger: createRecordingLogger() } }).app;

describe('the media the examples refer to', () => {
  const references = mediaReferences();

  it('are found (the walk sees the film, its poster and captions, and the diagram)', () => {
    expect(references.map(({ src }) => src)).toEqual(expect.arrayContaining([
      '/media/examples/panic/week1-sara.mp4', '/media/examples/panic/week1-sara-poster.svg', '/media/examples/panic/week1-sara.en.vtt', '/media/examples/panic/alarm-system.svg',
    ]));
  });

  it.each(references.map(({ file, src }) => [src, file]))('%s (named in %s) is served', async (src) => {
    expect(src, 'example media live under /media/examples/').toMatch(/^\/media\/examples\//);
    const response = await app.request(src);
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('serves the film as video/mp4 in byte ranges, as phone browsers ask for it', async () => {
    const response = await app.request('/media/examples/panic/week1-sara.mp4', { headers: { Range: 'bytes=0-1023' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-range')).toMatch(/^bytes 0-1023\/\d+$/);
    const head = new Uint8Array(await response.arrayBuffer());
    expect(head.byteLength).toBe(1024);
    expect(new TextDecoder().decode(head.slice(4, 8))).toBe('ftyp');
  });
});
