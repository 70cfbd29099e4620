import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type { CollabSession } from './collab-session.js';
import type { Peer } from './presence.js';

/** What the controller needs of its editor: the `session` property it keeps (tests hand one in). */
export interface CollabSessionHost extends ReactiveControllerHost {
  session: CollabSession | undefined;
  readonly hasUpdated: boolean;
}

export interface CollabSessionControllerOptions<P extends Peer> {
  /** The draft being edited (the server's read-only verdict is remembered per draft). */
  documentId(): string;
  /**
   * Opens the live draft, read-only when `readOnly` (the server said so before a reload);
   * undefined when it cannot be opened yet (no workspace, no document id).
   */
  open(readOnly: boolean): CollabSession | undefined | Promise<CollabSession | undefined>;
  /** The other editors, read from the awareness on every change. */
  peersOf(awareness: Awareness): P[];
  /** The editor's own listeners on a session just attached; returns what undoes them. */
  attached?(session: CollabSession): Array<() => void>;
}

/**
 * The collaboration session of an editor (the module editor and the program editor): opens the
 * live draft when the element is in the page and has a document, follows its connection state
 * and the other editors (`peers`), and lets everything go when the element leaves the page,
 * destroying the session it opened itself (the socket, the awareness). A session handed in by
 * the caller (tests) is followed but never destroyed. After the server stopped the connection,
 * `reload()` opens the draft again, read-only when the server said the person may only read.
 *
 * @example
 * readonly #collab = new CollabSessionController(this, { documentId: () => this.documentId, open: (readOnly) => openCollabSession({ … }), peersOf });
 * protected override willUpdate() { this.#collab.follow(); }
 */
export class CollabSessionController<P extends Peer = Peer> implements ReactiveController {
  readonly #host: CollabSessionHost;
  readonly #options: CollabSessionControllerOptions<P>;
  #attached: CollabSession | undefined;
  #owned = false;
  #connected = false;
  #detach: Array<() => void> = [];
  /** The draft whose session is being opened now (one at a time). */
  #opening: string | undefined;
  /** The server said this person may only read this draft (4423): it reopens read-only. */
  #readOnlyDocument: string | undefined;
  #peers: readonly P[] = [];

  constructor(host: CollabSessionHost, options: CollabSessionControllerOptions<P>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The other editors of the draft now. */
  get peers(): readonly P[] {
    return this.#peers;
  }

  /** Whether the session was opened here (and is destroyed here), rather than handed in. */
  get owned(): boolean {
    return this.#owned;
  }

  /** The session whose events the editor follows now (for tests). */
  get attached(): CollabSession | undefined {
    return this.#attached;
  }

  hostConnected(): void {
    this.#connected = true;
    if (!this.#host.hasUpdated) return;
    if (this.#host.session && !this.#attached) this.#attach(this.#host.session);
    else if (!this.#host.session) void this.open();
  }

  hostDisconnected(): void {
    this.#connected = false;
    const owned = this.#owned;
    this.#attach(undefined);
    if (owned) this.#host.session = undefined;
  }

  /** Follows a session handed in through the host's `session` property (call from `willUpdate`). */
  follow(): void {
    if (this.#host.session !== this.#attached) this.#attach(this.#host.session);
  }

  /** Opens the draft unless a session was handed in (call when the document or the workspace changes). */
  async open(): Promise<void> {
    if (!this.#connected || (this.#host.session && !this.#owned)) return;
    const documentId = this.#options.documentId();
    if (!documentId || this.#opening === documentId) return;
    this.#opening = documentId;
    try {
      const session = await this.#options.open(this.#readOnlyDocument === documentId);
      if (!session) return;
      // The element left the page, or moved to another draft, while the session was being opened.
      if (!this.#connected || this.#options.documentId() !== documentId) {
        session.destroy();
        return;
      }
      this.#attach(session);
      this.#owned = true;
      this.#host.session = session;
    } finally {
      if (this.#opening === documentId) this.#opening = undefined;
    }
  }

  /**
   * Opens the draft again after the server stopped the connection: what is saved, from the
   * server. Returns false for a session handed in (the caller reopens that one).
   */
  reload(): boolean {
    const session = this.#attached;
    if (session?.stopped === 'read-only') this.#readOnlyDocument = this.#options.documentId();
    if (!this.#owned) return false;
    this.#attach(undefined);
    this.#host.session = undefined;
    void this.open();
    return true;
  }

  #attach(session: CollabSession | undefined): void {
    for (const detach of this.#detach.splice(0)) detach();
    if (this.#attached && this.#owned && this.#attached !== session) this.#attached.destroy();
    if (this.#attached !== session) this.#owned = false;
    this.#attached = session;
    if (!session) {
      this.#peers = [];
      return;
    }
    const onAwareness = (): void => {
      this.#peers = this.#options.peersOf(session.awareness);
      this.#host.requestUpdate();
    };
    session.awareness.on('change', onAwareness);
    const unsubscribe = session.subscribe(() => this.#host.requestUpdate());
    this.#detach.push(() => session.awareness.off('change', onAwareness), unsubscribe);
    this.#peers = this.#options.peersOf(session.awareness);
    this.#detach.push(...(this.#options.attached?.(session) ?? []));
    this.#host.requestUpdate();
  }
}
