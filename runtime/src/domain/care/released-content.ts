import type { AuthoringStore } from '../authoring/ports.js';
import type { ReleasedContent, ReleasedVersion } from './ports.js';

/**
 * The care side's narrow view of the catalog, over the authoring store. Versions are immutable, so
 * a parsed version is cached for the life of the process (the state, which can move from released
 * to retired, is read fresh each time).
 *
 * @example
 * const content = createReleasedContent(createSqliteAuthoringStore(db));
 * const phq9 = await content.version('phq-9', 1);
 */
export function createReleasedContent(store: Pick<AuthoringStore, 'getDocument' | 'getVersion'>): ReleasedContent {
  const parsed = new Map<string, unknown>();
  return {
    async currentVersion(documentId) {
      const document = await store.getDocument(documentId);
      return document?.releasedVersion ?? undefined;
    },
    async version(documentId, number): Promise<ReleasedVersion | undefined> {
      const document = await store.getDocument(documentId);
      const version = document ? await store.getVersion(documentId, number) : undefined;
      if (!document || !version) return undefined;
      const key = `${documentId}@${number}`;
      let content = parsed.get(key);
      if (content === undefined) {
        content = JSON.parse(version.canonical) as unknown;
        parsed.set(key, content);
      }
      return {
        documentId,
        kind: document.kind,
        organisationId: document.organisationId,
        number,
        state: version.state,
        contentHash: version.contentHash,
        title: document.title,
        content,
        pins: version.release?.pins ?? [],
      };
    },
  };
}
