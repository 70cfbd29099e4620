import type { ClusterBus, ClusterMessage } from './cluster-bus.js';

/**
 * The bus of a process that has its database to itself (SQLite): events go to this process's own
 * listeners, on a later turn of the event loop (as they would over a database), and `shared` is
 * false, so the collaboration server relays within the process as it always has.
 *
 * @example
 * const bus = createInProcessClusterBus();
 * bus.subscribe(({ event }) => console.log(event.kind));
 */
export function createInProcessClusterBus(onListenerError: (error: unknown) => void = () => undefined): ClusterBus {
  const listeners = new Set<(message: ClusterMessage) => void>();
  let closed = false;
  return {
    shared: false,
    async publish(event) {
      if (closed) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const listener of [...listeners]) {
        try {
          listener({ event, local: true });
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResumed: () => () => undefined,
    async close() {
      closed = true;
      listeners.clear();
    },
  };
}
