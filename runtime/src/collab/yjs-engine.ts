/**
 * Every piece of Yjs work the collaboration server does, on documents it holds by key: decoding a
 * client's sync message, checking an update (update-limits.ts), applying it and reporting exactly
 * what applied, answering sync step 1, encoding a document for compaction, and turning stored
 * updates into a draft's JSON. It runs inside the Yjs worker threads (yjs-worker.ts), so none of
 * this work holds the HTTP event loop; it knows nothing of sockets, people or the store, which stay
 * on the main thread. Tests use it directly.
 */
import * as Y from 'yjs';
import { yDocDraftCodec } from '../domain/authoring/ydoc-draft-codec.js';
import type { DocumentKind } from '../domain/authoring/ports.js';
import { applyUpdatesSafely, hasPending, type RejectedUpdate } from './apply-updates.js';
import { ProtocolError, TooLargeError, decodeClientMessage, encodeSyncStep1, encodeSyncStep2 } from './protocol.js';
import { checkUpdateAgainstDoc, checkUpdateShape, type DecodedUpdate, type UpdateLimits } from './update-limits.js';

/** Why an update was refused; `read-only`: it would change a draft the connection may only read. */
export type RefusalKind = 'malformed' | 'too-large' | 'out-of-sync' | 'read-only';

/** What came of one client sync message. `cost` is charged against the connection's budget. */
export type SyncOutcome =
  /** Sync step 1 answered: send `message` back. */
  | { kind: 'reply'; message: Uint8Array; cost: number }
  /** Applied: `update` is exactly what changed the document; store it, then relay it. */
  | { kind: 'applied'; update: Uint8Array; cost: number }
  /** Nothing new (empty, already known, or a reader's step 2 that changes nothing). */
  | { kind: 'unchanged'; cost: number }
  /** Refused before Yjs applied anything; `update` is set when it should be kept for inspection. */
  | { kind: 'refused'; refusal: RefusalKind; reason: string; update?: Uint8Array; cost: number }
  /** Yjs rejected it part-way: the document must be reopened from the store (`update` is to keep). */
  | { kind: 'failed'; reason: string; update: Uint8Array; cost: number };

/** What came of an update the server itself applies (restoring a version). */
export type ServerUpdateOutcome = { kind: 'applied'; update: Uint8Array } | { kind: 'unchanged' } | { kind: 'failed'; reason: string };

export class YjsEngine {
  readonly #docs = new Map<string, { doc: Y.Doc; capture: Uint8Array[] | undefined }>();

  constructor(private readonly limits: UpdateLimits) {}

  /** Builds (or rebuilds) the document `key` from stored updates; returns the ones set aside. */
  open(key: string, updates: readonly Uint8Array[]): RejectedUpdate[] {
    this.close(key);
    const { doc, rejected } = applyUpdatesSafely(updates);
    const entry = { doc, capture: undefined as Uint8Array[] | undefined };
    doc.on('update', (update: Uint8Array) => entry.capture?.push(update));
    this.#docs.set(key, entry);
    return rejected;
  }

  close(key: string): void {
    this.#docs.get(key)?.doc.destroy();
    this.#docs.delete(key);
  }

  /** How many documents are open (for tests and stats). */
  get size(): number {
    return this.#docs.size;
  }

  /** The sync step 1 message the server sends a new connection. */
  syncStep1(key: string): Uint8Array {
    return encodeSyncStep1(this.#doc(key));
  }

  /** The whole document as one update (compaction). */
  state(key: string): Uint8Array {
    return Y.encodeStateAsUpdate(this.#doc(key));
  }

  /** Handles one client sync message (message type 0) of a connection with `access`. */
  sync(key: string, frame: Uint8Array, access: 'read' | 'write'): SyncOutcome {
    const doc = this.#doc(key);
    let message;
    try {
      message = decodeClientMessage(frame, { maxStructs: this.limits.maxStructs });
    } catch (error) {
      if (error instanceof TooLargeError) return { kind: 'refused', refusal: 'too-large', reason: error.message, cost: 1 };
      return { kind: 'refused', refusal: 'malformed', reason: error instanceof ProtocolError ? error.message : 'malformed message', cost: 1 };
    }
    if (message.kind === 'sync-step1') {
      try {
        return { kind: 'reply', message: encodeSyncStep2(doc, message.stateVector), cost: 1 };
      } catch {
        return { kind: 'refused', refusal: 'malformed', reason: 'bad state vector', cost: 1 };
      }
    }
    if (message.kind !== 'sync-update') return { kind: 'refused', refusal: 'malformed', reason: 'not a sync message', cost: 1 };
    if (message.empty) return { kind: 'unchanged', cost: 1 };
    const shape = checkUpdateShape(message.decoded, this.limits);
    if (!shape.ok) return { kind: 'refused', refusal: shape.kind, reason: shape.reason, ...(shape.kind === 'malformed' ? { update: message.update } : {}), cost: 1 };
    const cost = Math.max(1, shape.cost);
    if (access === 'read') {
      // A reader's step 2 carries the whole delete set it knows; only a change is an edit attempt.
      return changesDocument(doc, message.decoded) ? { kind: 'refused', refusal: 'read-only', reason: 'this draft may only be read on this connection', cost } : { kind: 'unchanged', cost };
    }
    const verdict = checkUpdateAgainstDoc(doc, message.decoded, this.limits);
    if (!verdict.ok) return { kind: 'refused', refusal: verdict.kind, reason: verdict.reason, ...(verdict.kind === 'malformed' ? { update: message.update } : {}), cost };
    const outcome = this.#apply(key, message.update);
    if (outcome.kind === 'failed') return { ...outcome, update: message.update, cost };
    return { ...outcome, cost };
  }

  /** Applies an update from the server itself (no limits: it is the server's own edit). */
  serverUpdate(key: string, update: Uint8Array): ServerUpdateOutcome {
    return this.#apply(key, update);
  }

  /** A draft's JSON from its stored updates (the draft codec, off the HTTP event loop). */
  decodeDraft(kind: DocumentKind, updates: readonly Uint8Array[]): unknown {
    return yDocDraftCodec.decode(kind, updates);
  }

  #apply(key: string, update: Uint8Array): ServerUpdateOutcome {
    const entry = this.#entry(key);
    const captured: Uint8Array[] = [];
    entry.capture = captured;
    let failure: string | undefined;
    try {
      Y.applyUpdate(entry.doc, update);
    } catch (error) {
      failure = `does not apply (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
    } finally {
      entry.capture = undefined;
    }
    if (!failure && hasPending(entry.doc)) failure = 'builds on items the server does not have';
    if (failure) {
      // The doc may hold part of the update now: it is not served again until reopened.
      this.close(key);
      return { kind: 'failed', reason: failure };
    }
    if (captured.length === 0) return { kind: 'unchanged' };
    return { kind: 'applied', update: captured.length === 1 ? (captured[0] as Uint8Array) : Y.mergeUpdates(captured) };
  }

  #entry(key: string): { doc: Y.Doc; capture: Uint8Array[] | undefined } {
    const entry = this.#docs.get(key);
    if (!entry) throw new Error('document not open');
    return entry;
  }

  #doc(key: string): Y.Doc {
    return this.#entry(key).doc;
  }
}

/**
 * Whether applying `decoded` would change `doc`: an item the doc does not have, or a deletion of
 * an item the doc has not deleted. Linear in the update and the items its deleted ranges cover
 * (ranges are ascending and disjoint, checked before).
 */
export function changesDocument(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (!structs || clock + len > state) return true;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index] as Y.Item | Y.GC;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return true;
      }
    }
  }
  return false;
}
