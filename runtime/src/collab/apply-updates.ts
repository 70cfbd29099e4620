import * as Y from 'yjs';

/** A stored update that did not apply, by its position in the list given. */
export interface RejectedUpdate {
  index: number;
  reason: string;
}

/**
 * Builds a Y.Doc from stored updates, oldest first, setting aside every update that does not apply:
 * one that makes Yjs throw (the doc may then hold part of it, so it is rebuilt without that update)
 * or one whose items stay pending to the end (they build on something no update has). One bad row
 * therefore costs its own edit, never the draft. Drafts written by this server contain no such
 * rows (it stores only what applied); this is for rows written before that, or damaged on disk.
 *
 * @example
 * const { doc, rejected } = applyUpdatesSafely(updates);
 * for (const { index, reason } of rejected) await store.setAsideStored(name, seqs[index], reason);
 */
export function applyUpdatesSafely(updates: readonly Uint8Array[]): { doc: Y.Doc; rejected: RejectedUpdate[] } {
  const rejected = new Map<number, string>();
  for (;;) {
    const doc = new Y.Doc();
    let failure: RejectedUpdate | undefined;
    let pendingFrom: number | undefined;
    for (let index = 0; index < updates.length && !failure; index++) {
      if (rejected.has(index)) continue;
      try {
        Y.applyUpdate(doc, updates[index] as Uint8Array);
      } catch (error) {
        failure = { index, reason: `does not apply (${error instanceof Error ? error.message : String(error)})` };
        break;
      }
      if (hasPending(doc)) pendingFrom ??= index;
      else pendingFrom = undefined;
    }
    if (!failure && pendingFrom !== undefined) failure = { index: pendingFrom, reason: 'builds on items no update has' };
    if (!failure) return { doc, rejected: [...rejected].map(([index, reason]) => ({ index, reason })).sort((a, b) => a.index - b.index) };
    rejected.set(failure.index, failure.reason);
    doc.destroy();
  }
}

/** Whether Yjs holds items or deletions of `doc` back, waiting for something it has not seen. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
