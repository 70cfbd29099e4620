import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClusterBus } from '../cluster/in-process-cluster-bus.js';
import { createTestClusterNetwork } from '../cluster/test-cluster-network.js';
import { startHarness, waitFor, type Harness } from './collab-test-harness.js';
import { MemoryDraftUpdateStore } from './memory-update-store.js';
import { MESSAGE_COMMENTS_CHANGED } from './protocol.js';
import { loadDraftDoc } from './update-store.js';

/** Waits are long: a busy CI machine starts workers and connections slowly, and a wrong result never arrives at all. */
const PATIENCE_MS = 20_000;
const synced = async (harness: Harness, user: string) => {
  const client = harness.connect('doc', user);
  await waitFor(() => client.provider.synced, `${user} synced`, PATIENCE_MS);
  return client;
};

// Two or three collaboration servers on one store stand for processes on one database; the test
// network stands for LISTEN/NOTIFY (the PostgreSQL bus has its own suite, run by npm run test:pg).
describe('collaboration across processes (cluster bus)', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.stop();
  });
  const start = async (options: Parameters<typeof startHarness>[0]) => {
    const harness = await startHarness(options);
    harnesses.push(harness);
    return harness;
  };

  it('relays an edit stored by one process to editors connected to another, both ways', async () => {
    const store = new MemoryDraftUpdateStore();
    const network = createTestClusterNetwork();
    const one = await start({ store, bus: network.bus() });
    const two = await start({ store, bus: network.bus() });
    const alice = await synced(one, 'alice');
    const bob = await synced(two, 'bob');
    alice.doc.getText('body').insert(0, 'hello');
    await waitFor(() => bob.text() === 'hello', 'bob sees alice', PATIENCE_MS);
    bob.doc.getText('body').insert(5, ' world');
    await waitFor(() => alice.text() === 'hello world', 'alice sees bob', PATIENCE_MS);
    // Each edit is stored once, by the process it was sent to.
    expect((await loadDraftDoc(store, 'doc')).getText('body').toString()).toBe('hello world');
    expect((await store.loadUpdates('doc')).updates.length).toBe(2);
  });

  it('catches up from the last seen seq after missing notifications, and compacts without losing a row', async () => {
    const store = new MemoryDraftUpdateStore();
    const network = createTestClusterNetwork();
    const deafBus = network.bus();
    const one = await start({ store, bus: network.bus(), compactAfter: 3 });
    const two = await start({ store, bus: deafBus, compactAfter: 3 });
    const alice = await synced(one, 'alice');
    const bob = await synced(two, 'bob');
    deafBus.deaf = true;
    for (const word of ['a', 'b', 'c', 'd', 'e']) alice.doc.getText('body').insert(alice.text().length, word);
    await waitFor(async () => (await loadDraftDoc(store, 'doc')).getText('body').toString() === 'abcde', 'stored', PATIENCE_MS);
    // Bob's process stores an edit of its own while it has not seen alice's: its compaction must not
    // fold away rows its doc lacks.
    bob.doc.getText('body').insert(0, 'X');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bob.text()).toBe('X');
    deafBus.resume();
    // Where the concurrent 'X' lands among alice's letters is Yjs's choice (by client id); all that
    // matters is that both hold all six, alike.
    const both = (text: string) => text.length === 6 && text.includes('X') && text.replace('X', '') === 'abcde';
    await waitFor(() => both(bob.text()), 'bob caught up', PATIENCE_MS);
    await waitFor(() => alice.text() === bob.text(), 'alice sees bob', PATIENCE_MS);
    bob.doc.getText('body').insert(6, '!');
    const final = `${bob.text()}`;
    expect(final.endsWith('!')).toBe(true);
    await waitFor(() => alice.text() === final, 'alice sees the last edit', PATIENCE_MS);
    await waitFor(async () => (await loadDraftDoc(store, 'doc')).getText('body').toString() === final, 'store holds everything', PATIENCE_MS);
  });

  it('on the in-process bus (one process, SQLite) nothing is announced and relaying stays local', async () => {
    const store = new MemoryDraftUpdateStore();
    const bus = createInProcessClusterBus();
    const heard: unknown[] = [];
    bus.subscribe((message) => heard.push(message));
    const one = await start({ store, bus });
    const alice = await synced(one, 'alice');
    const carol = await synced(one, 'carol');
    alice.doc.getText('body').insert(0, 'hi');
    await waitFor(() => carol.text() === 'hi', 'carol sees alice', PATIENCE_MS);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual([]);
  });

  it('shows who is in a draft on every process: presence travels, a newcomer elsewhere sees it at once, and a leaver goes everywhere', { timeout: 90_000 }, async () => {
    const store = new MemoryDraftUpdateStore();
    const network = createTestClusterNetwork();
    const one = await start({ store, bus: network.bus() });
    const two = await start({ store, bus: network.bus() });
    const alice = await synced(one, 'alice');
    const bob = await synced(two, 'bob');
    const names = (client: typeof alice) => [...client.provider.awareness.getStates().values()].map((state) => (state as { user?: { name?: string } }).user?.name).filter(Boolean).sort();
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    await waitFor(() => names(bob).join() === 'Alice,Bob', 'bob sees alice', PATIENCE_MS);
    await waitFor(() => names(alice).join() === 'Alice,Bob', 'alice sees bob', PATIENCE_MS);
    // Carol opens the draft on a third process: she sees both without waiting for their renewal.
    const three = await start({ store, bus: network.bus() });
    const carol = await synced(three, 'carol');
    await waitFor(() => names(carol).join() === 'Alice,Bob', 'carol sees both', PATIENCE_MS);
    // A cursor move travels as well.
    alice.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    await waitFor(() => [...carol.provider.awareness.getStates().values()].some((state) => (state as { cursor?: { anchor: number } }).cursor?.anchor === 3), 'carol sees the cursor', PATIENCE_MS);
    // Alice leaves: gone on the other processes too.
    alice.provider.destroy();
    await waitFor(() => names(bob).join() === 'Bob' && names(carol).join() === 'Bob', 'alice gone everywhere', PATIENCE_MS);
  });

  it('does not let an editor on one process speak for another person\'s presence on another', async () => {
    const store = new MemoryDraftUpdateStore();
    const network = createTestClusterNetwork();
    const one = await start({ store, bus: network.bus() });
    const two = await start({ store, bus: network.bus() });
    const alice = await synced(one, 'alice');
    const bob = await synced(two, 'bob');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), 'bob sees alice', PATIENCE_MS);
    // Bob's client claims Alice's client id on process two: ignored, and Alice's state stays hers.
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const forged = new Awareness(new (await import('yjs')).Doc());
    forged.clientID = alice.doc.clientID;
    forged.setLocalState({ user: { name: 'Mallory' } });
    const bytes = encodeAwarenessUpdate(forged, [alice.doc.clientID]);
    forged.destroy();
    const encoding = await import('lib0/encoding');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, bytes);
    (bob.provider.ws as unknown as { send(data: Uint8Array): void }).send(encoding.toUint8Array(encoder));
    await waitFor(() => two.logs.some((line) => line.message === 'collab awareness for another user ignored'), 'refused on two', PATIENCE_MS);
    expect((alice.provider.awareness.getStates().get(alice.doc.clientID) as { user: { name: string } }).user.name).toBe('Alice');
    expect((bob.provider.awareness.getStates().get(alice.doc.clientID) as { user: { name: string } }).user.name).toBe('Alice');
  });

  it('tells the editors of a draft that its comments changed, on every process, only those that asked and only for that draft', async () => {
    const store = new MemoryDraftUpdateStore();
    const network = createTestClusterNetwork();
    const one = await start({ store, bus: network.bus() });
    const two = await start({ store, bus: network.bus() });
    const heard = new Map<string, number>();
    const listen = async (harness: Harness, user: string, document: string, notices: boolean) => {
      const client = harness.connect(document, user, notices ? { notices: 'comments' } : {});
      client.provider.messageHandlers[MESSAGE_COMMENTS_CHANGED] = () => void heard.set(`${user}:${document}`, (heard.get(`${user}:${document}`) ?? 0) + 1);
      await waitFor(() => client.provider.synced, `${user} synced`, PATIENCE_MS);
    };
    await listen(one, 'alice', 'doc', true);
    await listen(two, 'bob', 'doc', true);
    await listen(two, 'reader', 'doc', true);
    // A stock client (no notices asked for), and an editor of another draft.
    await listen(one, 'carol', 'doc', false);
    await listen(two, 'carol', 'other', true);
    one.collab.commentsChanged('doc');
    await waitFor(() => heard.get('alice:doc') === 1 && heard.get('bob:doc') === 1 && heard.get('reader:doc') === 1, 'every editor of doc heard once', PATIENCE_MS);
    two.collab.commentsChanged('doc');
    await waitFor(() => heard.get('alice:doc') === 2 && heard.get('bob:doc') === 2, 'heard from the other process', PATIENCE_MS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard.get('carol:doc')).toBeUndefined();
    expect(heard.get('carol:other')).toBeUndefined();
    // A draft nobody has open: nothing to tell, nothing fails.
    one.collab.commentsChanged('nobody-here');
  });
});
