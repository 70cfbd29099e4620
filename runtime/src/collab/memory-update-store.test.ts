import { describe, expect, it } from 'vitest';
import { MemoryDraftUpdateStore } from './memory-update-store.js';
import { describeDraftUpdateStoreContract } from './update-store-contract.js';

describeDraftUpdateStoreContract('MemoryDraftUpdateStore', () => new MemoryDraftUpdateStore());

describe('MemoryDraftUpdateStore extras', () => {
  it('clone() is an independent snapshot', async () => {
    const store = new MemoryDraftUpdateStore();
    await store.appendUpdate('d', new Uint8Array([0, 0]), 'u1');
    const copy = store.clone();
    const seq = await store.appendUpdate('d', new Uint8Array([0, 0]));
    expect(copy.rowCount('d')).toBe(1);
    expect(store.rowCount('d')).toBe(2);
    expect(await copy.appendUpdate('d', new Uint8Array([0, 0]))).toBe(seq);
    expect(store.authors('d')).toEqual(['u1', null]);
  });
});
