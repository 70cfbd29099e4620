/**
 * Entry of a Yjs worker thread (started by yjs-workers.ts): one YjsEngine answering the main
 * thread's calls in order. Every call's answer, or the error it threw, goes back under its id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { YjsEngine } from './yjs-engine.js';
import type { UpdateLimits } from './update-limits.js';
import type { WorkerCall, WorkerReply } from './yjs-workers.js';

const port = parentPort;
if (!port) throw new Error('yjs-worker.ts runs as a worker thread');
const options = workerData as { limits: UpdateLimits; testHooks?: boolean };
const engine = new YjsEngine(options.limits);

port.on('message', (call: WorkerCall) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const value = run(call);
    reply = { id: call.id, ok: true, value };
    transfer = ownedBuffers(value);
  } catch (error) {
    const { name, message, code, path } = error as Error & { code?: unknown; path?: unknown };
    reply = { id: call.id, ok: false, error: { name: String(name), message: String(message), ...(typeof code === 'string' ? { code } : {}), ...(typeof path === 'string' ? { path } : {}) } };
  }
  // The answer's bytes move to the main thread instead of being copied (a sync step 2 for each
  // newcomer is the whole draft): nothing here keeps them.
  port.postMessage(reply, transfer);
});

/** Buffers of the bytes in an answer that own their whole buffer (safe to hand over). */
function ownedBuffers(value: unknown): ArrayBuffer[] {
  const candidates = value instanceof Uint8Array ? [value] : value !== null && typeof value === 'object' ? Object.values(value).filter((field): field is Uint8Array => field instanceof Uint8Array) : [];
  const buffers = new Set<ArrayBuffer>();
  for (const bytes of candidates) {
    if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) buffers.add(bytes.buffer);
  }
  return [...buffers];
}
port.postMessage({ ready: true });

function run(call: WorkerCall): unknown {
  switch (call.op) {
    case 'open':
      return engine.open(call.key, call.updates);
    case 'close':
      return engine.close(call.key);
    case 'syncStep1':
      return engine.syncStep1(call.key);
    case 'state':
      return engine.state(call.key);
    case 'sync':
      return engine.sync(call.key, call.frame, call.access);
    case 'serverUpdate':
      return engine.serverUpdate(call.key, call.update);
    case 'decodeDraft':
      return engine.decodeDraft(call.kind, call.updates);
    case 'busy':
      // Only in workers started for tests: holds the thread, as a pathological update would.
      if (!options.testHooks) throw new Error('unknown call');
      for (const until = Date.now() + call.ms; Date.now() < until; );
      return undefined;
  }
}
