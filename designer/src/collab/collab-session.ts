import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** How the draft is connected to the server. */
export type ConnectionState = 'connecting' | 'connected' | 'offline';

/**
 * Why the server stopped this connection for good (the session then no longer edits or reconnects):
 * - read-only: the person may only read this draft (now, or the connection was read-only);
 * - too-large: the last change was larger than the server takes;
 * - refused: the server could not accept the last change;
 * - too-many-refusals: too many changes were refused lately; the server takes none for a while;
 * - no-access: the person may no longer open this draft.
 */
export type StopReason = 'read-only' | 'too-large' | 'refused' | 'too-many-refusals' | 'no-access';

/** The server's close codes (runtime/src/collab/collab-server.ts) that stop a session, and why. */
export const STOP_CODES: Readonly<Record<number, StopReason>> = {
  4400: 'refused',
  4403: 'no-access',
  4413: 'too-large',
  4423: 'read-only',
  4429: 'too-many-refusals',
};

/** The person at this keyboard, as others see them. */
export interface CollabUser {
  id: string;
  name: string;
  color: string;
}

/**
 * What carries the draft to and from the server: y-websocket's `WebsocketProvider` fits as it is.
 * Tests leave it out and sync two docs by hand.
 */
export interface CollabTransport {
  on(event: 'status', listener: (event: { status: 'connected' | 'disconnected' | 'connecting' }) => void): void;
  on(event: 'sync', listener: (synced: boolean) => void): void;
  /** The socket closed; `code` says why (y-websocket passes the CloseEvent). */
  on(event: 'connection-close', listener: (event: { code: number } | null) => void): void;
  off(event: 'status' | 'sync' | 'connection-close', listener: (...args: never[]) => void): void;
  /** Stops connecting (for good, until the draft is opened again). */
  disconnect(): void;
  destroy(): void;
}

export interface CollabSessionOptions {
  doc: Y.Doc;
  awareness: Awareness;
  user: CollabUser;
  /** The person may only read (the server closes a reader that sends an edit); the editor then disables every control. */
  readOnly?: boolean;
  transport?: CollabTransport;
  /** The draft's root map, which undo covers: `module` (default) or `program`. */
  root?: 'module' | 'program';
}

/**
 * One open draft: the Y.Doc, awareness with the local user, the connection state, and a per-user
 * undo manager. Every local edit goes through {@link CollabSession.transact} so that it carries
 * {@link CollabSession.origin}: the undo manager tracks only that origin and the rich-text
 * binding's, so undo never takes back another editor's work.
 *
 * @example
 * const session = new CollabSession({ doc, awareness: new Awareness(doc), user });
 * session.transact(() => pages.push([page]));
 * session.undoManager.undo();
 */
export class CollabSession {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly user: CollabUser;
  /** Origin of this person's structured edits (rich text uses y-tiptap's own origin). */
  readonly origin = { name: 'careloom-local-edit' };
  readonly undoManager: Y.UndoManager;
  #connection: ConnectionState;
  #synced: boolean;
  readonly #readOnlyFromStart: boolean;
  #stopped: StopReason | undefined;
  readonly #transport: CollabTransport | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #commentListeners = new Set<() => void>();

  constructor(options: CollabSessionOptions) {
    this.doc = options.doc;
    this.awareness = options.awareness;
    this.user = options.user;
    this.#readOnlyFromStart = options.readOnly ?? false;
    this.#transport = options.transport;
    this.#connection = options.transport ? 'connecting' : 'connected';
    this.#synced = !options.transport;
    this.undoManager = new Y.UndoManager(this.doc.getMap(options.root ?? 'module'), {
      trackedOrigins: new Set<unknown>([this.origin, ySyncPluginKey]),
      captureTimeout: 400,
    });
    this.awareness.setLocalStateField('user', { ...options.user });
    this.undoManager.on('stack-item-added', this.#notify);
    this.undoManager.on('stack-item-popped', this.#notify);
    this.undoManager.on('stack-cleared', this.#notify);
    options.transport?.on('status', this.#onStatus);
    options.transport?.on('sync', this.#onSync);
    options.transport?.on('connection-close', this.#onClose);
  }

  /** Whether this person may not edit here: a reader from the start, or stopped by the server. */
  get readOnly(): boolean {
    return this.#readOnlyFromStart || this.#stopped !== undefined;
  }

  /** Why the server stopped the connection for good, if it did (see {@link StopReason}). */
  get stopped(): StopReason | undefined {
    return this.#stopped;
  }

  /**
   * Ends the connection for `reason`: no more edits or reconnecting; the editor turns read-only and
   * says why. The transport's close codes call it; the editor calls it when the server refuses
   * the person at the door (a browser sees no HTTP status there, so the editor asks the API).
   */
  stop(reason: StopReason): void {
    if (this.#stopped) return;
    this.#stopped = reason;
    this.#transport?.disconnect();
    this.#connection = 'offline';
    this.#notify();
  }

  get connection(): ConnectionState {
    return this.#connection;
  }

  /** Whether the first exchange with the server has completed (always true without a transport). */
  get synced(): boolean {
    return this.#synced;
  }

  /** Runs local edits as one transaction with this person's origin (undoable, sent to others). */
  transact(edit: () => void): void {
    if (this.readOnly) return;
    this.doc.transact(edit, this.origin);
  }

  /** Tells the others which page and block this person is on. */
  setLocation(pageId: string | null, blockId: string | null): void {
    const state = this.awareness.getLocalState() ?? {};
    if (state['page'] === pageId && state['block'] === blockId) return;
    this.awareness.setLocalState({ ...state, page: pageId, block: blockId });
  }

  /** Listens for connection, sync and undo-stack changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Listens for "the draft's review comments may have changed": the server's notice that one was
   * added, answered, resolved or reopened, and every (re)connection, since notices sent while the
   * connection was down are lost. Returns the unsubscribe.
   */
  onCommentsChanged(listener: () => void): () => void {
    this.#commentListeners.add(listener);
    return () => this.#commentListeners.delete(listener);
  }

  /** For the transport: the server said the draft's review comments changed. */
  commentsChanged(): void {
    for (const listener of this.#commentListeners) listener();
  }

  /** For tests and the transport's events: sets the connection state. */
  setConnection(state: ConnectionState): void {
    if (state === this.#connection) return;
    this.#connection = state;
    this.#notify();
  }

  destroy(): void {
    this.#transport?.off('status', this.#onStatus);
    this.#transport?.off('sync', this.#onSync);
    this.#transport?.off('connection-close', this.#onClose);
    this.undoManager.destroy();
    this.awareness.setLocalState(null);
    this.#transport?.destroy();
    this.#listeners.clear();
    this.#commentListeners.clear();
  }

  readonly #notify = (): void => {
    for (const listener of this.#listeners) listener();
  };

  readonly #onClose = (event: { code: number } | null): void => {
    const reason = event ? STOP_CODES[event.code] : undefined;
    if (reason) this.stop(reason);
  };

  readonly #onStatus = (event: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (this.#stopped) return;
    // y-websocket reports 'connecting' on every retry; once a connection was lost that is "offline".
    const next: ConnectionState = event.status === 'connected' ? 'connected' : event.status === 'connecting' && this.#connection === 'connecting' ? 'connecting' : 'offline';
    const reconnected = next === 'connected' && this.#connection !== 'connected';
    this.setConnection(next);
    if (reconnected) this.commentsChanged();
  };

  readonly #onSync = (synced: boolean): void => {
    if (synced === this.#synced) return;
    this.#synced = synced;
    this.#notify();
  };
}

/**
 * A session for a local doc (tests, previews of a file): no server, always "connected".
 *
 * @example
 * const session = localSession(moduleToYDoc(module), { id: 'a', name: 'Anna', color: '#1f5fbf' });
 */
export function localSession(doc: Y.Doc, user: CollabUser, options: { awareness?: Awareness; readOnly?: boolean; root?: 'module' | 'program' } = {}): CollabSession {
  return new CollabSession({ doc, user, awareness: options.awareness ?? new Awareness(doc), readOnly: options.readOnly ?? false, root: options.root ?? 'module' });
}
