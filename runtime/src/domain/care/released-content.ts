import { indexModule } from '@careloom/format/engine';
import type { Module } from '@careloom/format';
import type { AuthoringStore, DocumentRecord, VersionRecord } from '../authoring/ports.js';
import { deepFreeze } from './deep-freeze.js';
import { createLruCache } from './lru-cache.js';
import type { ReleasedContent, ReleasedVersion, VersionContent } from './ports.js';

/** Parsed versions kept per process: the example catalog is ~15; a busy unit runs a few dozen. */
export const DEFAULT_CACHED_VERSIONS = 256;

/**
 * The care side's narrow view of the catalog, over the authoring store. A version's content, hash,
 * kind and organisation never change (the schema refuses updates and deletes of versions and of a
 * document's kind and organisation), so the parsed content and its engine index are kept in a
 * bounded LRU keyed by document id and version number: recording an answer then reads no version
 * row and parses no JSON. A version's state (released → retired), the document's title and a
 * program's release pins can change, so `version()` always reads them fresh.
 *
 * @example
 * const content = createReleasedContent(createSqliteAuthoringStore(db));
 * const phq9 = await content.versionContent('phq-9', 1);
 */
export function createReleasedContent(store: Pick<AuthoringStore, 'getDocument' | 'getVersion'>, options: { maxCachedVersions?: number } = {}): ReleasedContent {
  const cache = createLruCache<string, VersionContent>({ maxEntries: options.maxCachedVersions ?? DEFAULT_CACHED_VERSIONS });
  // The number goes first: it has no separator in it, so no two (id, number) pairs share a key.
  const keyOf = (documentId: string, number: number) => `${number}:${documentId}`;

  /** The cached immutable part of a version read just now, parsed again if the hash differs. */
  const remember = (document: DocumentRecord, version: VersionRecord): VersionContent => {
    const key = keyOf(document.id, version.number);
    const cached = cache.get(key);
    if (cached && cached.contentHash === version.contentHash) return cached;
    // Frozen because every caller shares the one object: a mutation would leak into other requests.
    const content = deepFreeze(JSON.parse(version.canonical) as unknown);
    const entry: VersionContent = {
      documentId: document.id,
      kind: document.kind,
      organisationId: document.organisationId,
      number: version.number,
      contentHash: version.contentHash,
      content,
      json: version.canonical,
      ...(document.kind === 'module' ? { index: indexModule(content as Module) } : {}),
    };
    cache.set(key, entry);
    return entry;
  };

  const read = async (documentId: string, number: number) => {
    const document = await store.getDocument(documentId);
    const version = document ? await store.getVersion(documentId, number) : undefined;
    return document && version ? { document, version } : undefined;
  };

  return {
    async currentVersion(documentId) {
      const document = await store.getDocument(documentId);
      return document?.releasedVersion ?? undefined;
    },
    async version(documentId, number): Promise<ReleasedVersion | undefined> {
      const found = await read(documentId, number);
      if (!found) return undefined;
      const { document, version } = found;
      return { ...remember(document, version), state: version.state, title: document.title, pins: version.release?.pins ?? [], release: version.release ? { releaseClass: version.release.releaseClass, releaseNotes: version.release.releaseNotes, releasedAt: version.release.releasedAt } : null };
    },
    async versionContent(documentId, number) {
      const cached = cache.get(keyOf(documentId, number));
      if (cached) return cached;
      const found = await read(documentId, number);
      return found ? remember(found.document, found.version) : undefined;
    },
  };
}
