/**
 * The Yjs worker threads, seen from the main thread. Each document lives in one worker, chosen by
 * its name (so one draft's work is always in order), and every call is a message with an answer.
 * The main thread then only moves bytes, checks who may do what, stores and relays: a costly
 * update holds a worker, never the HTTP event loop.
 *
 * A call that takes longer than `callTimeoutMs` means the worker is stuck on something no limit
 * caught: that worker is terminated (its calls fail with WorkerLostError, `onLost` listeners hear
 * of it, so the collab server closes that worker's documents and they reload from the store) and a
 * new one starts on the next call. A worker that runs out of memory (resourceLimits) ends the same way.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentKind } from '../domain/authoring/ports.js';
import type { RejectedUpdate } from './apply-updates.js';
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits } from './update-limits.js';
import type { ServerUpdateOutcome, SyncOutcome } from './yjs-engine.js';

/** One call to a worker (the `op` names a YjsEngine method). */
export type WorkerCall = { id: number } & (
  | { op: 'open'; key: string; updates: Uint8Array[] }
  | { op: 'close'; key: string }
  | { op: 'syncStep1'; key: string }
  | { op: 'state'; key: string }
  | { op: 'sync'; key: string; frame: Uint8Array; access: 'read' | 'write' }
  | { op: 'serverUpdate'; key: string; update: Uint8Array }
  | { op: 'decodeDraft'; kind: DocumentKind; updates: Uint8Array[] }
  | { op: 'busy'; ms: number }
);

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string; code?: string; path?: string } };

type Call = WorkerCall extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** The worker holding the document was terminated or died; its documents are gone. */
export class WorkerLostError extends Error {
  override name = 'WorkerLostError';
}

/** The call took longer than the limit; its worker was terminated. */
export class WorkerTimeoutError extends WorkerLostError {
  override name = 'WorkerTimeoutError';
}

export interface YjsWorkersOptions {
  /** Worker threads (default: one per core beyond the first, at least 1, at most 4). */
  size?: number;
  /** Per-update limits the workers check (update-limits.ts). */
  limits?: Partial<UpdateLimits>;
  /** A call running longer terminates its worker (default 10 s). */
  callTimeoutMs?: number;
  /** Heap of one worker, in MiB (default 512): beyond it the worker ends, not the server. */
  maxHeapMb?: number;
  /** Tests only: lets `busy` hold a worker. */
  testHooks?: boolean;
}

export interface YjsWorkers {
  readonly size: number;
  /** Which worker holds document `name`. */
  shardOf(name: string): number;
  open(name: string, key: string, updates: Uint8Array[]): Promise<RejectedUpdate[]>;
  /** Drops document `key` from its worker (a no-op when that worker is gone). */
  closeDocument(name: string, key: string): Promise<void>;
  syncStep1(name: string, key: string): Promise<Uint8Array>;
  state(name: string, key: string): Promise<Uint8Array>;
  sync(name: string, key: string, frame: Uint8Array, access: 'read' | 'write'): Promise<SyncOutcome>;
  serverUpdate(name: string, key: string, update: Uint8Array): Promise<ServerUpdateOutcome>;
  /** A draft's JSON from its stored updates (the draft codec in a worker). */
  decodeDraft(name: string, kind: DocumentKind, updates: Uint8Array[]): Promise<unknown>;
  /** Tests only (with testHooks): holds the worker of `name` for `ms`. */
  busy(name: string, ms: number): Promise<void>;
  /** Called with the shard whose worker was lost (its documents are gone). Returns the unsubscribe. */
  onLost(listener: (shard: number) => void): () => void;
  /** Terminates every worker; later calls fail. */
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Starts the call's time limit (once the worker has started: loading it is not the call's time). */
  arm(): void;
  timer: NodeJS.Timeout | undefined;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: boolean;
  lost: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_HEAP_MB = 512;

/**
 * @example
 * const workers = createYjsWorkers();
 * const collab = attachCollab(server, { store, authorize, allowedOrigins, workers });
 * // on shutdown, after collab.close(): await workers.close();
 */
export function createYjsWorkers(options: YjsWorkersOptions = {}): YjsWorkers {
  const size = Math.max(1, options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1)));
  const limits: UpdateLimits = { ...DEFAULT_UPDATE_LIMITS, ...options.limits };
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const slots: Array<Slot | undefined> = new Array<Slot | undefined>(size).fill(undefined);
  const listeners = new Set<(shard: number) => void>();
  let nextId = 1;
  let closed = false;

  function spawn(shard: number): Slot {
    const worker = startWorker({ limits, testHooks: options.testHooks === true }, options.maxHeapMb ?? DEFAULT_HEAP_MB);
    // Idle workers do not keep the process alive; pending calls hold their own timers.
    worker.unref();
    const slot: Slot = { worker, pending: new Map(), ready: false, lost: false };
    worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if (!('id' in reply)) {
        slot.ready = true;
        for (const pending of slot.pending.values()) pending.arm();
        return;
      }
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
    });
    worker.on('error', (error) => lose(shard, slot, new WorkerLostError(`Yjs worker failed: ${error.message}`)));
    worker.on('exit', (code) => lose(shard, slot, new WorkerLostError(`Yjs worker exited (${code})`)));
    slots[shard] = slot;
    return slot;
  }

  function lose(shard: number, slot: Slot, error: WorkerLostError): void {
    if (slot.lost) return;
    slot.lost = true;
    if (slots[shard] === slot) slots[shard] = undefined;
    void slot.worker.terminate();
    for (const pending of slot.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    slot.pending.clear();
    if (!closed) for (const listener of listeners) listener(shard);
  }

  function shardOf(name: string): number {
    // FNV-1a: stable across restarts, so a document keeps its worker.
    let hash = 0x811c9dc5;
    for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
    return (hash >>> 0) % size;
  }

  function call<T>(name: string, message: Call): Promise<T> {
    if (closed) return Promise.reject(new WorkerLostError('Yjs workers are closed'));
    const shard = shardOf(name);
    const slot = slots[shard] ?? spawn(shard);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = {
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: undefined,
        arm() {
          pending.timer ??= setTimeout(() => {
            slot.pending.delete(id);
            reject(new WorkerTimeoutError(`Yjs work took longer than ${callTimeoutMs} ms`));
            lose(shard, slot, new WorkerLostError('Yjs worker terminated: a call took too long'));
          }, callTimeoutMs);
        },
      };
      slot.pending.set(id, pending);
      if (slot.ready) pending.arm();
      slot.worker.postMessage({ ...message, id });
    });
  }

  return {
    size,
    shardOf,
    open: (name, key, updates) => call(name, { op: 'open', key, updates: updates.map(exact) }),
    closeDocument: (name, key) =>
      call<void>(name, { op: 'close', key }).catch((error: unknown) => {
        if (!(error instanceof WorkerLostError)) throw error;
      }),
    close() {
      closed = true;
      const running = slots.filter((slot): slot is Slot => slot !== undefined);
      slots.fill(undefined);
      for (const slot of running) {
        slot.lost = true;
        for (const pending of slot.pending.values()) {
          clearTimeout(pending.timer);
          pending.reject(new WorkerLostError('Yjs workers are closed'));
        }
      }
      return Promise.all(running.map((slot) => slot.worker.terminate())).then(() => undefined);
    },
    syncStep1: (name, key) => call(name, { op: 'syncStep1', key }),
    state: (name, key) => call(name, { op: 'state', key }),
    sync: (name, key, frame, access) => call(name, { op: 'sync', key, frame: exact(frame), access }),
    serverUpdate: (name, key, update) => call(name, { op: 'serverUpdate', key, update: exact(update) }),
    decodeDraft: (name, kind, updates) => call(name, { op: 'decodeDraft', kind, updates: updates.map(exact) }),
    busy: (name, ms) => call(name, { op: 'busy', ms }),
    onLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Bytes that own their whole buffer: posting a view (e.g. one of ws's pooled buffers) would copy
 * the entire buffer behind it.
 */
function exact(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/**
 * Starts yjs-worker.ts. The server runs its TypeScript through tsx, which a worker thread does not
 * inherit in every setting (a test runner's own loader, for one): a `.ts` entry is loaded through
 * tsx's API, so the worker runs the same source however the server was started.
 */
function startWorker(workerData: unknown, maxHeapMb: number): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './yjs-worker.ts' : './yjs-worker.js', import.meta.url);
  // A small young generation: every newcomer's sync step 2 is a draft-sized allocation, and a
  // larger nursery grows the process by megabytes that look like memory per connected client.
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 4 };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, resourceLimits });
  // The ES module build of tsx's API (require.resolve finds its CommonJS twin beside it).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
