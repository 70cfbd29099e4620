import { describe, expect, it } from 'vitest';
import { documentStatus, filterDocuments, type LibraryDocument } from './filter-documents.js';

function doc(id: string, title: string, extra: Partial<LibraryDocument> = {}): LibraryDocument {
  return {
    id,
    organisationId: 'org',
    kind: 'module',
    title,
    createdBy: 'p',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    releasedVersion: null,
    latestVersion: null,
    lastEditedBy: null,
    lastEditedByName: null,
    lastEditedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

const documents = [
  doc('phq-9', 'PHQ-9 depression', { latestVersion: { number: 2, state: 'released' }, lastEditedAt: '2026-03-01T00:00:00Z', tags: ['depression', 'screening'] }),
  doc('gad-7', 'GAD-7 ångest', { latestVersion: { number: 1, state: 'in_review' }, lastEditedAt: '2026-03-05T00:00:00Z' }),
  doc('panic-week-1', 'Panic week 1', { lastEditedAt: '2026-02-01T00:00:00Z' }),
  doc('panic-icbt', 'Panic iCBT', { kind: 'program', lastEditedAt: '2026-01-15T00:00:00Z' }),
];

describe('filterDocuments', () => {
  it('lists everything, most recently edited first', () => {
    expect(filterDocuments(documents, { query: '', status: 'all', kind: 'all' }).map((d) => d.id)).toEqual(['gad-7', 'phq-9', 'panic-week-1', 'panic-icbt']);
  });

  it('finds words in title, id and tags, ignoring case and accents', () => {
    expect(filterDocuments(documents, { query: 'PANIC', status: 'all', kind: 'all' }).map((d) => d.id)).toEqual(['panic-week-1', 'panic-icbt']);
    expect(filterDocuments(documents, { query: 'angest', status: 'all', kind: 'all' }).map((d) => d.id)).toEqual(['gad-7']);
    expect(filterDocuments(documents, { query: 'screening phq', status: 'all', kind: 'all' }).map((d) => d.id)).toEqual(['phq-9']);
    expect(filterDocuments(documents, { query: 'screening gad', status: 'all', kind: 'all' })).toEqual([]);
  });

  it('filters by status (never submitted is draft) and kind', () => {
    expect(filterDocuments(documents, { query: '', status: 'draft', kind: 'all' }).map((d) => d.id)).toEqual(['panic-week-1', 'panic-icbt']);
    expect(filterDocuments(documents, { query: '', status: 'draft', kind: 'program' }).map((d) => d.id)).toEqual(['panic-icbt']);
    expect(filterDocuments(documents, { query: '', status: 'released', kind: 'all' }).map((d) => d.id)).toEqual(['phq-9']);
  });

  it('names the status of a document', () => {
    expect(documentStatus(documents[0]!)).toBe('released');
    expect(documentStatus(documents[2]!)).toBe('draft');
  });
});
