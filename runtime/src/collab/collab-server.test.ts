import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MemoryDraftUpdateStore } from './memory-update-store.js';
import { type Client, type Harness, closed, opened, refusedStatus, startHarness, waitFor } from './collab-test-harness.js';
import type { DraftUpdateStore } from './update-store.js';
import { createYjsWorkers } from './yjs-workers.js';

const harnesses: Harness[] = [];
async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const harness = await startHarness(options);
  harnesses.push(harness);
  return harness;
}

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.stop()));
});

function json(doc: Y.Doc): unknown {
  return { body: doc.getText('body').toString(), meta: doc.getMap('meta').toJSON() };
}

/** A binary frame holding one sync update message. */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Messages of one connection are handled in order: once the other side sees `client`'s awareness
 * change, the server has handled everything `client` sent before it.
 */
async function flush(client: Client, observer: Client, marker: string): Promise<void> {
  client.provider.awareness.setLocalStateField('flush', marker);
  await waitFor(() => (observer.provider.awareness.getStates().get(client.doc.clientID) as { flush?: string } | undefined)?.flush === marker, `flush ${marker}`);
}

describe('collab server: editing', () => {
  it('two writers editing one document concurrently converge, and every edit is stored', async () => {
    const h = await start();
    const [alice, bob] = await Promise.all([h.connectSynced('doc-1', 'alice'), h.connectSynced('doc-1', 'bob')]);
    for (let i = 0; i < 10; i++) {
      alice.doc.getText('body').insert(0, `a${i} `);
      bob.doc.getText('body').insert(bob.doc.getText('body').length, `b${i} `);
      alice.doc.getMap('meta').set(`alice-${i}`, i);
      bob.doc.getMap('meta').set('shared', `bob-${i}`);
      alice.doc.getMap('meta').set('shared', `alice-${i}`);
    }
    await waitFor(() => alice.text() === bob.text() && alice.text().length === 60, 'text convergence');
    await waitFor(() => isDeepStrictEqual(json(alice.doc), json(bob.doc)), 'map convergence');
    expect(Object.keys(alice.doc.getMap('meta').toJSON())).toHaveLength(11);
    for (let i = 0; i < 10; i++) {
      expect(alice.text()).toContain(`a${i} `);
      expect(alice.text()).toContain(`b${i} `);
    }
    const stored = await h.collab.loadDraftDoc('doc-1');
    expect(json(stored)).toEqual(json(alice.doc));
    const authors = new Set((h.store as MemoryDraftUpdateStore).authors('doc-1'));
    expect(authors).toEqual(new Set(['alice', 'bob']));
    expect(h.collab.stats()).toEqual({ documents: 1, connections: 2 });
  });

  it('a late joiner receives the whole document, and documents are kept apart', async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    alice.doc.getText('body').insert(0, 'first draft');
    const other = await h.connectSynced('doc-2', 'carol');
    other.doc.getText('body').insert(0, 'elsewhere');
    const bob = await h.connectSynced('doc-1', 'bob');
    await waitFor(() => bob.text() === 'first draft', 'late joiner sync');
    await waitFor(() => h.collab.stats().documents === 2, 'two documents');
    expect(bob.text()).toBe('first draft');
  });

  it('closes a read-only connection that sends an edit with 4423 (a stock client stops) without storing or relaying it; one that only syncs stays open', async () => {
    // Readers' edits used to be dropped silently: the person went on typing into a draft that never
    // kept any of it. Now the connection is closed with 4423, which tells the designer "read-only".
    const h = await start();
    const writer = await h.connectSynced('doc-1', 'alice');
    writer.doc.getText('body').insert(0, 'written, and some deleted');
    writer.doc.getText('body').delete(7, 18);
    const reader = await h.connectSynced('doc-1', 'reader');
    await waitFor(() => reader.text() === 'written', 'reader receives edits');
    // The reader's sync step 2 carries the deletions it knows: no change, so it stays open.
    await flush(reader, writer, 'reader-synced');
    writer.doc.getText('body').insert(7, ' more');
    await waitFor(() => reader.text() === 'written more', 'reader keeps receiving');
    expect(h.collab.stats().connections).toBe(2);
    const rowsBefore = (h.store as MemoryDraftUpdateStore).rowCount('doc-1');

    const codes: number[] = [];
    reader.provider.on('connection-close', (event) => void codes.push(event?.code ?? 0));
    reader.doc.getText('body').insert(0, 'XYZ ');
    reader.doc.getMap('meta').set('hacked', true);
    await waitFor(() => codes.length > 0, 'reader closed');
    expect(codes[0]).toBe(4423);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(codes).toHaveLength(1); // y-websocket does not reconnect after 44xx

    expect(writer.text()).toBe('written more');
    expect(writer.doc.getMap('meta').has('hacked')).toBe(false);
    expect((h.store as MemoryDraftUpdateStore).rowCount('doc-1')).toBe(rowsBefore);
    expect(json(await h.collab.loadDraftDoc('doc-1'))).toEqual({ body: 'written more', meta: {} });
    expect(h.logs.some((line) => line.message === 'collab update refused' && line.fields.kind === 'read-only' && line.fields.userId === 'reader')).toBe(true);
    // A later joiner does not see the reader's local edit either.
    const bob = await h.connectSynced('doc-1', 'bob');
    await waitFor(() => bob.text() === 'written more', 'bob sync');
  });

  it('relays awareness (cursor state) to the other clients and withdraws it when the client leaves', async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#f00' });
    alice.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 5 });
    await waitFor(() => {
      const state = bob.provider.awareness.getStates().get(alice.doc.clientID) as { cursor?: { head: number } } | undefined;
      return state?.cursor?.head === 5;
    }, 'cursor at bob');
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ user: { name: 'Alice' } });
    // A client that joins later gets the current states on connect.
    const carol = await h.connectSynced('doc-1', 'carol');
    await waitFor(() => carol.provider.awareness.getStates().has(alice.doc.clientID), 'carol sees alice');
    alice.provider.disconnect();
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), 'alice left');
  });

  it('answers a lone client\'s awareness renewal, so an idle editor alone on a draft always hears from the server before y-websocket\'s 30 s silence timeout', async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-lone', 'alice');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    let heard = 0;
    alice.provider.ws!.addEventListener('message', () => (heard += 1));
    // What y-protocols does every 15 s for an unchanged local state: the same state, a newer clock.
    alice.provider.awareness.setLocalState(alice.provider.awareness.getLocalState());
    await waitFor(() => heard > 0, 'an answer to the renewal');
    expect(alice.provider.wsconnected).toBe(true);
  });

  it("ignores awareness a connection publishes for another user's client id", async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    const mallory = h.raw('doc-1', 'bob');
    await opened(mallory);
    const spoof = encoding.createEncoder();
    encoding.writeVarUint(spoof, 1);
    encoding.writeVarUint(spoof, alice.doc.clientID);
    encoding.writeVarUint(spoof, 1000);
    encoding.writeVarString(spoof, JSON.stringify({ user: { name: 'Mallory' } }));
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 1);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(spoof));
    mallory.send(encoding.toUint8Array(frame));
    await waitFor(() => h.logs.some((line) => line.message === 'collab awareness for another user ignored'), 'spoof refused');
    // A client joining now gets the server's current awareness states.
    const carol = await h.connectSynced('doc-1', 'carol');
    await waitFor(() => carol.provider.awareness.getStates().has(alice.doc.clientID), 'carol sees alice');
    expect(carol.provider.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ user: { name: 'Alice' } });
    expect(h.collab.stats().connections).toBe(3);
  });

  it('applies server-side edits through the same path (stored, then relayed)', async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    const source = new Y.Doc();
    source.getText('body').insert(0, 'restored');
    const seq = await h.collab.applyServerUpdate('doc-1', Y.encodeStateAsUpdate(source), 'publisher-1');
    expect(seq).toBeGreaterThan(0);
    await waitFor(() => alice.text() === 'restored', 'server edit relayed');
    expect((h.store as MemoryDraftUpdateStore).authors('doc-1')).toContain('publisher-1');
    // With nobody connected, the document is loaded, edited and unloaded again.
    await expect(h.collab.applyServerUpdate('doc-9', Y.encodeStateAsUpdate(source))).resolves.toBeGreaterThan(seq);
    expect((await h.collab.loadDraftDoc('doc-9')).getText('body').toString()).toBe('restored');
    await expect(h.collab.applyServerUpdate('doc-9', new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});

describe('collab server: handshake', () => {
  it('refuses a bad Origin with 403 and never opens', async () => {
    const h = await start();
    const refused = await refusedStatus(h.raw('doc-1', 'alice', 'https://evil.example'));
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('origin');
    expect(h.collab.stats().connections).toBe(0);
  });

  it('refuses what authorize refuses (401, 403, 404) with its status and reason', async () => {
    const h = await start();
    expect(await refusedStatus(h.raw('doc-1', ''))).toEqual({ status: 401, body: 'not signed in\n' });
    expect(await refusedStatus(h.raw('doc-1', 'mallory'))).toEqual({ status: 403, body: 'not a designer of this module\n' });
    expect(await refusedStatus(h.raw('missing', 'alice'))).toEqual({ status: 404, body: 'no such document\n' });
    expect(h.collab.stats()).toEqual({ documents: 0, connections: 0 });
  });

  it('refuses a missing Origin only when requireOrigin is set', async () => {
    const lax = await start();
    await opened(lax.raw('doc-1', 'alice', null));
    const strict = await start({ requireOrigin: true });
    const ws = strict.raw('doc-1', 'alice', null);
    expect((await refusedStatus(ws)).status).toBe(403);
  });

  it('a stock provider refused at the handshake never connects', async () => {
    const h = await start();
    h.access.delete('alice');
    const alice = h.connect('doc-1', 'alice');
    let errors = 0;
    alice.provider.on('connection-error', () => errors++);
    await waitFor(() => errors >= 2, 'two refused attempts');
    expect(alice.provider.wsconnected).toBe(false);
    expect(h.collab.stats().connections).toBe(0);
  });

  it('leaves upgrades outside its path to other handlers', async () => {
    const h = await start();
    h.server.on('upgrade', (request, socket) => {
      if (request.url?.startsWith('/other')) socket.end('HTTP/1.1 418 I\'m a Teapot\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
    const other = new WebSocket(h.url.replace('/collab', '/other'));
    other.on('error', () => undefined);
    expect((await refusedStatus(other)).status).toBe(418);
    // An unusable name under the prefix is ours to refuse.
    const nested = new WebSocket(`${h.url}/a/b?user=alice`, { origin: 'http://designer.test' });
    nested.on('error', () => undefined);
    expect((await refusedStatus(nested)).status).toBe(404);
  });
});

describe('collab server: hostile and broken clients', () => {
  it('closes a connection that sends a message over the cap (4413, so a stock client does not re-upload it) and keeps serving the others', async () => {
    const h = await start({ maxMessageBytes: 16 * 1024 });
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    const big = h.raw('doc-1', 'carol');
    await opened(big);
    const bigDoc = new Y.Doc();
    bigDoc.getText('body').insert(0, 'x'.repeat(64 * 1024));
    big.send(updateFrame(Y.encodeStateAsUpdate(bigDoc)));
    expect((await closed(big)).code).toBe(4413);

    alice.doc.getText('body').insert(0, 'still here');
    await waitFor(() => bob.text() === 'still here', 'others still served');
    expect((await h.collab.loadDraftDoc('doc-1')).getText('body').toString()).toBe('still here');
  });

  it.each([
    ['unknown message type', [9]],
    ['unknown sync message type', [0, 7, 0]],
    ['truncated update', [0, 2, 50, 1, 2]],
    ['garbled update', [0, 2, 3, 1, 200, 7]],
    ['trailing bytes', [3, 0]],
    ['malformed awareness', [1, 3, 1, 1, 1]],
  ])('closes only the connection that sends a malformed message (%s) with 4400', async (_label, bytes) => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    alice.doc.getText('body').insert(0, 'intact');
    await waitFor(() => bob.text() === 'intact', 'initial edit');
    const rows = (h.store as MemoryDraftUpdateStore).rowCount('doc-1');

    const bad = h.raw('doc-1', 'carol');
    await opened(bad);
    bad.send(Uint8Array.from(bytes));
    const { code, reason } = await closed(bad);
    expect(code).toBe(4400);
    expect(reason.length).toBeGreaterThan(0);

    const warning = h.logs.find((line) => line.message === 'collab malformed message');
    expect(warning?.fields).toMatchObject({ document: 'doc-1', userId: 'carol' });
    expect(JSON.stringify(h.logs)).not.toContain('intact');
    expect((h.store as MemoryDraftUpdateStore).rowCount('doc-1')).toBe(rows);

    bob.doc.getText('body').insert(6, '!');
    await waitFor(() => alice.text() === 'intact!', 'others still served');
    expect(h.collab.stats().connections).toBe(2);
  });

  it('closes a connection that sends a text frame with 1003', async () => {
    const h = await start();
    const bad = h.raw('doc-1', 'alice');
    await opened(bad);
    bad.send('hello');
    expect((await closed(bad)).code).toBe(1003);
  });

  it('drops a connection that stops answering pings', async () => {
    const h = await start({ heartbeatEveryMs: 40 });
    const dead = h.raw('doc-1', 'alice');
    await opened(dead);
    await waitFor(() => h.collab.stats().connections === 1, 'connected');
    dead.pause(); // stops reading: no pong
    await waitFor(() => h.collab.stats().connections === 0, 'dead connection dropped', 2000);
    await waitFor(() => h.collab.stats().documents === 0, 'document unloaded');
  });

  it('closes a writer whose update cannot be stored (1011) without applying or relaying it', async () => {
    const inner = new MemoryDraftUpdateStore();
    let failing = false;
    const store: DraftUpdateStore = {
      loadUpdates: (document) => inner.loadUpdates(document),
      loadUpdatesAfter: (document, afterSeq) => inner.loadUpdatesAfter(document, afterSeq),
      appendUpdate: async (document, update, author) => {
        if (failing) throw new Error('disk full');
        return inner.appendUpdate(document, update, author);
      },
      compact: (document, merged, upToSeq) => inner.compact(document, merged, upToSeq),
      setAsideStored: (document, seq, reason) => inner.setAsideStored(document, seq, reason),
      setAsideRefused: (document, update, author, reason) => inner.setAsideRefused(document, update, author, reason),
      listSetAside: (document) => inner.listSetAside(document),
    };
    const h = await start({ store });
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    let code = 0;
    alice.provider.on('connection-close', (event) => {
      code = event?.code ?? -1;
    });
    failing = true;
    alice.doc.getText('body').insert(0, 'lost?');
    await waitFor(() => code !== 0, 'alice closed');
    expect(code).toBe(1011);
    expect(bob.text()).toBe('');
    expect(h.logs.some((line) => line.level === 'error' && line.message === 'collab update not saved')).toBe(true);
    // Once the store works again, the provider's reconnect re-sends the edit through sync.
    failing = false;
    await waitFor(() => bob.text() === 'lost?', 'edit saved after reconnect');
    expect((await h.collab.loadDraftDoc('doc-1')).getText('body').toString()).toBe('lost?');
  });
});

describe('collab server: revocation', () => {
  it('revoke closes matching connections with 4403 within a second, and the provider stops reconnecting', async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    let closedAt = 0;
    let closeCode = 0;
    alice.provider.on('closed', (event) => {
      closedAt = Date.now();
      closeCode = event.code;
    });
    const startedAt = Date.now();
    expect(h.collab.revoke((principal, documentName) => principal.userId === 'alice' && documentName === 'doc-1')).toBe(1);
    await waitFor(() => closedAt !== 0, 'alice closed', 1000);
    expect(closeCode).toBe(4403);
    expect(closedAt - startedAt).toBeLessThan(1000);
    expect(h.collab.stats().connections).toBe(1);
    // Bob is unaffected, and alice's later local edits never arrive.
    alice.doc.getText('body').insert(0, 'after revoke');
    bob.doc.getText('body').insert(0, 'bob');
    await waitFor(async () => (await h.collab.loadDraftDoc('doc-1')).getText('body').toString() === 'bob', 'bob stored');
    expect(alice.provider.shouldConnect).toBe(false);
  });

  it('reauthorize closes a writer downgraded to reader with 4423 (a stock client stops), upgrades a reader in place, and closes with 4403 when access is gone', async () => {
    const h = await start();
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    alice.doc.getText('body').insert(0, 'A');
    await waitFor(() => bob.text() === 'A', 'write while writer');

    let closedEvent: { code: number; reason: string } | undefined;
    alice.provider.on('closed', (event) => (closedEvent = event));
    h.access.set('alice', 'read');
    await h.collab.reauthorize('alice');
    await waitFor(() => closedEvent !== undefined, 'alice closed', 1000);
    expect(closedEvent?.code).toBe(4423);
    expect(alice.provider.shouldConnect).toBe(false);
    alice.doc.getText('body').insert(1, 'B');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bob.text()).toBe('A');
    expect(h.logs.some((line) => line.message === 'collab access changed' && line.fields.to === 'read')).toBe(true);

    // Reopened read-only: receives edits; an upgrade back to write keeps the connection open.
    const reader = await h.connectSynced('doc-1', 'alice');
    bob.doc.getText('body').insert(0, 'b');
    await waitFor(() => reader.text() === 'bA', 'reader receives');
    h.access.set('alice', 'write');
    await h.collab.reauthorize('alice');
    reader.doc.getText('body').insert(2, '!');
    await waitFor(() => bob.text() === 'bA!', 'upgraded reader writes');

    h.access.delete('alice');
    let closeCode = 0;
    reader.provider.on('closed', (event) => {
      closeCode = event.code;
    });
    await h.collab.reauthorize('alice');
    await waitFor(() => closeCode !== 0, 'alice closed', 1000);
    expect(closeCode).toBe(4403);
    expect(h.collab.stats().connections).toBe(1);
  });

  it('the periodic re-check closes connections whose access was withdrawn', async () => {
    const h = await start({ reauthorizeEveryMs: 30 });
    const alice = await h.connectSynced('doc-1', 'alice');
    let closeCode = 0;
    alice.provider.on('closed', (event) => {
      closeCode = event.code;
    });
    h.access.delete('alice');
    await waitFor(() => closeCode !== 0, 'periodic re-check', 2000);
    expect(closeCode).toBe(4403);
  });
});

describe('collab server: durability and compaction', () => {
  it('no client sees an update before the store has it', async () => {
    const inner = new MemoryDraftUpdateStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = 0;
    let appended = 0;
    const store: DraftUpdateStore = {
      loadUpdates: (document) => inner.loadUpdates(document),
      loadUpdatesAfter: (document, afterSeq) => inner.loadUpdatesAfter(document, afterSeq),
      appendUpdate: async (document, update, author) => {
        entered++;
        await gate;
        appended++;
        return inner.appendUpdate(document, update, author);
      },
      compact: (document, merged, upToSeq) => inner.compact(document, merged, upToSeq),
      setAsideStored: (document, seq, reason) => inner.setAsideStored(document, seq, reason),
      setAsideRefused: (document, update, author, reason) => inner.setAsideRefused(document, update, author, reason),
      listSetAside: (document) => inner.listSetAside(document),
    };
    const h = await start({ store });
    const bob = await h.connectSynced('doc-1', 'bob');
    const alice = await h.connectSynced('doc-1', 'alice');
    alice.doc.getText('body').insert(0, 'held');
    await waitFor(() => entered === 1, 'append started');
    // The server keeps serving bob (a full awareness round trip) while alice's update waits.
    await flush(bob, alice, 'bob-round-trip');
    expect(bob.text()).toBe('');
    expect(appended).toBe(0);
    release();
    await waitFor(() => bob.text() === 'held', 'relayed after store');
    expect(appended).toBe(1);
  });

  it('a new server over the same store (restart after kill -9) serves every edit any client had seen', async () => {
    const store = new MemoryDraftUpdateStore();
    const first = await start({ store });
    const alice = await first.connectSynced('doc-1', 'alice');
    const bob = await first.connectSynced('doc-1', 'bob');
    for (let i = 0; i < 20; i++) {
      alice.doc.getText('body').insert(alice.doc.getText('body').length, `${i},`);
      if (i % 5 === 0) bob.doc.getMap('meta').set(`k${i}`, i);
    }
    await waitFor(() => bob.text().endsWith('19,'), 'bob saw every edit');
    await waitFor(() => alice.doc.getMap('meta').size === 4, 'alice saw every edit');
    // The "disk" at this instant: no graceful close, no compaction on disconnect.
    const disk = store.clone();
    const seen = json(bob.doc);

    const second = await start({ store: disk });
    const carol = await second.connectSynced('doc-1', 'carol');
    await waitFor(() => isDeepStrictEqual(json(carol.doc), seen), 'restarted server serves everything');
    expect(json(await second.collab.loadDraftDoc('doc-1'))).toEqual(seen);
  });

  it('compaction keeps the document identical and shrinks the rows (while loaded and on last disconnect)', async () => {
    const store = new MemoryDraftUpdateStore();
    const h = await start({ store, compactAfter: 10 });
    const alice = await h.connectSynced('doc-1', 'alice');
    const bob = await h.connectSynced('doc-1', 'bob');
    for (let i = 0; i < 35; i++) {
      const target = i % 2 === 0 ? alice : bob;
      target.doc.getText('body').insert(0, String(i % 10));
      target.doc.getMap('meta').set(`k${i % 7}`, i);
    }
    await waitFor(() => alice.text().length === 35 && bob.text() === alice.text(), 'all edits through');
    await waitFor(() => isDeepStrictEqual(json(alice.doc), json(bob.doc)), 'maps converged');
    await flush(alice, bob, 'a');
    await flush(bob, alice, 'b');
    // 70 updates went in; rows stay at or below compactAfter + 1.
    expect(store.rowCount('doc-1')).toBeLessThanOrEqual(11);
    const live = await h.collab.loadDraftDoc('doc-1');
    expect(json(live)).toEqual(json(alice.doc));
    expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(alice.doc));

    alice.provider.disconnect();
    bob.provider.disconnect();
    await waitFor(() => h.collab.stats().documents === 0, 'unloaded');
    expect(store.rowCount('doc-1')).toBe(1);
    const compacted = await h.collab.loadDraftDoc('doc-1');
    expect(json(compacted)).toEqual(json(alice.doc));
    expect(Y.encodeStateVector(compacted)).toEqual(Y.encodeStateVector(alice.doc));

    // And it reloads and keeps editing on top of the merged row.
    const carol = await h.connectSynced('doc-1', 'carol');
    expect(carol.text()).toBe(alice.text());
    carol.doc.getText('body').insert(0, 'Z');
    await waitFor(() => store.rowCount('doc-1') === 2, 'append after compaction');
  });

  it('compacts a long log when the document is loaded', async () => {
    const store = new MemoryDraftUpdateStore();
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => void store.appendUpdate('doc-1', update));
    for (let i = 0; i < 30; i++) source.getText('body').insert(i, 'x');
    await waitFor(() => store.rowCount('doc-1') === 30, 'seeded');
    const h = await start({ store, compactAfter: 10 });
    const alice = await h.connectSynced('doc-1', 'alice');
    expect(alice.text()).toBe('x'.repeat(30));
    await waitFor(() => store.rowCount('doc-1') === 1, 'compacted on load');
  });

  it('close() saves what connected clients already sent, compacts and unloads', async () => {
    const store = new MemoryDraftUpdateStore();
    const h = await start({ store });
    const alice = await h.connectSynced('doc-1', 'alice');
    for (let i = 0; i < 5; i++) alice.doc.getText('body').insert(0, 'x');
    await waitFor(() => store.rowCount('doc-1') === 5, 'edits stored');
    await h.collab.close();
    expect(h.collab.stats()).toEqual({ documents: 0, connections: 0 });
    expect((await h.collab.loadDraftDoc('doc-1')).getText('body').toString()).toBe('xxxxx');
    expect(store.rowCount('doc-1')).toBe(1);
  });
});

describe('collab server: Yjs worker threads', () => {
  it('a worker stuck past the time limit is replaced: its drafts close with 1011, reload from the store and keep every stored edit', async () => {
    const workers = createYjsWorkers({ size: 1, callTimeoutMs: 300, testHooks: true });
    try {
      const h = await start({ workers });
      const alice = await h.connectSynced('doc-1', 'alice');
      const bob = await h.connectSynced('doc-1', 'bob');
      alice.doc.getText('body').insert(0, 'kept');
      await waitFor(() => bob.text() === 'kept', 'edit relayed');
      const codes: number[] = [];
      bob.provider.on('connection-close', (event) => void codes.push(event?.code ?? 0));
      // What a pathological update that passed every check would do: hold the worker.
      await expect(workers.busy('doc-1', 1000)).rejects.toThrow(/longer than 300 ms/);
      await waitFor(() => codes.includes(1011), 'bob closed with 1011');
      expect(h.logs.some((line) => line.message === 'collab update not saved')).toBe(false);
      // y-websocket reconnects after 1011; the draft comes back from the store in a new worker.
      await waitFor(() => bob.provider.synced && bob.provider.wsconnected, 'bob reconnected', 5000);
      bob.doc.getText('body').insert(4, '!');
      await waitFor(() => alice.text() === 'kept!', 'editing goes on', 5000);
      expect((await h.collab.loadDraftDoc('doc-1')).getText('body').toString()).toBe('kept!');
    } finally {
      await workers.close();
    }
  });
});
