import { describe, expect, it } from 'vitest';
import type { AuthoringStore, DocumentRecord, VersionRecord } from '../authoring/ports.js';
import { createReleasedContent } from './released-content.js';

const AT = '2026-02-01T00:00:00.000Z';

/** An authoring store holding module versions whose content names them, counting its reads. */
function catalog() {
  const documents = new Map<string, DocumentRecord>();
  const versions = new Map<string, VersionRecord>();
  const reads = { documents: 0, versions: 0 };
  const add = (documentId: string, number: number, state: VersionRecord['state'] = 'released') => {
    documents.set(documentId, { id: documentId, organisationId: 'org-a', kind: 'module', title: `Title of ${documentId}`, createdBy: 'person-designer', createdAt: AT, updatedAt: AT, releasedVersion: number });
    const content = { formatVersion: 1, id: documentId, title: { en: `${documentId} v${number}` }, defaultLanguage: 'en', pages: [{ id: 'p1', blocks: [{ type: 'question', id: `q${number}`, input: { type: 'text' } }] }] };
    versions.set(`${documentId}@${number}`, {
      documentId, number, canonical: JSON.stringify(content), contentHash: `${documentId}-${number}`.padEnd(64, '0'), changeNote: '', authoredBy: 'person-designer', contributors: [], draftSeq: 0, createdAt: AT,
      state, stateChangedAt: AT, stateChangedBy: 'person-publisher', release: null,
    });
  };
  const store: Pick<AuthoringStore, 'getDocument' | 'getVersion'> = {
    getDocument: async (id) => {
      reads.documents += 1;
      return documents.get(id);
    },
    getVersion: async (documentId, number) => {
      reads.versions += 1;
      return versions.get(`${documentId}@${number}`);
    },
  };
  return { store, add, versions, reads };
}

const titleOf = (content: unknown) => (content as { title: { en: string } }).title.en;

describe('createReleasedContent', () => {
  it('serves each version its own content, even for ids that could run together', async () => {
    const { store, add } = catalog();
    add('x', 12);
    add('2:x', 1);
    add('x', 1);
    const content = createReleasedContent(store);
    expect(titleOf((await content.versionContent('x', 12))?.content)).toBe('x v12');
    expect(titleOf((await content.versionContent('2:x', 1))?.content)).toBe('2:x v1');
    expect(titleOf((await content.versionContent('x', 1))?.content)).toBe('x v1');
    expect(titleOf((await content.versionContent('x', 12))?.content)).toBe('x v12');
    expect((await content.versionContent('x', 12))?.index?.items.has('q12')).toBe(true);
    expect(await content.versionContent('x', 2)).toBeUndefined();
  });

  it('reads a version from storage once, and hands out one frozen copy', async () => {
    const { store, add, reads } = catalog();
    add('phq-9', 1);
    const content = createReleasedContent(store);
    const first = await content.versionContent('phq-9', 1);
    const again = await content.versionContent('phq-9', 1);
    expect(reads.versions).toBe(1);
    expect(again).toBe(first);
    expect(() => {
      (first!.content as { title: { en: string } }).title.en = 'changed by one caller';
    }).toThrow(TypeError);
  });

  it('keeps at most maxCachedVersions, reading an evicted version again', async () => {
    const { store, add, reads } = catalog();
    for (const number of [1, 2, 3]) add('gad-7', number);
    const content = createReleasedContent(store, { maxCachedVersions: 2 });
    for (const number of [1, 2, 3]) await content.versionContent('gad-7', number);
    expect(reads.versions).toBe(3);
    await content.versionContent('gad-7', 3);
    expect(reads.versions).toBe(3);
    expect(titleOf((await content.versionContent('gad-7', 1))?.content)).toBe('gad-7 v1');
    expect(reads.versions).toBe(4);
  });

  it('reads the state and title fresh on every version() while reusing the parsed content', async () => {
    const { store, add, versions } = catalog();
    add('phq-9', 1);
    const content = createReleasedContent(store);
    const released = await content.version('phq-9', 1);
    expect(released).toMatchObject({ state: 'released', title: 'Title of phq-9', kind: 'module', number: 1 });
    versions.set('phq-9@1', { ...versions.get('phq-9@1')!, state: 'retired' });
    const retired = await content.version('phq-9', 1);
    expect(retired?.state).toBe('retired');
    expect(retired?.content).toBe(released?.content);
  });

  it('never hands out cached content whose hash differs from the row it has just read', async () => {
    const { store, add, versions } = catalog();
    add('phq-9', 1);
    const content = createReleasedContent(store);
    await content.versionContent('phq-9', 1);
    const other = versions.get('phq-9@1')!;
    versions.set('phq-9@1', { ...other, canonical: other.canonical.replace('phq-9 v1', 'replaced'), contentHash: 'f'.repeat(64) });
    const read = await content.version('phq-9', 1);
    expect(read?.contentHash).toBe('f'.repeat(64));
    expect(titleOf(read?.content)).toBe('replaced');
    expect((await content.versionContent('phq-9', 1))?.contentHash).toBe('f'.repeat(64));
  });
});
