/**
 * What both the live draft (`open-collab-session.ts`) and the comment-notice listener
 * (`comment-notices.ts`) need of the connection, in a file without Yjs, so the review screen's
 * listener does not pull the editor's libraries into the app bundle.
 */

/**
 * The server's notice that the draft's review comments changed (runtime/src/collab/protocol.ts,
 * MESSAGE_COMMENTS_CHANGED), sent only to connections that ask with `?notices=comments`.
 */
export const MESSAGE_COMMENTS_CHANGED = 100;

/** The WebSocket origin of the page ('https://x' → 'wss://x'). */
export function pageWsOrigin(location: Pick<Location, 'protocol' | 'host'> = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}
