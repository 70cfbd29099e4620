import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@careloom/format/api';
import { reviewInbox } from './review-inbox.js';

const doc = (id: string, state: string | null, updatedAt: string): DocumentSummary => ({
  id, organisationId: 'o', kind: 'module', title: id, createdBy: 'p', createdAt: updatedAt, updatedAt, releasedVersion: null,
  latestVersion: state === null ? null : ({ number: 1, state } as DocumentSummary['latestVersion']), lastEditedBy: null, lastEditedByName: null, lastEditedAt: updatedAt,
});

const documents = [
  doc('submitted-old', 'submitted', '2026-03-01T10:00:00Z'),
  doc('in-review', 'in_review', '2026-03-03T10:00:00Z'),
  doc('for-test', 'approved_for_test', '2026-03-02T10:00:00Z'),
  doc('released', 'released', '2026-03-04T10:00:00Z'),
  doc('draft', null, '2026-03-05T10:00:00Z'),
  doc('changes', 'changes_requested', '2026-03-05T10:00:00Z'),
];

describe('reviewInbox', () => {
  it('gives a publisher what waits for review or a decision, newest first', () => {
    expect(reviewInbox(documents, ['publisher']).map((entry) => [entry.document.id, entry.reason])).toEqual([['in-review', 'decide'], ['for-test', 'decide'], ['submitted-old', 'review']]);
  });

  it('gives a tester only what is approved for test, and a designer nothing', () => {
    expect(reviewInbox(documents, ['tester']).map((entry) => [entry.document.id, entry.reason])).toEqual([['for-test', 'test']]);
    expect(reviewInbox(documents, ['designer'])).toEqual([]);
  });

  it('words a version for a publisher who is also a tester as the publisher\'s', () => {
    expect(reviewInbox(documents, ['tester', 'publisher']).find((entry) => entry.document.id === 'for-test')?.reason).toBe('decide');
  });
});
