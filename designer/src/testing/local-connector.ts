import * as Y from 'yjs';
import type { CollabConnection, CollabConnector, ConnectionState } from '../program/collab-connection.js';

/**
 * A collaboration "server" in memory for tests: one shared Y.Doc that every connected doc syncs
 * with, update by update, and a switch to take the network down and up again.
 *
 * @example
 * const server = new LocalCollabServer(seededDoc); editor.connector = server.connector;
 */
export class LocalCollabServer {
  readonly doc: Y.Doc;
  online = true;
  readonly #clients = new Set<{ doc: Y.Doc; setState(state: ConnectionState): void }>();

  constructor(doc: Y.Doc) {
    this.doc = doc;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (!this.online) return;
      for (const client of this.#clients) if (client.doc !== origin) Y.applyUpdate(client.doc, update, this);
    });
  }

  readonly connector: CollabConnector = (_documentId, doc) => {
    const listeners = new Set<() => void>();
    let state: ConnectionState = 'connecting';
    let synced = false;
    const client = {
      doc,
      setState: (next: ConnectionState) => {
        state = next;
        if (next === 'connected') {
          Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(doc), doc);
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.doc), this);
          synced = true;
        }
        listeners.forEach((listener) => listener());
      },
    };
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.online && state === 'connected') Y.applyUpdate(this.doc, update, doc);
    };
    doc.on('update', onUpdate);
    this.#clients.add(client);
    queueMicrotask(() => client.setState(this.online ? 'connected' : 'disconnected'));
    const connection: CollabConnection = {
      get state() {
        return state;
      },
      get synced() {
        return synced;
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      destroy: () => {
        doc.off('update', onUpdate);
        this.#clients.delete(client);
      },
    };
    return connection;
  };

  /** Takes every client offline (edits stay local) or back online (they sync both ways). */
  setOnline(online: boolean): void {
    this.online = online;
    for (const client of this.#clients) client.setState(online ? 'connected' : 'disconnected');
  }
}
