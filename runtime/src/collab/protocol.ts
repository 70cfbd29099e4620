/**
 * The y-websocket wire format (what the stock `WebsocketProvider` speaks): one binary frame per
 * message, a varUint message type, then the payload. Decoding is strict (no trailing bytes) and
 * throws `ProtocolError`, whose message is fixed text (never document content), safe to log.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Careloom's own message, from the server only: the draft's review comments changed (added,
 * answered, resolved, reopened), so the editor reads them again through the API. It carries no
 * content, and is sent only to connections that asked for it with `?notices=comments` in the URL:
 * a stock y-websocket client, which does not know the type, would log an error for each one.
 */
export const MESSAGE_COMMENTS_CHANGED = 100;

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1; // 0
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2; // 1
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate; // 2

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** A message refused for its size before it was decoded in full. */
export class TooLargeError extends ProtocolError {
  override name = 'TooLargeError';
}

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** null: the client's state is removed (it left). */
  state: unknown;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-update'; step: 'step2' | 'update'; update: Uint8Array; empty: boolean; decoded: ReturnType<typeof Y.decodeUpdate> }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed ${what}`);
  }
}

function end(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw new ProtocolError(`trailing bytes after ${what}`);
}

/**
 * Decodes one client frame. Updates are checked structurally (`Y.decodeUpdate`) so a garbled
 * update is refused before it can reach the store; the returned bytes are a private copy.
 */
export function decodeClientMessage(data: Uint8Array, options: { maxStructs?: number } = {}): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = guard('message type', () => decoding.readVarUint(decoder));
  switch (type) {
    case MESSAGE_SYNC: {
      const syncType = guard('sync message', () => decoding.readVarUint(decoder));
      if (syncType === SYNC_STEP1) {
        const stateVector = guard('sync step 1', () => decoding.readVarUint8Array(decoder));
        end(decoder, 'sync step 1');
        guard('state vector', () => Y.decodeStateVector(stateVector));
        return { kind: 'sync-step1', stateVector };
      }
      if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
        const update = guard('update', () => decoding.readVarUint8Array(decoder)).slice();
        end(decoder, 'update');
        // Decoding builds an object per item: refuse what the header already shows to be too many.
        if (options.maxStructs !== undefined && firstWriterStructs(update) > options.maxStructs) throw new TooLargeError(`update has more than ${options.maxStructs} items`);
        const decoded = guard('update', () => Y.decodeUpdate(update));
        const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
        return { kind: 'sync-update', step: syncType === SYNC_STEP2 ? 'step2' : 'update', update, empty, decoded };
      }
      throw new ProtocolError('unknown sync message type');
    }
    case MESSAGE_AWARENESS: {
      const update = guard('awareness message', () => decoding.readVarUint8Array(decoder)).slice();
      end(decoder, 'awareness message');
      return { kind: 'awareness', update, entries: decodeAwarenessUpdate(update) };
    }
    case MESSAGE_QUERY_AWARENESS:
      end(decoder, 'query awareness');
      return { kind: 'query-awareness' };
    default:
      throw new ProtocolError('unknown message type');
  }
}

/**
 * The message type (and, for sync messages, the sync message type) from a frame's first bytes,
 * without decoding the rest; undefined when the frame starts with neither a known type nor a number.
 */
export function peekMessageType(data: Uint8Array): { type: number; syncType?: number } | undefined {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) return { type, syncType: decoding.readVarUint(decoder) };
    return type === MESSAGE_AWARENESS || type === MESSAGE_QUERY_AWARENESS ? { type } : undefined;
  } catch {
    return undefined;
  }
}

/** How many items the first writer of a (v1) update carries, read from its header; 0 when unreadable. */
function firstWriterStructs(update: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(update);
    return decoding.readVarUint(decoder) === 0 ? 0 : decoding.readVarUint(decoder);
  } catch {
    return 0;
  }
}

/** Parses an awareness update (the y-protocols encoding) without applying it. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  return guard('awareness update', () => {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientID, clock, state });
    }
    end(decoder, 'awareness update');
    return entries;
  });
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeCommentsChanged(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_COMMENTS_CHANGED);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: readonly number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return encoding.toUint8Array(encoder);
}
