import type { MediaUse as MediaUseView } from '@careloom/format/api';
import { titleOf } from '../authoring/document-content.js';
import type { DraftCodec } from '../authoring/draft-codec.js';
import type { DraftUpdates } from '../authoring/ports.js';
import { mediaReferences, type MediaReference } from './media-references.js';
import type { DraftState, MediaStore } from './media-store.js';

export interface MediaUsesDeps {
  store: Pick<MediaStore, 'listVersionsNamingMedia' | 'listDraftStates'>;
  /** The drafts' stored Yjs updates and the codec that turns them into JSON (a worker in the server). */
  drafts: Pick<DraftUpdates, 'loadUpdates'>;
  codec: Pick<DraftCodec, 'decode'>;
}

/** What the library knows of one draft: its newest update when read, its title, the library URLs it names. */
interface DraftReading {
  organisationId: string;
  lastSeq: number;
  title: string;
  references: MediaReference[];
}

/** Where an organisation's library files are used: by file hash, the submitted versions and drafts that name them. */
export interface LibraryUses {
  /** file hash → its uses, versions first (module, number), then drafts (module). */
  byFile: Map<string, MediaUseView[]>;
  /** The drafts as they were read: a removal passes them to the store, which refuses if one changed since. */
  drafts: DraftState[];
}

const blocksNaming = (references: readonly MediaReference[], organisationId: string, sha256: string): string[] =>
  [...new Set(references.filter((reference) => reference.sha256 === sha256 && reference.organisationId === organisationId).flatMap((reference) => (reference.block ? [reference.block.id] : [])))];

/**
 * The uses of every file of a library, for its list and for a removal, in a constant number of
 * queries whatever the number of files: one for the submitted versions that hold any library URL,
 * one for the drafts' newest update numbers.
 *
 * Drafts live as Yjs update logs (draft_updates), so the URLs a draft names are known only by
 * decoding it. Decoding every draft of the organisation on each list would cost a worker round trip
 * per draft per call; keeping a table of references per draft current would mean decoding on every
 * keystroke the collaboration server stores (compaction runs far less often, so a table written
 * then would be stale and a removal could slip past a fresh reference). Instead what a draft names
 * is kept here, per process, with the draft's newest update number when it was read: a draft is
 * decoded again only when an update has been stored since (usually only the one or two drafts
 * being edited), so the answer is always that of the stored drafts, on every process of a cluster,
 * and a removal re-checks in its own transaction that no draft changed after it was read
 * (`MediaStore.deleteMedia`'s `draftsAsOf`).
 */
export function createMediaUses(deps: MediaUsesDeps) {
  const readings = new Map<string, DraftReading>();

  const read = async (organisationId: string, draft: DraftState): Promise<DraftReading> => {
    const kept = readings.get(draft.document);
    if (kept && kept.lastSeq === draft.lastSeq) return kept;
    const { updates } = await deps.drafts.loadUpdates(draft.document);
    let reading: DraftReading;
    try {
      const content = await deps.codec.decode(draft.kind, updates);
      reading = { organisationId, lastSeq: draft.lastSeq, title: titleOf(content, draft.document), references: mediaReferences(content) };
    } catch {
      // A draft that cannot be read as a document still must not lose its files: the URLs found in
      // its raw updates count (without blocks), erring towards keeping a file.
      const raw = updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1')).join('\n');
      reading = { organisationId, lastSeq: draft.lastSeq, title: draft.document, references: mediaReferences(raw) };
    }
    readings.set(draft.document, reading);
    return reading;
  };

  return {
    async ofLibrary(organisationId: string, sha256s: readonly string[]): Promise<LibraryUses> {
      const [versions, drafts] = await Promise.all([deps.store.listVersionsNamingMedia(organisationId), deps.store.listDraftStates(organisationId)]);
      const wanted = new Set(sha256s);
      const byFile = new Map<string, MediaUseView[]>(sha256s.map((sha256) => [sha256, []]));
      for (const version of versions) {
        const content = JSON.parse(version.content) as unknown;
        const references = mediaReferences(content);
        // Any file whose hash the stored content holds is in use, as the store's removal decides;
        // the hashes are read off the content once, not searched for file by file.
        for (const sha256 of new Set(version.content.match(/[0-9a-f]{64}/g) ?? [])) {
          if (!wanted.has(sha256)) continue;
          byFile.get(sha256)!.push({ moduleId: version.moduleId, title: titleOf(content, version.moduleId), version: version.version, state: version.state, blocks: blocksNaming(references, organisationId, sha256) });
        }
      }
      // A draft of this organisation that is gone (deleted) is forgotten: what is kept stays bounded
      // by the drafts that exist.
      const current = new Set(drafts.map((draft) => draft.document));
      for (const [document, reading] of readings) if (reading.organisationId === organisationId && !current.has(document)) readings.delete(document);
      // Drafts decode in the worker pool; the pool queues what exceeds its threads.
      const readDrafts = await Promise.all(drafts.map(async (draft) => ({ draft, reading: await read(organisationId, draft) })));
      for (const { draft, reading } of readDrafts) {
        const named = new Set(reading.references.filter((reference) => reference.organisationId === organisationId).map((reference) => reference.sha256));
        for (const sha256 of named) {
          if (!wanted.has(sha256)) continue;
          byFile.get(sha256)!.push({ moduleId: draft.document, title: reading.title, state: 'draft', blocks: blocksNaming(reading.references, organisationId, sha256) });
        }
      }
      return { byFile, drafts };
    },
  };
}

export type MediaUses = ReturnType<typeof createMediaUses>;
