import { describe, expect, it } from 'vitest';
import { createMediaUses } from './media-uses.js';
import type { DraftState } from './media-store.js';

const FILE = 'a'.repeat(64);
const url = (organisationId: string) => `/api/media/${organisationId}/${FILE}.png`;

/** A library of one organisation whose drafts are `drafts()`; every decode is counted. */
function library(drafts: () => DraftState[]) {
  const decoded: string[] = [];
  const uses = createMediaUses({
    store: { listVersionsNamingMedia: async () => [], listDraftStates: async () => drafts() },
    drafts: { loadUpdates: async (document: string) => ({ updates: [new TextEncoder().encode(document)] }) as never },
    codec: {
      decode: async (_kind: string, updates: Uint8Array[]) => {
        const document = new TextDecoder().decode(updates[0]);
        decoded.push(document);
        return { id: document, title: { en: document }, pages: [{ id: 'p', blocks: [{ id: 'b', type: 'image', src: url('org-1') }] }] } as never;
      },
    },
  });
  return { uses, decoded };
}

describe('createMediaUses', () => {
  it('decodes a draft again only when an update was stored since', async () => {
    let drafts: DraftState[] = [{ document: 'sleep', kind: 'module', lastSeq: 1 }];
    const { uses, decoded } = library(() => drafts);
    await uses.ofLibrary('org-1', [FILE]);
    await uses.ofLibrary('org-1', [FILE]);
    expect(decoded).toEqual(['sleep']);
    drafts = [{ document: 'sleep', kind: 'module', lastSeq: 2 }];
    await uses.ofLibrary('org-1', [FILE]);
    expect(decoded).toEqual(['sleep', 'sleep']);
  });

  it('forgets a draft that is gone: listed again, it is read afresh, not from what was kept', async () => {
    let drafts: DraftState[] = [{ document: 'sleep', kind: 'module', lastSeq: 5 }, { document: 'worry', kind: 'module', lastSeq: 6 }];
    const { uses, decoded } = library(() => drafts);
    expect((await uses.ofLibrary('org-1', [FILE])).byFile.get(FILE)!.map((use) => use.moduleId)).toEqual(['sleep', 'worry']);
    drafts = [{ document: 'worry', kind: 'module', lastSeq: 6 }];
    expect((await uses.ofLibrary('org-1', [FILE])).byFile.get(FILE)!.map((use) => use.moduleId)).toEqual(['worry']);
    drafts = [{ document: 'sleep', kind: 'module', lastSeq: 5 }, { document: 'worry', kind: 'module', lastSeq: 6 }];
    await uses.ofLibrary('org-1', [FILE]);
    expect(decoded).toEqual(['sleep', 'worry', 'sleep']);
  });
});
