import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DEFAULT_UPDATE_LIMITS } from './update-limits.js';
import { YjsEngine, changesDocument } from './yjs-engine.js';

function frame(update: Uint8Array, type: number = syncProtocol.messageYjsUpdate): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function seeded(): { source: Y.Doc; engine: YjsEngine } {
  const source = new Y.Doc();
  source.getText('body').insert(0, 'hello world');
  source.getText('body').delete(5, 6);
  const engine = new YjsEngine(DEFAULT_UPDATE_LIMITS);
  expect(engine.open('d#1', [Y.encodeStateAsUpdate(source)])).toEqual([]);
  return { source, engine };
}

describe('YjsEngine', () => {
  it('applies a writer\'s update and reports exactly what applied', () => {
    const { source, engine } = seeded();
    const before = Y.encodeStateVector(source);
    source.getText('body').insert(5, '!');
    const outcome = engine.sync('d#1', frame(Y.encodeStateAsUpdate(source, before)), 'write');
    expect(outcome.kind).toBe('applied');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, engine.state('d#1'));
    expect(copy.getText('body').toString()).toBe('hello!');
    // The same update again changes nothing.
    expect(engine.sync('d#1', frame(Y.encodeStateAsUpdate(source, before)), 'write').kind).toBe('unchanged');
  });

  it("keeps a reader's step 2 that only repeats what the draft has, and refuses one that would change it", () => {
    const { source, engine } = seeded();
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(source));
    const serverVector = Y.encodeStateVector(source);
    // Step 2 against the server's state vector: no items, but the whole delete set.
    const repeat = Y.encodeStateAsUpdate(reader, serverVector);
    expect(Y.decodeUpdate(repeat).ds.clients.size).toBe(1);
    expect(engine.sync('d#1', frame(repeat, syncProtocol.messageYjsSyncStep2), 'read')).toMatchObject({ kind: 'unchanged' });

    reader.getText('body').insert(0, 'x');
    expect(engine.sync('d#1', frame(Y.encodeStateAsUpdate(reader, serverVector)), 'read')).toMatchObject({ kind: 'refused', refusal: 'read-only' });
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(source));
    deleter.getText('body').delete(0, 1);
    expect(engine.sync('d#1', frame(Y.encodeStateAsUpdate(deleter, serverVector)), 'read')).toMatchObject({ kind: 'refused', refusal: 'read-only' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, engine.state('d#1'));
    expect(copy.getText('body').toString()).toBe('hello');
  });

  it('answers sync step 1 with what the asker lacks', () => {
    const { engine } = seeded();
    const outcome = engine.sync('d#1', frame(Y.encodeStateVector(new Y.Doc()), syncProtocol.messageYjsSyncStep1), 'read');
    expect(outcome.kind).toBe('reply');
  });

  it('refuses malformed and over-size messages, keeping the malformed update for inspection', () => {
    const { engine } = seeded();
    expect(engine.sync('d#1', Uint8Array.from([0, 2, 3, 1, 200, 7]), 'write')).toMatchObject({ kind: 'refused', refusal: 'malformed' });
    const many = new Y.Doc();
    many.transact(() => {
      for (let i = 0; i < DEFAULT_UPDATE_LIMITS.maxStructs + 1; i++) many.getMap('m').set(`k${i}`, new Y.Map());
    });
    expect(engine.sync('d#1', frame(Y.encodeStateAsUpdate(many)), 'write')).toMatchObject({ kind: 'refused', refusal: 'too-large' });
  });

  it('closes a document whose update fails part-way, so it is reopened from the store', () => {
    const engine = new YjsEngine(DEFAULT_UPDATE_LIMITS);
    engine.open('d#1', []);
    // Decodes, but Yjs throws applying it (issue 9, finding 4's example).
    const crafted = Uint8Array.from(Buffer.from('010181dafb02008481dafb0205017800', 'hex'));
    expect(engine.serverUpdate('d#1', crafted).kind).toBe('failed');
    expect(engine.size).toBe(0);
  });

  it('changesDocument: new items and deletions of live items change it; known ones do not', () => {
    const { source } = seeded();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(changesDocument(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(source)))).toBe(false);
    source.getText('body').insert(0, 'x');
    expect(changesDocument(doc, Y.decodeUpdate(Y.encodeStateAsUpdate(source)))).toBe(true);
  });
});
