import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabSession } from './collab-session.js';
import type { CollabTransport, CollabUser } from './collab-session.js';

export interface OpenCollabOptions {
  documentId: string;
  user: CollabUser;
  readOnly: boolean;
  /** ws: or wss: origin of the server; default: the page's own origin. */
  wsOrigin?: string;
}

/** The WebSocket origin of the page ('https://x' → 'wss://x'). */
export function pageWsOrigin(location: Pick<Location, 'protocol' | 'host'> = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}

/**
 * Opens the live draft `/collab/<documentId>` with y-websocket. The provider keeps reconnecting and
 * sends what was edited offline when the connection returns; the session shows the state.
 *
 * @example
 * const session = openCollabSession({ documentId: 'phq-9', user, readOnly: false });
 */
export function openCollabSession(options: OpenCollabOptions): CollabSession {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${options.wsOrigin ?? pageWsOrigin()}/collab`, options.documentId, doc);
  return new CollabSession({
    doc,
    awareness: provider.awareness,
    user: options.user,
    readOnly: options.readOnly,
    transport: provider as unknown as CollabTransport,
  });
}
