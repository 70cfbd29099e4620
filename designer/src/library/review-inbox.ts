import type { DocumentSummary, VersionState } from '@careloom/format/api';

/** What a version waits for from the signed-in person. */
export type InboxReason = 'review' | 'decide' | 'test';

export interface InboxEntry {
  document: DocumentSummary;
  reason: InboxReason;
}

/**
 * What each role is waited for on, by the newest version's state: a publisher starts the review of
 * a submitted version, decides on one in review (approve for test or request changes) and on one
 * approved for test (release or request changes); a tester tries a version approved for test as a
 * patient. The four-eyes rule still applies when the publisher opens it (the review screen says why).
 */
const WAITING: Record<string, Partial<Record<VersionState, InboxReason>>> = {
  publisher: { submitted: 'review', in_review: 'decide', approved_for_test: 'decide' },
  tester: { approved_for_test: 'test' },
};

/**
 * The review inbox: the documents whose newest version waits for one of the person's roles, newest
 * change first.
 *
 * @example
 * reviewInbox(documents, ['publisher']); // [{ document: phq9, reason: 'review' }, …]
 */
export function reviewInbox(documents: readonly DocumentSummary[], roles: readonly string[]): InboxEntry[] {
  const entries: InboxEntry[] = [];
  for (const document of documents) {
    const state = document.latestVersion?.state;
    if (state === undefined) continue;
    // A publisher's reason outranks a tester's on the same version: they can do more with it.
    const reason = ['publisher', 'tester'].filter((role) => roles.includes(role)).map((role) => WAITING[role]?.[state]).find((found) => found !== undefined);
    if (reason) entries.push({ document, reason });
  }
  return entries.sort((a, b) => b.document.updatedAt.localeCompare(a.document.updatedAt) || a.document.title.localeCompare(b.document.title));
}
