import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterBusStartError, createPostgresClusterBus } from './postgres-cluster-bus.js';

/** A "database" that takes every connection and never says a word. */
async function silentServer(): Promise<{ url: string; sockets: Set<Socket>; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `postgres://careloom@127.0.0.1:${address.port}/careloom`, sockets, server };
}

describe('the cluster bus at start, when the database never answers', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('refuses within its time-out with an error that says what to check, and stops trying', async () => {
    const silent = await silentServer();
    const pool = new pg.Pool({ connectionString: silent.url });
    cleanups.push(async () => {
      for (const socket of silent.sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.server.close(() => resolve()));
      await pool.end().catch(() => undefined);
    });
    const problems: string[] = [];
    const bus = createPostgresClusterBus({ url: silent.url, pool, firstListenTimeoutMs: 800, attemptTimeoutMs: 200, reconnectDelaysMs: [20], onProblem: (message) => problems.push(message) });
    const started = Date.now();
    const refusal = await bus.ready.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ClusterBusStartError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    const message = (refusal as Error).message;
    expect(message).toMatch(/did not let this process LISTEN .* within 800 ms/);
    expect(message).toMatch(/last problem: (.*timeout|the connection was not accepted yet)/i);
    expect(message).toMatch(/PgBouncer/);
    // It tried more than once before giving up, and gives up for good: no further connection is opened.
    expect(problems.filter((problem) => problem === 'Cluster bus could not listen yet').length).toBeGreaterThanOrEqual(2);
    const tried = problems.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(problems.length).toBe(tried);
    await expect(bus.publish({ kind: 'access-changed', personId: 'p-1' })).resolves.toBeUndefined();
  });

  it('does not crash the process when nobody waits for it to be ready', async () => {
    const silent = await silentServer();
    const pool = new pg.Pool({ connectionString: silent.url });
    const bus = createPostgresClusterBus({ url: silent.url, pool, firstListenTimeoutMs: 100, attemptTimeoutMs: 50 });
    cleanups.push(async () => {
      await bus.close();
      for (const socket of silent.sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.server.close(() => resolve()));
      await pool.end().catch(() => undefined);
    });
    // An unhandled rejection would fail this test file.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
});
