import { describe, expect, it } from 'vitest';
import { contentHash } from '@careloom/format/engine';
import type { ExampleFile } from '../domain/example-catalog.js';
import { createTestApp } from '../testing/test-app.js';

const phq9 = { id: 'phq-9', title: { en: 'PHQ-9', sv: 'PHQ-9 (sv)' }, languages: ['en', 'sv'], defaultLanguage: 'en' };
const files: ExampleFile[] = [
  { kind: 'module', file: 'modules/phq-9.json', text: JSON.stringify(phq9) },
  { kind: 'module', file: 'modules/broken.json', text: JSON.stringify({ title: { en: 'No id' } }) },
];

describe('GET /api/examples', () => {
  it('lists every example with its validity and hash', async () => {
    const response = await createTestApp({ exampleFiles: files }).app.request('/api/examples');
    expect(response.status).toBe(200);
    const { examples } = (await response.json()) as { examples: Array<Record<string, unknown>> };
    expect(examples).toEqual([
      { id: 'broken', kind: 'module', title: 'No id', languages: [], file: 'modules/broken.json', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), valid: false, issueCount: 1, issues: [{ code: 'test.no_id', path: '/id', message: 'No id.' }] },
      { id: 'phq-9', kind: 'module', title: 'PHQ-9', languages: ['en', 'sv'], file: 'modules/phq-9.json', contentHash: contentHash(phq9), valid: true, issueCount: 0, issues: [] },
    ]);
  });
});

describe('GET /api/examples/:id', () => {
  it('returns the document with its content hash as a strong ETag', async () => {
    const response = await createTestApp({ exampleFiles: files }).app.request('/api/examples/phq-9');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(phq9);
    expect(response.headers.get('ETag')).toBe(`"${contentHash(phq9)}"`);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers 304 with no body when If-None-Match matches (also weak or in a list)', async () => {
    const { app } = createTestApp({ exampleFiles: files });
    const etag = `"${contentHash(phq9)}"`;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await app.request('/api/examples/phq-9', { headers: { 'If-None-Match': header } });
      expect(response.status).toBe(304);
      expect(response.headers.get('ETag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
    const stale = await app.request('/api/examples/phq-9', { headers: { 'If-None-Match': '"stale"' } });
    expect(stale.status).toBe(200);
  });

  it('answers an unknown id with a 404 problem', async () => {
    const response = await createTestApp({ exampleFiles: files }).app.request('/api/examples/gad-7');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found', detail: 'There is no example "gad-7".', instance: '/api/examples/gad-7' });
  });
});
