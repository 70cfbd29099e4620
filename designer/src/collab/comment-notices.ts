import { MESSAGE_COMMENTS_CHANGED, pageWsOrigin } from './ws-origin.js';

export interface CommentNoticeOptions {
  documentId: string;
  /** Called when the comments may have changed: a notice, and every (re)connection (notices sent while it was down are lost). */
  onChange: () => void;
  /** ws: or wss: origin of the server; default: the page's own origin. */
  wsOrigin?: string;
  /** For tests: the retry delays start here and double up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export interface CommentNoticeWatch {
  stop(): void;
}

/**
 * Close codes after which listening again would be refused the same way: access revoked (4403),
 * or the server found the connection misbehaving (4400, 4413, 4429). The screen still reads the
 * comments through the API, which says what is wrong if access is gone.
 */
const FINAL_CODES = new Set([4400, 4403, 4413, 4429]);

/**
 * Listens for the server's notices that a document's review comments changed, without the draft:
 * a plain WebSocket on the draft's live connection with `?notices=comments&only=notices`, which the
 * server authorises like any connection to the draft (its designers, publishers and testers; the
 * same people the comments API lets read) and then sends nothing but the content-free notice (type
 * 100). Nothing of the draft, its edits or who is in it travels, and the listener is not shown as
 * present. It reconnects with backoff, at once when the browser is back online, and every
 * (re)connection counts as a change.
 *
 * @example
 * const watch = watchCommentNotices({ documentId: 'phq-9', onChange: () => thread.reload() });
 * // later: watch.stop();
 */
export function watchCommentNotices(options: CommentNoticeOptions): CommentNoticeWatch {
  const firstRetryMs = options.firstRetryMs ?? 1000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const url = `${options.wsOrigin ?? pageWsOrigin()}/collab/${encodeURIComponent(options.documentId)}?notices=comments&only=notices`;
  let socket: WebSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const connect = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || socket) return;
    if (globalThis.navigator?.onLine === false) return; // 'online' reconnects
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      options.onChange();
    };
    ws.onmessage = (event: MessageEvent) => {
      if (event.data instanceof ArrayBuffer && new Uint8Array(event.data)[0] === MESSAGE_COMMENTS_CHANGED) options.onChange();
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = undefined;
      if (stopped || FINAL_CODES.has(event.code)) return;
      const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** failures);
      failures++;
      // Jitter, so screens that lost one server do not all come back in the same instant.
      timer = setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
    };
  };
  const online = (): void => {
    failures = 0;
    connect();
  };
  const offline = (): void => {
    const ws = socket;
    socket = undefined;
    ws?.close();
  };
  globalThis.addEventListener?.('online', online);
  globalThis.addEventListener?.('offline', offline);
  connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', online);
      globalThis.removeEventListener?.('offline', offline);
      const ws = socket;
      socket = undefined;
      ws?.close();
    },
  };
}
