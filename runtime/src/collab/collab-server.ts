/**
 * The live-draft collaboration endpoint: a WebSocket server speaking the standard y-websocket
 * protocol (y-protocols sync + awareness), so a stock `WebsocketProvider` connects unchanged.
 * See README.md in this folder for the protocol, the authorisation rules and the durability
 * guarantee (an update is in the store before any other client sees it).
 */
import { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  MESSAGE_AWARENESS,
  MESSAGE_COMMENTS_CHANGED,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  ProtocolError,
  SYNC_STEP1,
  decodeAwarenessUpdate,
  decodeClientMessage,
  encodeAwareness,
  encodeCommentsChanged,
  encodeSyncUpdate,
  peekMessageType,
  type AwarenessEntry,
} from './protocol.js';
import { ConnectionBudget, DEFAULT_BUDGET, type BudgetLimits } from './connection-budget.js';
import { DEFAULT_REFUSAL_LIMITS, memoryRefusalCounter, type RefusalCounter, type RefusalLimits } from './refusal-limiter.js';
import type { UpdateLimits } from './update-limits.js';
import { loadDraftDoc, type DraftUpdateStore } from './update-store.js';
import type { RefusalKind, SyncOutcome } from './yjs-engine.js';
import { MAX_PRESENCE_CHARS, type ClusterBus } from '../cluster/cluster-bus.js';
import { WorkerLostError, WorkerTimeoutError, createYjsWorkers, type YjsWorkers } from './yjs-workers.js';

/** Who is on a connection, as `authorize` says. */
export interface CollabPrincipal {
  userId: string;
  name?: string;
  /** Optional: lets `revoke` target one session (logout) rather than the person. */
  sessionId?: string;
}

export type CollabAccess = 'write' | 'read';

export type CollabAuthorization =
  | { ok: true; principal: CollabPrincipal; access: CollabAccess }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * What `authorize` sees of the upgrade request. A snapshot taken at the handshake and kept for the
 * connection's life, so `reauthorize` can re-run the same check (e.g. the session cookie) later.
 * An `IncomingMessage` is not passed: its socket belongs to the WebSocket once upgraded.
 */
export interface CollabRequest {
  readonly headers: IncomingHttpHeaders;
  /** Path and query, as received (e.g. `/collab/panic-week-1?x=1`). */
  readonly url: string;
  readonly remoteAddress: string | undefined;
}

/** Structured log sink. Fields never carry document content or awareness state. */
export interface CollabLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface CollabDeps {
  store: DraftUpdateStore;
  /** Decides per connection and document; re-run by `reauthorize` and the periodic re-check. */
  authorize(request: CollabRequest, documentName: string): Promise<CollabAuthorization>;
  /** Exact `Origin` values allowed (e.g. `https://designer.example.org`). */
  allowedOrigins: readonly string[];
  /**
   * Refuse every upgrade without an `Origin` header (default false). Upgrades that carry a cookie
   * are refused without one regardless: browsers always send Origin, so a cookie without it is not
   * a page of ours, and the cookie must not open a writable connection for it.
   */
  requireOrigin?: boolean;
  /** Mount prefix, ending in '/' (default '/collab/'); the document name is the next segment. */
  path?: string;
  /** Largest accepted frame; a bigger one closes that connection with 4413 (default 1 MiB). */
  maxMessageBytes?: number;
  /**
   * The Yjs worker threads that hold the documents (yjs-workers.ts). The caller owns them (closes
   * them after `close()`); without them the server starts its own, with `limits`, and closes them.
   */
  workers?: YjsWorkers;
  /** What one update may carry (see update-limits.ts); beyond it the sender is closed with 4413. Only for workers the server starts itself. */
  limits?: Partial<UpdateLimits>;
  /** Largest awareness (presence) message; a bigger one closes that connection with 4413 (default 64 KiB). */
  maxAwarenessBytes?: number;
  /**
   * How many connections of one person may be closed for refused messages (malformed, too large)
   * within a window before that person's new connections are closed at once with 4429 for a while.
   */
  refusals?: Partial<RefusalLimits>;
  /**
   * Where those refusals are counted: this process's memory by default; the composition root passes
   * the database's (`sharedRefusalCounter`), so a bar holds on every process.
   */
  refusalCounter?: (limits: RefusalLimits) => RefusalCounter;
  /** Messages and items per second per connection (see connection-budget.ts); beyond it reading waits. */
  budget?: Partial<BudgetLimits>;
  /** Compact a loaded document once it has more stored rows than this (default 200). */
  compactAfter?: number;
  /** Periodic re-check of every open connection's authorisation (default 30000; 0 disables). */
  reauthorizeEveryMs?: number;
  /** Ping interval; a connection that misses a whole interval is dropped (default 30000; 0 disables). */
  heartbeatEveryMs?: number;
  /** A connection whose unsent output exceeds this is terminated as too slow (default 16 MiB). */
  maxBufferedBytes?: number;
  /** Awareness client ids one connection may publish (default 8). */
  maxAwarenessClientsPerConnection?: number;
  logger?: CollabLogger;
  /**
   * The processes sharing the database (../cluster/cluster-bus.ts). On a shared bus every stored
   * update is announced as (document, seq), and a process holding that draft reads on from its last
   * seen seq in the store, applies what it lacks and relays it to its own connections. Without one,
   * or on the in-process bus, the server relays within this process only.
   */
  bus?: ClusterBus;
}

export interface CollabStats {
  /** Documents loaded in memory. */
  documents: number;
  /** Open connections (not counting ones being closed). */
  connections: number;
}

export interface CollabServer {
  /** Stops accepting, closes every connection (1001) after saving what it already sent, compacts and unloads. */
  close(): Promise<void>;
  /** Closes every matching connection at once with 4403; returns how many. */
  revoke(filter: (principal: CollabPrincipal, documentName: string) => boolean): number;
  /** Re-runs `authorize` for the user's open connections: refused → 4403; write → read closes with 4423; read → write upgrades in place. */
  reauthorize(userId: string): Promise<void>;
  stats(): CollabStats;
  /** A fresh Y.Doc with every persisted update of the draft (nobody needs to be connected). */
  loadDraftDoc(documentName: string): Promise<Y.Doc>;
  /**
   * Applies a server-side edit (e.g. restoring a version into the draft) through the same path
   * as a client's: stored first, then applied and relayed to everyone connected. Returns its seq
   * (or the current last seq when the update is empty). Use this rather than writing to the store
   * directly while a document may be loaded.
   */
  applyServerUpdate(documentName: string, update: Uint8Array, author?: string | null): Promise<number>;
  /**
   * The draft's review comments changed: tells its editors connected here that asked for it
   * (`?notices=comments`), and, on a shared bus, the other processes, which tell theirs. Only that
   * something changed travels; each editor reads the comments through the API, which authorises it.
   */
  commentsChanged(documentName: string): void;
}

/**
 * Close codes sent by this server. y-websocket ≥ 3 stops reconnecting on 4400–4499 (and emits
 * `closed`), so every "reconnecting cannot help" answer is in that range: a stock client that sent
 * something too large would otherwise upload it again on every retry. It reconnects on the others.
 */
export const CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  internalError: 1011,
  tryAgainLater: 1013,
  malformed: 4400,
  forbidden: 4403,
  /** A frame over maxMessageBytes, an update over the limits, or a draft that would grow over its cap. */
  tooLarge: 4413,
  /** The person may only read this draft (now, or sent an edit on a read-only connection): reopen it read-only. */
  readOnly: 4423,
  /** Too many of this person's connections were closed for refused messages lately: try again later. */
  tooManyRefusals: 4429,
  /** The update builds on something the server does not have; the reconnect's sync repairs it. */
  outOfSync: 4500,
} as const;

const DEFAULTS = {
  path: '/collab/',
  maxMessageBytes: 1024 * 1024,
  compactAfter: 200,
  reauthorizeEveryMs: 30_000,
  heartbeatEveryMs: 30_000,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxAwarenessClientsPerConnection: 8,
  maxAwarenessBytes: 64 * 1024,
};

/** Pause reading a socket with this many messages waiting, resume at the low mark. */
const QUEUE_HIGH = 64;
const QUEUE_LOW = 16;
/** After a server-initiated close, give the peer this long to answer before terminating. */
const CLOSE_GRACE_MS = 2000;

/** Loads of any room by any server in this process: keys stay unique in workers that servers share. */
let roomLoads = 0;

const defaultLogger: CollabLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(message, fields ?? {}),
  error: (message, fields) => console.error(message, fields ?? {}),
};

interface Room {
  name: string;
  /** The document's key in its Yjs worker, unique per load (a reload opens a new one). */
  key: string;
  awareness: awarenessProtocol.Awareness;
  /** Connections that receive relays (open ones). */
  conns: Set<Connection>;
  /** Connections not yet released plus in-flight server edits: the room unloads at 0. */
  refs: number;
  ready: Promise<void>;
  failed: boolean;
  unloaded: boolean;
  /** Tail of the room's task chain (appends, compaction, unload), strictly in order. */
  queue: Promise<unknown>;
  /** Every stored row of the draft with seq ≤ lastSeq is in the worker's doc (what compaction may replace). */
  lastSeq: number;
  /** Shared bus: seqs this process stored above lastSeq (already in the doc and relayed), skipped when catching up. */
  ownSeqs: Set<number>;
  /** A catch-up from the store is waiting in the room's queue. */
  catchUpQueued: boolean;
  rows: number;
  compactAt: number;
  /** Awareness client id → connection that publishes it. */
  owners: Map<number, Connection>;
  /** Shared bus: awareness client id → person, for the editors connected to other processes. */
  remoteOwners: Map<number, string>;
  /** Resolves when the room is destroyed. */
  gone: Promise<void>;
  markGone: () => void;
}

interface Connection {
  ws: WebSocket;
  room: Room;
  documentName: string;
  request: CollabRequest;
  principal: CollabPrincipal;
  access: CollabAccess;
  /** open; draining: the peer left, already received writes are still saved; dropped: we closed it, nothing more is processed. */
  state: 'open' | 'draining' | 'dropped';
  queue: Promise<void>;
  pending: number;
  paused: boolean;
  alive: boolean;
  released: boolean;
  awarenessIds: Set<number>;
  budget: ConnectionBudget;
  /** The client asked for Careloom's comment notices (`?notices=comments`); a stock client did not. */
  commentNotices: boolean;
  /**
   * The client only listens for notices (`?only=notices`, the review screen): it is sent nothing of
   * the draft (no sync, no updates, no presence) and may send nothing; anything it sends closes it.
   */
  noticesOnly: boolean;
}

/**
 * Attaches the collaboration endpoint to `server`'s `upgrade` event. Upgrades outside
 * `deps.path` are left alone for other handlers.
 * @example
 * const collab = attachCollab(httpServer, { store, authorize, allowedOrigins: [config.publicOrigin] });
 * // on logout: collab.revoke((p) => p.sessionId === sessionId)
 * // on membership change: await collab.reauthorize(personId)
 */
export function attachCollab(server: Server, deps: CollabDeps): CollabServer {
  const prefix = deps.path ?? DEFAULTS.path;
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`collab path must start and end with '/': ${prefix}`);
  const maxMessageBytes = deps.maxMessageBytes ?? DEFAULTS.maxMessageBytes;
  const compactAfter = Math.max(1, deps.compactAfter ?? DEFAULTS.compactAfter);
  const maxBufferedBytes = deps.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes;
  const maxAwarenessIds = deps.maxAwarenessClientsPerConnection ?? DEFAULTS.maxAwarenessClientsPerConnection;
  const maxAwarenessBytes = deps.maxAwarenessBytes ?? DEFAULTS.maxAwarenessBytes;
  const log = deps.logger ?? defaultLogger;
  const budgetLimits: BudgetLimits = { ...DEFAULT_BUDGET, ...deps.budget };
  const store = deps.store;
  const allowedOrigins = new Set(deps.allowedOrigins);
  const ownWorkers = deps.workers === undefined;
  const workers = deps.workers ?? createYjsWorkers(deps.limits ? { limits: deps.limits } : {});
  /** Awareness origins: presence heard from another process, and a local editor's connection closing. */
  const FROM_OTHER_PROCESS = Symbol('from another process');
  const LOCAL_GONE = Symbol('local editor gone');
  const isConnection = (origin: unknown): origin is Connection => connections.has(origin as Connection);
  const refusalLimits: RefusalLimits = { ...DEFAULT_REFUSAL_LIMITS, ...deps.refusals };
  const refusals = deps.refusalCounter ? deps.refusalCounter(refusalLimits) : memoryRefusalCounter(refusalLimits);
  /** Counts a refusal (in the database where there is one); a failure to count is logged, never thrown at the connection. */
  const countRefusal = (userId: string) => {
    refusals.record(userId).then(
      (barred) => {
        if (barred) log.warn('collab person barred for a while: too many refused messages', { userId });
      },
      (error: unknown) => log.error('collab refusal not counted', { userId, error: describeError(error) }),
    );
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  const rooms = new Map<string, Room>();
  const connections = new Set<Connection>();
  let closing: Promise<void> | undefined;

  // ---- handshake ---------------------------------------------------------------------------

  /** undefined: not ours; null: ours but not a valid document name. */
  function documentNameOf(url: string | undefined): string | null | undefined {
    let pathname: string;
    try {
      pathname = new URL(url ?? '/', 'http://collab.invalid').pathname;
    } catch {
      return undefined;
    }
    if (pathname === prefix.slice(0, -1)) return null;
    if (!pathname.startsWith(prefix)) return undefined;
    const segment = pathname.slice(prefix.length);
    if (segment.length === 0 || segment.includes('/')) return null;
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (name.length === 0 || name.length > 256 || name.includes('/') || /[\u0000-\u001f\u007f]/.test(name)) return null;
    return name;
  }

  function refuse(socket: Duplex, status: number, reason: string): void {
    if (socket.destroyed) return;
    const body = `${reason}\n`;
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
        'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  async function handshake(request: IncomingMessage, socket: Duplex, head: Buffer, documentName: string | null): Promise<void> {
    const onSocketError = (error: Error) => log.info('collab handshake socket error', { error: error.message });
    socket.on('error', onSocketError);
    if (closing) return refuse(socket, 503, 'collaboration server is shutting down');
    if (documentName === null) return refuse(socket, 404, 'no such document');
    const origin = request.headers.origin;
    const originRequired = deps.requireOrigin === true || request.headers.cookie !== undefined;
    if (origin === undefined ? originRequired : !allowedOrigins.has(origin)) {
      log.warn('collab upgrade refused: origin', { origin: origin ?? null, document: documentName });
      return refuse(socket, 403, 'origin not allowed');
    }
    const snapshot: CollabRequest = {
      headers: { ...request.headers },
      url: request.url ?? '',
      remoteAddress: request.socket.remoteAddress,
    };
    let result: CollabAuthorization;
    try {
      result = await deps.authorize(snapshot, documentName);
    } catch (error) {
      log.error('collab authorize failed', { document: documentName, error: describeError(error) });
      return refuse(socket, 500, 'authorization failed');
    }
    if (socket.destroyed || !socket.writable) return;
    if (!result.ok) {
      log.info('collab upgrade refused', { document: documentName, status: result.status });
      return refuse(socket, result.status, result.reason);
    }
    if (closing) return refuse(socket, 503, 'collaboration server is shutting down');
    const authorized = result;
    let barredForMs = 0;
    try {
      barredForMs = await refusals.barredFor(authorized.principal.userId);
    } catch (error) {
      // The count could not be read (the database is away): let the person in rather than bar everyone.
      log.error('collab refusal count not read', { userId: authorized.principal.userId, error: describeError(error) });
    }
    if (socket.destroyed || !socket.writable) return;
    if (closing) return refuse(socket, 503, 'collaboration server is shutting down');
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', onSocketError);
      if (barredForMs > 0) {
        // Closed after the upgrade, not refused before it: a browser sees the close code (never an
        // HTTP status), and 4429 stops a stock client from reconnecting.
        log.warn('collab connection refused: too many refused messages', { document: documentName, userId: authorized.principal.userId, retryAfterSeconds: Math.ceil(barredForMs / 1000) });
        closeSoon(ws, CLOSE.tooManyRefusals, `too many refused messages; try again in ${Math.ceil(barredForMs / 60_000)} min`);
        return;
      }
      openConnection(ws, snapshot, documentName, authorized.principal, authorized.access);
    });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const documentName = documentNameOf(request.url);
    if (documentName === undefined) return;
    handshake(request, socket, head, documentName).catch((error: unknown) => {
      log.error('collab handshake failed', { error: describeError(error) });
      if (!socket.destroyed) socket.destroy();
    });
  };
  server.on('upgrade', onUpgrade);

  // ---- rooms -------------------------------------------------------------------------------

  function runInRoom<T>(room: Room, task: () => Promise<T> | T): Promise<T> {
    const run = room.queue.then(task);
    room.queue = run.catch(() => undefined);
    return run;
  }

  function acquireRoom(name: string): Room {
    const existing = rooms.get(name);
    if (existing) {
      existing.refs++;
      return existing;
    }
    // Awareness needs a doc only for its own client id; the draft itself lives in a worker.
    const awareness = new awarenessProtocol.Awareness(new Y.Doc({ gc: true }));
    awareness.setLocalState(null);
    const room: Room = {
      name,
      key: '',
      awareness,
      conns: new Set(),
      refs: 1,
      ready: Promise.resolve(),
      failed: false,
      unloaded: false,
      queue: Promise.resolve(),
      lastSeq: 0,
      ownSeqs: new Set(),
      catchUpQueued: false,
      rows: 0,
      compactAt: compactAfter,
      owners: new Map(),
      remoteOwners: new Map(),
      gone: Promise.resolve(),
      markGone: () => undefined,
    };
    room.gone = new Promise<void>((resolve) => (room.markGone = resolve));
    room.ready = (async () => {
      await loadRoomDoc(room);
      // Awareness changes go to every connection, the sender's included (as y-websocket's own server
      // does): a client renews its awareness about every 15 s, and the echo is the only message a
      // designer alone on a draft receives. Without it y-websocket's client, which closes a socket
      // that heard nothing for 30 s, dropped an idle lone editor every ~33 s (close code 1005) and
      // showed "Offline" until it reconnected. The ping heartbeat below is the server's side of it.
      // Document updates are relayed by persist.
      awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        const message = encodeAwareness(awareness, changed);
        for (const conn of room.conns) send(conn, message);
        for (const id of removed) room.remoteOwners.delete(id);
        if (shared && (origin === LOCAL_GONE || isConnection(origin))) {
          // Only what this process's own editors did travels: never a time-out (every process times
          // out the same states) nor what came from another process.
          publishPresence(room, changed, isConnection(origin) ? origin.principal.userId : undefined);
        }
      });
      if (shared) deps.bus!.publish({ kind: 'draft-presence-query', document: name }).catch((error: unknown) => log.warn('collab presence query not sent', { document: name, error: describeError(error) }));
    })();
    room.queue = room.ready.then(() => compactRoomIfDue(room)).catch(() => undefined);
    room.ready.catch((error: unknown) => {
      log.error('collab draft load failed', { document: name, error: describeError(error) });
      room.failed = true;
      if (rooms.get(name) === room) rooms.delete(name);
      for (const conn of [...room.conns]) drop(conn, CLOSE.internalError, 'draft unavailable');
      destroyRoom(room);
    });
    rooms.set(name, room);
    return room;
  }

  /**
   * (Re)builds the room's doc from the store. Rows that do not apply are set aside (kept for
   * inspection, logged) instead of failing the draft; the doc is exactly the rows that remain.
   */
  async function loadRoomDoc(room: Room): Promise<void> {
    const { updates, seqs, lastSeq } = await store.loadUpdates(room.name);
    room.key = `${room.name}#${++roomLoads}`; // unique per load, also across servers sharing workers
    const rejected = await workers.open(room.name, room.key, updates);
    for (const { index, reason } of rejected) {
      const seq = seqs[index] as number;
      log.warn('collab stored update set aside', { document: room.name, seq, reason });
      await store.setAsideStored(room.name, seq, reason);
    }
    room.lastSeq = lastSeq;
    room.ownSeqs.clear();
    room.rows = updates.length - rejected.length;
  }

  /** The store failed: the room's doc may now hold what the store does not, so it must not serve on. */
  function failRoom(room: Room, reason: string): void {
    if (room.failed || room.unloaded) return;
    room.failed = true;
    if (rooms.get(room.name) === room) rooms.delete(room.name);
    for (const conn of [...room.conns]) drop(conn, CLOSE.internalError, reason);
    destroyRoom(room);
  }

  function releaseRoom(room: Room): void {
    room.refs--;
    if (room.refs > 0 || room.failed) return;
    void runInRoom(room, async () => {
      if (room.refs > 0 || room.unloaded || room.failed) return;
      await compactRoom(room);
      if (room.refs > 0) return;
      if (rooms.get(room.name) === room) rooms.delete(room.name);
      destroyRoom(room);
    });
  }

  function destroyRoom(room: Room): void {
    if (room.unloaded) return;
    room.unloaded = true;
    room.awareness.doc.destroy();
    room.awareness.destroy();
    if (room.key) {
      workers.closeDocument(room.name, room.key).catch((error: unknown) => log.warn('collab document not closed in its worker', { document: room.name, error: describeError(error) }));
    }
    room.markGone();
  }

  // A lost worker took its documents with it: close their connections (clients reconnect, and the
  // draft reloads from the store in a new worker). Deferred, so the call that was stuck is answered first.
  const stopHearingLost = workers.onLost((shard) => {
    setImmediate(() => {
      for (const room of [...rooms.values()]) {
        if (workers.shardOf(room.name) === shard) failRoom(room, 'draft unavailable, reconnect');
      }
    });
  });

  /** Runs inside the room's queue, so no append interleaves: the doc is exactly rows ≤ lastSeq. */
  async function compactRoom(room: Room): Promise<void> {
    if (room.rows <= 1 || room.failed || room.unloaded) return;
    const before = room.rows;
    try {
      await store.compact(room.name, await workers.state(room.name, room.key), room.lastSeq);
      room.rows = 1;
      room.compactAt = compactAfter;
      log.info('collab draft compacted', { document: room.name, rows: before, upToSeq: room.lastSeq });
    } catch (error) {
      room.compactAt = room.rows + compactAfter;
      log.error('collab compaction failed', { document: room.name, error: describeError(error) });
    }
  }

  async function compactRoomIfDue(room: Room): Promise<void> {
    if (room.rows > room.compactAt) await compactRoom(room);
  }

  /**
   * Stores what applied (the worker already has it), then relays it: nobody sees an update before
   * the store has it. Runs inside the room's queue. Throws when the store fails (the room is then
   * closed, as its worker's doc is ahead of the store).
   */
  async function commit(room: Room, applied: Uint8Array, source: Connection | null, author: string | null): Promise<number> {
    let seq: number;
    try {
      seq = await store.appendUpdate(room.name, applied, author);
    } catch (error) {
      failRoom(room, 'update could not be saved');
      throw error;
    }
    room.rows++;
    if (shared) {
      // Another process may have stored rows between lastSeq and seq that this doc lacks: lastSeq
      // moves only when catching up reads them (this row is then skipped: it is applied already).
      room.ownSeqs.add(seq);
      deps.bus?.publish({ kind: 'draft-updated', document: room.name, seq }).catch((error: unknown) => log.error('collab update not announced to the other processes', { document: room.name, seq, error: describeError(error) }));
    } else {
      room.lastSeq = seq;
    }
    const message = encodeSyncUpdate(applied);
    for (const conn of room.conns) if (conn !== source) send(conn, message);
    await compactRoomIfDue(room);
    return seq;
  }

  // ---- other processes (shared bus) ---------------------------------------------------------

  function scheduleCatchUp(room: Room): void {
    if (room.catchUpQueued || room.failed || room.unloaded) return;
    room.catchUpQueued = true;
    runInRoom(room, () => catchUp(room)).catch((error: unknown) => {
      log.error('collab catch-up from the store failed', { document: room.name, error: describeError(error) });
      failRoom(room, 'draft unavailable, reconnect');
    });
  }

  /**
   * Reads the rows stored after lastSeq (by any process), applies the ones this process did not
   * store itself and relays what changed: nobody sees an update the store does not have. Runs in
   * the room's queue, so no append or compaction interleaves.
   */
  async function catchUp(room: Room): Promise<void> {
    room.catchUpQueued = false;
    if (room.failed || room.unloaded) return;
    const { updates, seqs } = await store.loadUpdatesAfter(room.name, room.lastSeq);
    for (let index = 0; index < seqs.length; index++) {
      const seq = seqs[index] as number;
      if (room.ownSeqs.delete(seq)) {
        room.lastSeq = seq;
        continue;
      }
      const outcome = await workers.serverUpdate(room.name, room.key, updates[index] as Uint8Array);
      if (outcome.kind === 'failed') {
        // The worker closed the doc; clients reconnect and the draft reloads (setting the row aside).
        log.warn('collab update from another process does not apply', { document: room.name, seq, reason: outcome.reason });
        failRoom(room, 'draft unavailable, reconnect');
        return;
      }
      room.lastSeq = seq;
      room.rows++;
      if (outcome.kind === 'applied') {
        const message = encodeSyncUpdate(outcome.update);
        for (const conn of room.conns) send(conn, message);
      }
    }
    // A compaction elsewhere may have folded own rows into one newer row: they are in it.
    for (const seq of room.ownSeqs) if (seq <= room.lastSeq) room.ownSeqs.delete(seq);
    await compactRoomIfDue(room);
  }

  const shared = deps.bus?.shared === true;
  const stopHearingBus = shared
    ? deps.bus!.subscribe(({ event, local }) => {
        if (event.kind === 'draft-updated') {
          const room = rooms.get(event.document);
          if (room && event.seq > room.lastSeq) scheduleCatchUp(room);
          return;
        }
        if (local) return;
        if (event.kind === 'draft-comments-changed') tellCommentsChanged(event.document);
        else if (event.kind === 'draft-presence') hearPresence(event.document, event.update, event.userId);
        else if (event.kind === 'draft-presence-query') {
          const room = rooms.get(event.document);
          if (!room || room.unloaded) return;
          // Per person, so the other process knows whose each editor is (a client re-sends the
          // states it hears, and only their owner may change them).
          const byPerson = new Map<string, number[]>();
          for (const [id, conn] of room.owners) byPerson.set(conn.principal.userId, [...(byPerson.get(conn.principal.userId) ?? []), id]);
          for (const [userId, ids] of byPerson) publishPresence(room, ids, userId);
        }
      })
    : () => undefined;
  /**
   * Sends the awareness states of `ids` (this process's own editors) to the other processes, one
   * update per event of at most MAX_PRESENCE_CHARS (the PostgreSQL bus sends an event larger than
   * one notice in parts); a single state larger than that, beyond the 64 KiB an awareness message
   * may have by default, stays local (logged): presence is a convenience, and the draft itself
   * never travels this way.
   */
  function publishPresence(room: Room, ids: readonly number[], userId: string | undefined): void {
    const own = ids.filter((id) => !room.remoteOwners.has(id));
    const announce = (part: readonly number[]) => {
      const update = Buffer.from(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...part])).toString('base64');
      if (update.length > MAX_PRESENCE_CHARS) {
        if (part.length > 1) {
          for (const id of part) announce([id]);
          return;
        }
        log.warn('collab presence too large to share with other processes', { document: room.name, chars: update.length });
        return;
      }
      deps.bus!.publish({ kind: 'draft-presence', document: room.name, update, ...(userId !== undefined ? { userId } : {}) }).catch((error: unknown) => log.warn('collab presence not announced to the other processes', { document: room.name, error: describeError(error) }));
    };
    if (own.length > 0) announce(own);
  }

  /** Presence from another process: applied to the room's awareness, which relays it to this process's editors. */
  function hearPresence(documentName: string, encoded: string, userId: string | undefined): void {
    const room = rooms.get(documentName);
    if (!room || room.unloaded || room.failed) return;
    const update = new Uint8Array(Buffer.from(encoded, 'base64'));
    let entries: readonly AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update);
    } catch {
      log.warn('collab presence from another process could not be read', { document: documentName });
      return;
    }
    // This process's own editors are its own to describe.
    if (entries.some((entry) => room.owners.has(entry.clientID))) return;
    for (const entry of entries) {
      if (entry.state !== null && userId !== undefined) room.remoteOwners.set(entry.clientID, userId);
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, FROM_OTHER_PROCESS);
    } catch {
      log.warn('collab presence from another process could not be applied', { document: documentName });
    }
  }

  /** Tells this process's editors of the draft that its comments changed (those that asked). */
  function tellCommentsChanged(documentName: string): void {
    const room = rooms.get(documentName);
    if (!room || room.unloaded) return;
    const message = encodeCommentsChanged();
    for (const conn of room.conns) if (conn.commentNotices) send(conn, message);
  }

  // Notifications sent while the listening connection was down are lost: every loaded draft reads on.
  const stopHearingResumed = shared ? deps.bus!.onResumed(() => [...rooms.values()].forEach(scheduleCatchUp)) : () => undefined;

  /**
   * One sync message of `conn`, handled by the room's worker and then here, inside the room's queue
   * (so answers and relays go out in the order the worker saw the messages). Returns its cost.
   */
  async function syncInRoom(conn: Connection, frame: Uint8Array): Promise<number> {
    const room = conn.room;
    if (conn.state === 'dropped' || room.failed || room.unloaded) return 0;
    let outcome: SyncOutcome;
    try {
      outcome = await workers.sync(room.name, room.key, frame, conn.access);
    } catch (error) {
      if (error instanceof WorkerTimeoutError) {
        log.warn('collab update refused', { document: conn.documentName, userId: conn.principal.userId, kind: 'too-costly', reason: error.message });
        dropForRefusal(conn, CLOSE.tooLarge, 'update too costly to apply');
        return 0;
      }
      if (error instanceof WorkerLostError) return 0; // the lost-worker handler closes the room
      throw error;
    }
    switch (outcome.kind) {
      case 'reply':
        if (conn.state === 'open') send(conn, outcome.message);
        break;
      case 'unchanged':
        break;
      case 'applied':
        try {
          await commit(room, outcome.update, conn, conn.principal.userId);
        } catch (error) {
          log.error('collab update not saved', { document: conn.documentName, userId: conn.principal.userId, error: describeError(error) });
          drop(conn, CLOSE.internalError, 'update could not be saved');
        }
        break;
      case 'refused':
        if (outcome.refusal === 'malformed') log.warn('collab malformed message', { document: conn.documentName, userId: conn.principal.userId, reason: outcome.reason, bytes: frame.byteLength });
        else log.warn('collab update refused', { document: conn.documentName, userId: conn.principal.userId, kind: outcome.refusal, reason: outcome.reason });
        if (outcome.update) await keepRefused(conn.documentName, outcome.update, conn.principal.userId, outcome.reason);
        refuse44xx(conn, outcome.refusal, outcome.reason);
        break;
      case 'failed':
        // Yjs may have applied part of it in the worker: keep it aside, rebuild the doc from the store.
        log.warn('collab update refused', { document: conn.documentName, userId: conn.principal.userId, kind: 'does-not-apply', reason: outcome.reason });
        await keepRefused(conn.documentName, outcome.update, conn.principal.userId, outcome.reason);
        try {
          await loadRoomDoc(room);
        } catch (error) {
          log.error('collab draft reload failed', { document: room.name, error: describeError(error) });
          failRoom(room, 'draft unavailable');
        }
        dropForRefusal(conn, CLOSE.malformed, 'update could not be applied');
        break;
    }
    return outcome.cost;
  }

  /** Closes the sender of a refused update with the code that tells a stock client what to do. */
  function refuse44xx(conn: Connection, refusal: RefusalKind, reason: string): void {
    if (refusal === 'malformed') dropForRefusal(conn, CLOSE.malformed, reason);
    else if (refusal === 'too-large') dropForRefusal(conn, CLOSE.tooLarge, reason);
    else if (refusal === 'read-only') drop(conn, CLOSE.readOnly, 'you may only read this draft');
    else drop(conn, CLOSE.outOfSync, reason);
  }

  /** A close for something no honest client sends: counted against the person (refusal-limiter.ts). */
  function dropForRefusal(conn: Connection, code: number, reason: string): void {
    if (conn.state === 'dropped') return;
    drop(conn, code, reason);
    countRefusal(conn.principal.userId);
  }

  async function keepRefused(documentName: string, update: Uint8Array, author: string | null, reason: string): Promise<void> {
    try {
      await store.setAsideRefused(documentName, update, author, reason);
    } catch (error) {
      log.error('collab refused update not kept', { document: documentName, error: describeError(error) });
    }
  }

  // ---- connections -------------------------------------------------------------------------

  function openConnection(ws: WebSocket, request: CollabRequest, documentName: string, principal: CollabPrincipal, access: CollabAccess): void {
    const room = acquireRoom(documentName);
    const conn: Connection = {
      ws,
      room,
      documentName,
      request,
      principal,
      access,
      state: 'open',
      queue: Promise.resolve(),
      pending: 0,
      paused: false,
      alive: true,
      released: false,
      awarenessIds: new Set(),
      budget: new ConnectionBudget(budgetLimits),
      commentNotices: wantsCommentNotices(request.url),
      noticesOnly: wantsNoticesOnly(request.url),
    };
    // ws closes a frame over maxPayload with 1009, which a stock y-websocket client retries forever
    // (uploading the same frame each time); 4413 makes it stop. 1009 is sent only by ws itself.
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) => {
      if (code !== 1009) return close(code, reason);
      log.warn('collab update refused', { document: documentName, userId: conn.principal.userId, kind: 'too-large', reason: 'frame over the size cap' });
      if (conn.state !== 'dropped') countRefusal(conn.principal.userId);
      return close(CLOSE.tooLarge, 'message too large');
    };
    connections.add(conn);
    room.conns.add(conn);
    log.info('collab connection opened', { document: documentName, userId: principal.userId, access });

    conn.queue = room.ready.then(
      () =>
        runInRoom(room, async () => {
          if (conn.state !== 'open' || room.failed || room.unloaded) return;
          const step1 = await workers.syncStep1(room.name, room.key);
          send(conn, step1);
          const states = room.awareness.getStates();
          if (states.size > 0) send(conn, encodeAwareness(room.awareness, [...states.keys()]));
        }).catch((error: unknown) => {
          if (!(error instanceof WorkerLostError)) drop(conn, CLOSE.internalError, 'draft unavailable');
        }),
      () => undefined,
    );

    ws.on('message', (data: RawData, isBinary: boolean) => {
      conn.alive = true;
      if (conn.state !== 'open') return;
      if (!isBinary) {
        log.warn('collab text frame refused', { document: documentName, userId: principal.userId });
        dropForRefusal(conn, CLOSE.unsupportedData, 'binary messages only');
        return;
      }
      const bytes = toBytes(data);
      conn.pending++;
      if (conn.pending >= QUEUE_HIGH && !conn.paused) {
        conn.paused = true;
        ws.pause();
      }
      conn.queue = conn.queue
        .then(() => handleMessage(conn, bytes))
        .catch((error: unknown) => {
          log.error('collab message handling failed', { document: documentName, userId: conn.principal.userId, error: describeError(error) });
          drop(conn, CLOSE.internalError, 'internal error');
        })
        .finally(() => {
          conn.pending--;
          if (conn.paused && conn.pending <= QUEUE_LOW) {
            conn.paused = false;
            ws.resume();
          }
        });
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (error: Error & { code?: string }) => {
      log.warn('collab connection error', { document: documentName, userId: conn.principal.userId, code: error.code ?? null, error: error.message });
    });
    ws.on('close', (code: number) => {
      if (conn.state === 'open') conn.state = 'draining';
      detach(conn);
      log.info('collab connection closed', { document: documentName, userId: conn.principal.userId, code });
      void conn.queue.then(() => release(conn));
    });
  }

  /**
   * Waits (reading of the socket pauses once messages queue up) until the connection's budget
   * allows a message of `items` items. Returns false when the connection was dropped meanwhile.
   */
  async function spend(conn: Connection, items: number): Promise<boolean> {
    for (;;) {
      const wait = conn.budget.take(items);
      if (wait === 0 || closing) return conn.state !== 'dropped';
      if (conn.state === 'dropped') return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 100)));
    }
  }

  async function handleMessage(conn: Connection, bytes: Uint8Array): Promise<void> {
    // One message per event-loop turn: HTTP requests and other documents get their turn between
    // a connection's messages, however many it queued.
    await new Promise((resolve) => setImmediate(resolve));
    if (conn.state === 'dropped') return;
    const fields = { document: conn.documentName, userId: conn.principal.userId };
    if (conn.noticesOnly) {
      if (conn.state === 'draining') return;
      log.warn('collab malformed message', { ...fields, reason: 'a notices-only connection sent a message', bytes: bytes.byteLength });
      dropForRefusal(conn, CLOSE.malformed, 'this connection only receives notices');
      return;
    }
    const type = peekMessageType(bytes);
    if (!type) {
      log.warn('collab malformed message', { ...fields, reason: 'unknown message type', bytes: bytes.byteLength });
      dropForRefusal(conn, CLOSE.malformed, 'unknown message type');
      return;
    }
    const draining = conn.state === 'draining';
    if (type.type === MESSAGE_SYNC) {
      // Decoding, checking and applying happen in the room's worker; a draining connection's
      // updates are still saved, its questions (sync step 1) no longer answered.
      if (draining && type.syncType === SYNC_STEP1) return;
      if (!(await spend(conn, 1))) return;
      const cost = await runInRoom(conn.room, () => syncInRoom(conn, bytes));
      conn.budget.charge(cost);
      return;
    }
    if (draining) return;
    if (bytes.byteLength > maxAwarenessBytes) {
      log.warn('collab update refused', { ...fields, kind: 'too-large', reason: 'awareness message over the size cap' });
      dropForRefusal(conn, CLOSE.tooLarge, 'awareness message too large');
      return;
    }
    let message;
    try {
      message = decodeClientMessage(bytes);
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'malformed message';
      log.warn('collab malformed message', { ...fields, reason, bytes: bytes.byteLength });
      dropForRefusal(conn, CLOSE.malformed, reason);
      return;
    }
    if (!(await spend(conn, 1))) return;
    if (message.kind === 'awareness' && type.type === MESSAGE_AWARENESS) applyAwareness(conn, message.entries, message.update);
    else if (message.kind === 'query-awareness' && type.type === MESSAGE_QUERY_AWARENESS) send(conn, encodeAwareness(conn.room.awareness, [...conn.room.awareness.getStates().keys()]));
  }

  /**
   * A connection may only publish awareness for client ids that no other user's connection
   * publishes (a reconnect of the same user takes its ids over from the stale connection), and at
   * most `maxAwarenessIds` of them; read-only connections may publish too (cursors, presence).
   */
  function applyAwareness(conn: Connection, entries: readonly AwarenessEntry[], update: Uint8Array): void {
    const room = conn.room;
    const fields = { document: conn.documentName, userId: conn.principal.userId };
    const ownerOf = (id: number) => room.owners.get(id)?.principal.userId ?? room.remoteOwners.get(id) ?? conn.principal.userId;
    if (entries.some((entry) => ownerOf(entry.clientID) !== conn.principal.userId)) {
      log.warn('collab awareness for another user ignored', fields);
      return;
    }
    const fresh = new Set(entries.filter((entry) => !conn.awarenessIds.has(entry.clientID)).map((entry) => entry.clientID));
    if (conn.awarenessIds.size + fresh.size > maxAwarenessIds) {
      log.warn('collab awareness client limit reached', fields);
      return;
    }
    for (const id of fresh) {
      room.owners.get(id)?.awarenessIds.delete(id);
      // The same person, moved here from another process (a reconnect through the load balancer).
      room.remoteOwners.delete(id);
      conn.awarenessIds.add(id);
      room.owners.set(id, conn);
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn);
    } catch {
      log.warn('collab malformed message', { ...fields, reason: 'awareness update could not be applied' });
      drop(conn, CLOSE.malformed, 'malformed awareness update');
    }
  }

  function send(conn: Connection, message: Uint8Array): void {
    const ws = conn.ws;
    if (conn.state !== 'open' || ws.readyState !== WebSocket.OPEN) return;
    // A notices-only listener hears the notices and nothing of the draft itself, whichever path
    // (sync answer, relayed update, presence) would send it. A type below 128 is its first byte.
    if (conn.noticesOnly && message[0] !== MESSAGE_COMMENTS_CHANGED) return;
    if (ws.bufferedAmount > maxBufferedBytes) {
      log.warn('collab connection too slow, terminated', { document: conn.documentName, userId: conn.principal.userId, buffered: ws.bufferedAmount });
      conn.state = 'dropped';
      detach(conn);
      ws.terminate();
      return;
    }
    ws.send(message, () => undefined);
  }

  /** Stops relaying to the connection and withdraws its awareness states (idempotent). */
  function detach(conn: Connection): void {
    const room = conn.room;
    if (!room.conns.delete(conn)) return;
    const ids = [...conn.awarenessIds].filter((id) => room.owners.get(id) === conn);
    for (const id of ids) room.owners.delete(id);
    conn.awarenessIds.clear();
    if (ids.length > 0 && !room.unloaded) awarenessProtocol.removeAwarenessStates(room.awareness, ids, LOCAL_GONE);
  }

  /** Server-initiated close: nothing more from this connection is processed. */
  function drop(conn: Connection, code: number, reason: string): void {
    if (conn.state === 'dropped') return;
    conn.state = 'dropped';
    detach(conn);
    closeSoon(conn.ws, code, reason);
  }

  /** Closes `ws` with `code`, and cuts it if the peer does not answer in time. */
  function closeSoon(ws: WebSocket, code: number, reason: string): void {
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) {
      ws.close(code, closeReason(reason));
      const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
      timer.unref();
      ws.once('close', () => clearTimeout(timer));
    }
  }

  function release(conn: Connection): void {
    if (conn.released) return;
    conn.released = true;
    connections.delete(conn);
    releaseRoom(conn.room);
  }

  // ---- authorisation after the handshake ----------------------------------------------------

  async function recheck(conn: Connection): Promise<void> {
    let result: CollabAuthorization;
    try {
      result = await deps.authorize(conn.request, conn.documentName);
    } catch (error) {
      log.error('collab re-authorization failed', { document: conn.documentName, userId: conn.principal.userId, error: describeError(error) });
      drop(conn, CLOSE.internalError, 'authorization check failed');
      return;
    }
    if (conn.state !== 'open') return;
    if (!result.ok || result.principal.userId !== conn.principal.userId) {
      log.info('collab access revoked', { document: conn.documentName, userId: conn.principal.userId, status: result.ok ? 403 : result.status });
      drop(conn, CLOSE.forbidden, 'access revoked');
      return;
    }
    if (result.access !== conn.access && !conn.noticesOnly) {
      log.info('collab access changed', { document: conn.documentName, userId: conn.principal.userId, from: conn.access, to: result.access });
      // Left open, the client would go on editing and every edit would be dropped unseen: close it
      // (4423 stops a stock client), so the designer reopens the draft read-only and says so.
      if (result.access === 'read') {
        drop(conn, CLOSE.readOnly, 'you may now only read this draft');
        return;
      }
    }
    conn.access = result.access;
    conn.principal = result.principal;
  }

  async function reauthorize(userId: string): Promise<void> {
    const targets = [...connections].filter((conn) => conn.state === 'open' && conn.principal.userId === userId);
    await Promise.all(targets.map((conn) => recheck(conn)));
  }

  let rechecking = false;
  async function reauthorizeAll(): Promise<void> {
    if (rechecking) return;
    rechecking = true;
    try {
      await Promise.all([...connections].filter((conn) => conn.state === 'open').map((conn) => recheck(conn)));
    } finally {
      rechecking = false;
    }
  }

  const timers: NodeJS.Timeout[] = [];
  const reauthorizeEveryMs = deps.reauthorizeEveryMs ?? DEFAULTS.reauthorizeEveryMs;
  if (reauthorizeEveryMs > 0) {
    timers.push(setInterval(() => void reauthorizeAll(), reauthorizeEveryMs));
  }
  const heartbeatEveryMs = deps.heartbeatEveryMs ?? DEFAULTS.heartbeatEveryMs;
  if (heartbeatEveryMs > 0) {
    timers.push(
      setInterval(() => {
        for (const conn of connections) {
          const ws = conn.ws;
          if (ws.readyState !== WebSocket.OPEN) continue;
          if (!conn.alive) {
            log.info('collab heartbeat missed, terminating', { document: conn.documentName, userId: conn.principal.userId });
            ws.terminate();
            continue;
          }
          conn.alive = false;
          ws.ping();
        }
      }, heartbeatEveryMs),
    );
  }
  for (const timer of timers) timer.unref();

  // ---- API ---------------------------------------------------------------------------------

  async function shutdown(): Promise<void> {
    for (const timer of timers) clearInterval(timer);
    server.off('upgrade', onUpgrade);
    const all = [...connections];
    for (const conn of all) {
      if (conn.state === 'open') conn.state = 'draining';
      detach(conn);
      if (conn.ws.readyState === WebSocket.OPEN) conn.ws.close(CLOSE.goingAway, 'server shutting down');
    }
    await Promise.all(all.map((conn) => conn.queue));
    for (const conn of all) release(conn);
    // Server-side edits in flight hold refs too; wait until every room has unloaded.
    await Promise.all([...rooms.values()].map((room) => room.gone));
    for (const conn of all) if (conn.ws.readyState !== WebSocket.CLOSED) conn.ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    stopHearingLost();
    stopHearingBus();
    stopHearingResumed();
    if (ownWorkers) await workers.close();
  }

  return {
    close: () => (closing ??= shutdown()),
    revoke(filter) {
      let count = 0;
      for (const conn of [...connections]) {
        if (conn.state !== 'open' || !filter(conn.principal, conn.documentName)) continue;
        log.info('collab connection revoked', { document: conn.documentName, userId: conn.principal.userId });
        drop(conn, CLOSE.forbidden, 'access revoked');
        count++;
      }
      return count;
    },
    reauthorize,
    commentsChanged(documentName) {
      if (closing) return;
      tellCommentsChanged(documentName);
      if (shared) deps.bus!.publish({ kind: 'draft-comments-changed', document: documentName }).catch((error: unknown) => log.warn('collab comment notice not announced to the other processes', { document: documentName, error: describeError(error) }));
    },
    stats: () => ({ documents: rooms.size, connections: [...connections].filter((conn) => conn.state === 'open').length }),
    loadDraftDoc: (documentName) => loadDraftDoc(store, documentName),
    async applyServerUpdate(documentName, update, author = null) {
      if (closing) throw new Error('collaboration server is closed');
      const room = acquireRoom(documentName);
      try {
        await room.ready;
        return await runInRoom(room, async () => {
          if (room.failed || room.unloaded) throw new Error('draft not loaded');
          const outcome = await workers.serverUpdate(room.name, room.key, update.slice());
          if (outcome.kind === 'unchanged') return room.lastSeq;
          if (outcome.kind === 'applied') return commit(room, outcome.update, null, author);
          await loadRoomDoc(room).catch((error: unknown) => {
            failRoom(room, 'draft unavailable');
            throw error;
          });
          throw new Error(`server update ${outcome.reason}`);
        });
      } finally {
        releaseRoom(room);
      }
    },
  };
}

/** Whether the connection's URL asks for comment notices (`?notices=comments`, a comma-separated list). */
function wantsCommentNotices(url: string): boolean {
  try {
    return new URL(url, 'http://collab.invalid').searchParams.getAll('notices').some((value) => value.split(',').includes('comments'));
  } catch {
    return false;
  }
}

/** Whether the connection only listens for notices (`?only=notices`): see `Connection.noticesOnly`. */
function wantsNoticesOnly(url: string): boolean {
  try {
    return new URL(url, 'http://collab.invalid').searchParams.get('only') === 'notices';
  } catch {
    return false;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let out = reason;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
