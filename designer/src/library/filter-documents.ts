import type { DocumentSummary } from '@careloom/format/api';
import type { DisplayStatus } from '../ui/status-badge.js';

/** A document as the library lists it; `tags` when the server sends them. */
export type LibraryDocument = DocumentSummary & { tags?: readonly string[] };

export interface LibraryFilter {
  /** Words to find in the title, id or tags (all must match, case and accents ignored). */
  query: string;
  status: DisplayStatus | 'all';
  kind: 'module' | 'program' | 'all';
}

/** The status a document shows: its newest version's state, or `draft` when it was never submitted. */
export function documentStatus(document: DocumentSummary): DisplayStatus {
  return document.latestVersion?.state ?? 'draft';
}

/**
 * The documents that match a filter, most recently edited first.
 *
 * @example
 * filterDocuments(documents, { query: 'phq depression', status: 'released', kind: 'all' });
 */
export function filterDocuments(documents: readonly LibraryDocument[], filter: LibraryFilter): LibraryDocument[] {
  const words = fold(filter.query).split(/\s+/).filter((word) => word !== '');
  return documents
    .filter((document) => filter.kind === 'all' || document.kind === filter.kind)
    .filter((document) => filter.status === 'all' || documentStatus(document) === filter.status)
    .filter((document) => {
      const haystack = fold([document.title, document.id, ...(document.tags ?? [])].join(' '));
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => b.lastEditedAt.localeCompare(a.lastEditedAt));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
