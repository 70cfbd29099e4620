import { afterEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { ClusterMessage } from '../../cluster/cluster-bus.js';
import { startHarness, waitFor, type Harness } from '../../collab/collab-test-harness.js';
import { loadDraftDoc } from '../../collab/update-store.js';
import { channelFor, createPostgresClusterBus, type PostgresClusterBus } from './postgres-cluster-bus.js';
import { createPostgresDraftUpdateStore } from './postgres-draft-update-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();
/** Waits are long: a busy CI machine starts workers and connections slowly, and a wrong result never arrives at all. */
const PATIENCE_MS = 20_000;
const synced = async (harness: Harness, user: string) => {
  const client = harness.connect('doc', user);
  await waitFor(() => client.provider.synced, `${user} synced`, PATIENCE_MS);
  return client;
};

describe('PostgreSQL cluster bus (LISTEN/NOTIFY)', () => {
  const buses: PostgresClusterBus[] = [];
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.stop();
    for (const bus of buses.splice(0)) await bus.close();
  });
  const busOf = async (opened: { url: string; pool: pg.Pool }) => {
    const bus = createPostgresClusterBus({ url: opened.url, pool: opened.pool, reconnectDelaysMs: [20, 40, 80] });
    buses.push(bus);
    await bus.ready;
    return bus;
  };

  it('delivers an event to every process on the schema, marking the sender\'s own copy local', async () => {
    const opened = await fresh.open();
    const one = await busOf(opened);
    const two = await busOf(opened);
    const heardOne: ClusterMessage[] = [];
    const heardTwo: ClusterMessage[] = [];
    one.subscribe((message) => heardOne.push(message));
    two.subscribe((message) => heardTwo.push(message));
    await one.publish({ kind: 'draft-updated', document: 'panic-week-1', seq: 42 });
    await two.publish({ kind: 'access-changed', personId: 'p-1' });
    await waitFor(() => heardOne.length === 2 && heardTwo.length === 2, 'both heard both', PATIENCE_MS);
    expect(heardTwo).toEqual([
      { event: { kind: 'draft-updated', document: 'panic-week-1', seq: 42 }, local: false },
      { event: { kind: 'access-changed', personId: 'p-1' }, local: true },
    ]);
    expect(heardOne.map((message) => message.local)).toEqual([true, false]);
  });

  it('keeps installations in other schemas apart, and ignores payloads that are not its events', async () => {
    const a = await busOf(await fresh.open());
    const otherSchema = await fresh.open();
    const b = await busOf(otherSchema);
    const heard: ClusterMessage[] = [];
    b.subscribe((message) => heard.push(message));
    await a.publish({ kind: 'access-changed', personId: 'p-1' });
    const schema = (await otherSchema.pool.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema;
    await otherSchema.pool.query('SELECT pg_notify($1, $2)', [channelFor(schema), 'not json']);
    await otherSchema.pool.query('SELECT pg_notify($1, $2)', [channelFor(schema), JSON.stringify({ o: 'x', e: { kind: 'draft-updated', document: 'd', seq: -1 } })]);
    await b.publish({ kind: 'access-changed', personId: 'p-2' });
    await waitFor(() => heard.length > 0, 'b heard its own', PATIENCE_MS);
    expect(heard.map((message) => message.event)).toEqual([{ kind: 'access-changed', personId: 'p-2' }]);
  });

  it('listens again after its connection is killed, and says so, so listeners read on from their last seq', async () => {
    const opened = await fresh.open();
    const one = await busOf(opened);
    const two = await busOf(opened);
    let resumed = 0;
    two.onResumed(() => resumed++);
    const heard: ClusterMessage[] = [];
    two.subscribe((message) => heard.push(message));
    const schema = (await opened.pool.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema;
    const killed = await opened.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [`LISTEN "${channelFor(schema)}"`]);
    expect(killed.rowCount).toBeGreaterThanOrEqual(2);
    await waitFor(() => resumed === 1, 'two resumed', PATIENCE_MS);
    await one.publish({ kind: 'access-changed', personId: 'after' });
    await waitFor(() => heard.length === 1, 'heard after reconnecting', PATIENCE_MS);
  });

  it('brings an edit stored by one process to an editor of another through the store', async () => {
    const opened = await fresh.open();
    const store = createPostgresDraftUpdateStore(opened.pool, () => '2026-01-01T00:00:00.000Z');
    const one = await startHarness({ store, bus: await busOf(opened) });
    const two = await startHarness({ store, bus: await busOf(opened) });
    harnesses.push(one, two);
    const alice = await synced(one, 'alice');
    const bob = await synced(two, 'bob');
    // Larger than a NOTIFY payload may be: only (document, seq) travels, the update is read from the table.
    const big = 'x'.repeat(20_000);
    alice.doc.getText('body').insert(0, big);
    await waitFor(() => bob.text() === big, 'bob sees the large edit', PATIENCE_MS);
    bob.doc.getText('body').insert(0, 'B');
    await waitFor(() => alice.text() === `B${big}`, 'alice sees bob', PATIENCE_MS);
    expect((await loadDraftDoc(store, 'doc')).getText('body').toString()).toBe(`B${big}`);
  });

  it('shows who is in a draft across processes over LISTEN/NOTIFY, a presence larger than one notice included', async () => {
    const opened = await fresh.open();
    const store = createPostgresDraftUpdateStore(opened.pool, () => '2026-01-01T00:00:00.000Z');
    const one = await startHarness({ store, bus: await busOf(opened) });
    const two = await startHarness({ store, bus: await busOf(opened) });
    harnesses.push(one, two);
    const alice = await synced(one, 'alice');
    const bob = await synced(two, 'bob');
    const nameOf = (client: typeof alice, id: number) => (client.provider.awareness.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice', 'bob sees alice', PATIENCE_MS);
    // A state beyond what one notice carries (8000 bytes) travels in parts and arrives whole.
    alice.provider.awareness.setLocalStateField('user', { name: 'A'.repeat(9_000) });
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'A'.repeat(9_000), 'bob sees the long name', PATIENCE_MS);
    const notes = Array.from({ length: 400 }, (_, index) => `note ${index}: ${'ø'.repeat(60)}`);
    alice.provider.awareness.setLocalStateField('notes', notes);
    await waitFor(() => JSON.stringify((bob.provider.awareness.getStates().get(alice.doc.clientID) as { notes?: unknown } | undefined)?.notes) === JSON.stringify(notes), 'bob sees a 40 kB state', PATIENCE_MS);
    expect(one.logs.filter((line) => line.message === 'collab presence too large to share with other processes')).toEqual([]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice again' });
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice again', 'bob sees the renewed name', PATIENCE_MS);
    alice.provider.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), 'alice gone on two', PATIENCE_MS);
  });
});
