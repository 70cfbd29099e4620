import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabSession } from './collab-session.js';
import type { CollabTransport, CollabUser } from './collab-session.js';
import { followConnectivity } from './follow-connectivity.js';
import { MESSAGE_COMMENTS_CHANGED, pageWsOrigin } from './ws-origin.js';

export { MESSAGE_COMMENTS_CHANGED, pageWsOrigin };

export interface OpenCollabOptions {
  documentId: string;
  user: CollabUser;
  readOnly: boolean;
  /** The draft's root map (undo covers it): `module` (default) or `program`. */
  root?: 'module' | 'program';
  /** ws: or wss: origin of the server; default: the page's own origin. */
  wsOrigin?: string;
  /**
   * Asked when the socket cannot be opened: whether the person may still open this draft (the
   * editor asks the API). A browser sees no HTTP status of a refused upgrade, so this is how a
   * refusal (403) is told from a network problem; false stops the session with 'no-access'.
   */
  checkAccess?: () => Promise<boolean>;
}

/** Not more often than this is access checked while the socket keeps failing to open. */
const ACCESS_CHECK_EVERY_MS = 10_000;

/**
 * Opens the live draft `/collab/<documentId>` with y-websocket. The provider keeps reconnecting and
 * sends what was edited offline when the connection returns; the session shows the state. The
 * socket is closed as soon as the browser reports being offline (see follow-connectivity.ts).
 *
 * @example
 * const session = openCollabSession({ documentId: 'phq-9', user, readOnly: false });
 */
export function openCollabSession(options: OpenCollabOptions): CollabSession {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${options.wsOrigin ?? pageWsOrigin()}/collab`, options.documentId, doc, { params: { notices: 'comments' } });
  const stopFollowing = followConnectivity(provider, globalThis, () => globalThis.navigator?.onLine ?? true);
  const transport: CollabTransport = {
    on: (event: 'status' | 'sync' | 'connection-close', listener: (...args: never[]) => void) => provider.on(event, listener as never),
    off: (event: 'status' | 'sync' | 'connection-close', listener: (...args: never[]) => void) => provider.off(event, listener as never),
    disconnect: () => {
      stopFollowing();
      provider.disconnect();
    },
    destroy: () => {
      stopFollowing();
      provider.destroy();
    },
  };
  const session = new CollabSession({ doc, awareness: provider.awareness, user: options.user, readOnly: options.readOnly, transport, root: options.root ?? 'module' });
  provider.messageHandlers[MESSAGE_COMMENTS_CHANGED] = () => session.commentsChanged();
  const checkAccess = options.checkAccess;
  if (checkAccess) {
    let lastCheck = -Infinity;
    provider.on('connection-error', () => {
      if (session.stopped || Date.now() - lastCheck < ACCESS_CHECK_EVERY_MS) return;
      lastCheck = Date.now();
      checkAccess().then(
        (allowed) => {
          if (!allowed) session.stop('no-access');
        },
        () => undefined, // offline or the server is down: y-websocket keeps trying
      );
    });
  }
  return session;
}
