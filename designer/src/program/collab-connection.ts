import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** A live link between a local Y.Doc and the server's draft; what the editors need to know of it. */
export interface CollabConnection {
  readonly state: ConnectionState;
  /** Whether the doc has received the server's state at least once since connecting. */
  readonly synced: boolean;
  /** Calls `listener` on every change of state or synced; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  destroy(): void;
}

/** Opens the connection of one document; editors take one as a property, so tests can pass a local one. */
export type CollabConnector = (documentId: string, doc: Y.Doc) => CollabConnection;

/** ws(s)://host of the page, where the server's `/collab/<documentId>` endpoint is. */
export function pageWebSocketOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}

/**
 * Connects through the stock y-websocket `WebsocketProvider` (standard sync and awareness
 * protocol); the session cookie authenticates the WebSocket. It reconnects by itself, and edits
 * made while offline are sent when it does.
 *
 * @example
 * const connection = websocketConnector()('panic-icbt-8-weeks', new Y.Doc());
 */
export function websocketConnector(origin: string = pageWebSocketOrigin()): CollabConnector {
  return (documentId, doc) => {
    const provider = new WebsocketProvider(`${origin}/collab`, documentId, doc);
    const listeners = new Set<() => void>();
    let state: ConnectionState = 'connecting';
    const notify = () => listeners.forEach((listener) => listener());
    provider.on('status', (event: { status: ConnectionState }) => {
      state = event.status;
      notify();
    });
    provider.on('sync', notify);
    return {
      get state() {
        return state;
      },
      get synced() {
        return provider.synced;
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      destroy() {
        listeners.clear();
        provider.destroy();
      },
    };
  };
}
