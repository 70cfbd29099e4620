import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readModule } from '@careloom/examples';
import { yDocDraftCodec } from '../domain/authoring/ydoc-draft-codec.js';
import { workerDraftCodec } from './worker-draft-codec.js';
import { createYjsWorkers } from './yjs-workers.js';

const workers = createYjsWorkers({ size: 1 });
afterAll(() => workers.close());

describe('workerDraftCodec', () => {
  it('decodes a draft in a worker to the same JSON as on the main thread, stored edits and all', async () => {
    const codec = workerDraftCodec(workers);
    const module = readModule('gad-7');
    const first = codec.encode('module', module);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first);
    const edits: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => edits.push(update));
    ((doc.getMap('module').get('title') as Y.Map<Y.Text>).get('en') as Y.Text).insert(0, 'Edited: ');
    const updates = [first, ...edits];

    const decoding = codec.decode('module', updates);
    expect(decoding).toBeInstanceOf(Promise);
    const decoded = (await decoding) as { title: { en: string } };
    expect(decoded).toEqual(yDocDraftCodec.decode('module', updates));
    expect(decoded.title.en.startsWith('Edited: ')).toBe(true);
  });

  it('skips a stored update that does not apply, as the main-thread codec does', async () => {
    const codec = workerDraftCodec(workers);
    const first = codec.encode('module', readModule('gad-7'));
    const crafted = Uint8Array.from(Buffer.from('010181dafb02008481dafb0205017800', 'hex'));
    expect(await codec.decode('module', [first, crafted])).toEqual(yDocDraftCodec.decode('module', [first]));
  });
});
