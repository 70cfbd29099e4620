import { connect, createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../collab/collab-test-harness.js';
import { openStores } from '../open-stores.js';
import { ClusterBusStartError } from './postgres-cluster-bus.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

/**
 * A proxy in front of the real server that passes everything on except a query containing LISTEN,
 * which it swallows: the connection and the migrations work, and the LISTEN never answers (as it
 * can when a pooler or a stuck server sits between).
 */
async function listenSwallowingProxy(target: URL) {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      // 'Q' is a simple query message; pg sends LISTEN as one.
      if (chunk[0] === 0x51 && chunk.includes('LISTEN')) return;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url(via: string) {
      const url = new URL(via);
      url.hostname = '127.0.0.1';
      url.port = String(address.port);
      return url.toString();
    },
    open,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('starting on PostgreSQL when LISTEN never answers', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('refuses the start with a ClusterBusStartError instead of hanging, and leaves no connection open', async () => {
    const { url } = await fresh.open();
    const proxy = await listenSwallowingProxy(new URL(url));
    closers.push(() => proxy.close());
    const problems: string[] = [];
    const opening = openStores({ databaseFile: ':memory:', databaseUrl: proxy.url(url) }, { firstListenTimeoutMs: 2_500, onStorageProblem: (message) => problems.push(message) });
    await expect(opening).rejects.toBeInstanceOf(ClusterBusStartError);
    await expect(opening).rejects.toThrow(/LISTEN .*within 2500 ms.*last problem: LISTEN was sent and not answered/s);
    // The pool and every listening attempt are closed: nothing stays connected through the proxy.
    await waitFor(() => proxy.open.size === 0, 'every connection closed', 10_000);
  });

  it('starts as before when LISTEN answers', async () => {
    const { url } = await fresh.open();
    const { stores, bus, kind } = await openStores({ databaseFile: ':memory:', databaseUrl: url }, { firstListenTimeoutMs: 10_000 });
    expect(kind).toBe('postgresql');
    expect(bus.shared).toBe(true);
    await stores.close();
  });
});
