import type { ClusterBus, ClusterEvent, ClusterMessage } from './cluster-bus.js';

/**
 * For tests: several "processes" in one, each with a shared bus on one network, as PostgreSQL
 * LISTEN/NOTIFY would connect them. `deaf` makes one bus miss what is sent (a lost listening
 * connection) until `resume` tells it to catch up.
 */
export function createTestClusterNetwork() {
  const members = new Set<{ listeners: Set<(message: ClusterMessage) => void>; resumed: Set<() => void>; deaf: boolean }>();
  return {
    bus(): ClusterBus & { deaf: boolean; resume(): void } {
      const member = { listeners: new Set<(message: ClusterMessage) => void>(), resumed: new Set<() => void>(), deaf: false };
      members.add(member);
      return {
        shared: true,
        get deaf() {
          return member.deaf;
        },
        set deaf(value: boolean) {
          member.deaf = value;
        },
        async publish(event: ClusterEvent) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          for (const other of members) {
            if (other.deaf) continue;
            for (const listener of other.listeners) listener({ event, local: other === member });
          }
        },
        subscribe(listener) {
          member.listeners.add(listener);
          return () => member.listeners.delete(listener);
        },
        onResumed(listener) {
          member.resumed.add(listener);
          return () => member.resumed.delete(listener);
        },
        resume() {
          member.deaf = false;
          for (const listener of member.resumed) listener();
        },
        async close() {
          members.delete(member);
        },
      };
    },
  };
}
