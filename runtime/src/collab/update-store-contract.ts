import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_REFUSED_KEPT, loadDraftDoc, type DraftUpdateStore } from './update-store.js';

/**
 * The behaviour every `DraftUpdateStore` must have. Run it from a test file of each
 * implementation; `makeStore` is called once per test and must return an empty store.
 * @example
 * describeDraftUpdateStoreContract('SQLite draft update store', () => createSqliteDraftUpdateStore(openTestDb(), now));
 */
export function describeDraftUpdateStoreContract(name: string, makeStore: () => DraftUpdateStore | Promise<DraftUpdateStore>): void {
  /** `count` real Yjs updates that each insert one character into text 't' of one doc. */
  function textUpdates(count: number, clientID = 1): Uint8Array[] {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < count; i++) doc.getText('t').insert(i, String.fromCharCode(97 + (i % 26)));
    return updates;
  }

  function merge(updates: readonly Uint8Array[]): Uint8Array {
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  }

  describe(`${name} (DraftUpdateStore contract)`, () => {
    it('has no updates and lastSeq 0 for an unknown document', async () => {
      const store = await makeStore();
      expect(await store.loadUpdates('nobody')).toEqual({ updates: [], seqs: [], lastSeq: 0 });
    });

    it('returns appended updates byte for byte, in order, with strictly increasing positive seqs', async () => {
      const store = await makeStore();
      const updates = textUpdates(5);
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await store.appendUpdate('doc-a', update, 'user-1'));
      expect(seqs[0]).toBeGreaterThan(0);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
      const loaded = await store.loadUpdates('doc-a');
      expect(loaded.lastSeq).toBe(seqs.at(-1));
      expect(loaded.seqs).toEqual(seqs);
      expect(loaded.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)));
    });

    it('accepts appends without an author', async () => {
      const store = await makeStore();
      const [update] = textUpdates(1);
      const seq = await store.appendUpdate('doc-a', update as Uint8Array);
      expect((await store.loadUpdates('doc-a')).lastSeq).toBe(seq);
    });

    it('keeps its own copy of the bytes', async () => {
      const store = await makeStore();
      const update = Uint8Array.from(textUpdates(1)[0] as Uint8Array);
      const original = Array.from(update);
      await store.appendUpdate('doc-a', update);
      update.fill(0);
      const loaded = await store.loadUpdates('doc-a');
      expect(Array.from(loaded.updates[0] as Uint8Array)).toEqual(original);
    });

    it('keeps documents apart', async () => {
      const store = await makeStore();
      const [a1, a2] = textUpdates(2, 1);
      const [b1] = textUpdates(1, 2);
      await store.appendUpdate('doc-a', a1 as Uint8Array);
      const seqB = await store.appendUpdate('doc-b', b1 as Uint8Array);
      const seqA2 = await store.appendUpdate('doc-a', a2 as Uint8Array);
      const a = await store.loadUpdates('doc-a');
      const b = await store.loadUpdates('doc-b');
      expect(a.updates).toHaveLength(2);
      expect(a.lastSeq).toBe(seqA2);
      expect(b.updates).toHaveLength(1);
      expect(b.lastSeq).toBe(seqB);
    });

    it('gives concurrent appends distinct seqs and loads them in seq order', async () => {
      const store = await makeStore();
      const updates = textUpdates(20);
      const seqs = await Promise.all(updates.map((update) => store.appendUpdate('doc-a', update)));
      expect(new Set(seqs).size).toBe(20);
      const loaded = await store.loadUpdates('doc-a');
      expect(loaded.updates).toHaveLength(20);
      expect(loaded.lastSeq).toBe(Math.max(...seqs));
      const doc = await loadDraftDoc(store, 'doc-a');
      expect(doc.getText('t').toString()).toBe('abcdefghijklmnopqrst');
    });

    it('compacts the rows up to a seq into one, keeping later rows after it and lastSeq', async () => {
      const store = await makeStore();
      const updates = textUpdates(6);
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await store.appendUpdate('doc-a', update));
      const before = await store.loadUpdates('doc-a');
      await store.compact('doc-a', merge(updates.slice(0, 4)), seqs[3] as number);
      const after = await store.loadUpdates('doc-a');
      expect(after.updates).toHaveLength(3);
      expect(after.lastSeq).toBe(before.lastSeq);
      expect(Array.from(after.updates[1] as Uint8Array)).toEqual(Array.from(updates[4] as Uint8Array));
      expect(Array.from(after.updates[2] as Uint8Array)).toEqual(Array.from(updates[5] as Uint8Array));
      expect((await loadDraftDoc(store, 'doc-a')).getText('t').toString()).toBe('abcdef');
    });

    it('orders appends after a full compaction after the merged row', async () => {
      const store = await makeStore();
      const updates = textUpdates(4);
      let last = 0;
      for (const update of updates.slice(0, 3)) last = await store.appendUpdate('doc-a', update);
      await store.compact('doc-a', merge(updates.slice(0, 3)), last);
      expect((await store.loadUpdates('doc-a')).updates).toHaveLength(1);
      const next = await store.appendUpdate('doc-a', updates[3] as Uint8Array);
      expect(next).toBeGreaterThan(last);
      const loaded = await store.loadUpdates('doc-a');
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.lastSeq).toBe(next);
      expect((await loadDraftDoc(store, 'doc-a')).getText('t').toString()).toBe('abcd');
    });

    it('reads on from a seq: only the later rows of that document, in order, a compacted row whole', async () => {
      const store = await makeStore();
      const updates = textUpdates(5);
      const seqs: number[] = [];
      for (const update of updates.slice(0, 3)) seqs.push(await store.appendUpdate('doc-a', update));
      await store.appendUpdate('doc-b', updates[3] as Uint8Array);
      seqs.push(await store.appendUpdate('doc-a', updates[3] as Uint8Array));
      const after = await store.loadUpdatesAfter('doc-a', seqs[1] as number);
      expect(after.seqs).toEqual([seqs[2], seqs[3]]);
      expect(after.updates.map((u) => Array.from(u))).toEqual([updates[2], updates[3]].map((u) => Array.from(u as Uint8Array)));
      expect(await store.loadUpdatesAfter('doc-a', seqs[3] as number)).toEqual({ updates: [], seqs: [] });
      expect(await store.loadUpdatesAfter('nobody', 0)).toEqual({ updates: [], seqs: [] });
      // A process that had seen only the first row still gets everything after compaction.
      await store.compact('doc-a', merge(updates.slice(0, 3)), seqs[2] as number);
      const caughtUp = await store.loadUpdatesAfter('doc-a', seqs[0] as number);
      expect(caughtUp.seqs).toEqual([seqs[2], seqs[3]]);
      const doc = new Y.Doc();
      for (const update of caughtUp.updates) Y.applyUpdate(doc, update);
      expect(doc.getText('t').toString()).toBe('abcd');
    });

    it('does nothing when no row is at or below upToSeq, or the document is unknown', async () => {
      const store = await makeStore();
      const [update] = textUpdates(1);
      await store.appendUpdate('doc-a', update as Uint8Array);
      const before = await store.loadUpdates('doc-a');
      await store.compact('doc-a', new Uint8Array([0, 0]), 0);
      await store.compact('unknown', new Uint8Array([0, 0]), Number.MAX_SAFE_INTEGER);
      expect(await store.loadUpdates('doc-a')).toEqual(before);
      expect(await store.loadUpdates('unknown')).toEqual({ updates: [], seqs: [], lastSeq: 0 });
    });

    it('compacts one document without touching another', async () => {
      const store = await makeStore();
      const a = textUpdates(3, 1);
      const b = textUpdates(3, 2);
      let lastA = 0;
      for (let i = 0; i < 3; i++) {
        lastA = await store.appendUpdate('doc-a', a[i] as Uint8Array);
        await store.appendUpdate('doc-b', b[i] as Uint8Array);
      }
      await store.compact('doc-a', merge(a), lastA);
      expect((await store.loadUpdates('doc-a')).updates).toHaveLength(1);
      expect((await store.loadUpdates('doc-b')).updates).toHaveLength(3);
    });

    it('sets a stored update aside atomically, keeping lastSeq and the other rows', async () => {
      const store = await makeStore();
      const updates = textUpdates(3);
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await store.appendUpdate('doc-a', update, 'user-1'));
      await store.setAsideStored('doc-a', seqs[2] as number, 'does not apply');
      await store.setAsideStored('doc-a', 999_999, 'no such row');
      await store.setAsideStored('doc-b', seqs[0] as number, 'other document');
      const loaded = await store.loadUpdates('doc-a');
      expect(loaded.seqs).toEqual(seqs.slice(0, 2));
      expect(loaded.lastSeq).toBe(seqs[2]);
      const aside = await store.listSetAside('doc-a');
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatchObject({ seq: seqs[2], author: 'user-1', reason: 'does not apply' });
      expect(Array.from(aside[0]?.update ?? [])).toEqual(Array.from(updates[2] as Uint8Array));
      expect(await store.listSetAside('doc-b')).toEqual([]);
    });

    it(`keeps refused updates for inspection, at most ${MAX_REFUSED_KEPT} per document (the newest)`, async () => {
      const store = await makeStore();
      for (let i = 0; i < MAX_REFUSED_KEPT + 5; i++) await store.setAsideRefused('doc-a', Uint8Array.of(i), i % 2 === 0 ? 'user-1' : null, `refused ${i}`);
      const aside = await store.listSetAside('doc-a');
      expect(aside).toHaveLength(MAX_REFUSED_KEPT);
      expect(aside[0]).toMatchObject({ seq: null, reason: 'refused 5' });
      expect(aside.at(-1)).toMatchObject({ seq: null, reason: `refused ${MAX_REFUSED_KEPT + 4}` });
      expect((await store.loadUpdates('doc-a')).updates).toEqual([]);
    });
  });
}
