/**
 * A misbehaving collaboration client in its own process, for collab-flood.security.test.ts: the
 * server's event loop is then measured without the attacker's own work (building 8,000 nested maps
 * takes seconds of Yjs) in it. Started with `node --import tsx`; the test sends, one line each on
 * stdin, `go` (attack) and `report` (answer with one JSON line: the close codes seen and whether
 * the attacking socket is still open), and reads `ready` on stdout once the attack is built.
 *
 * Input (JSON in argv[2]): { url, cookie, origin, room, attack, text? }.
 */
import { createInterface } from 'node:readline';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

interface Order {
  url: string;
  cookie: string;
  origin: string;
  room: string;
  attack: 'nested-maps' | 'descending-deletions' | 'burst';
  /** For `burst`: the shared text it appends to. */
  text?: string;
}

const order = JSON.parse(process.argv[2] ?? '{}') as Order;
const codes: number[] = [];
let last: WebSocket | undefined;

function frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function socket(): WebSocket {
  const ws = new WebSocket(`${order.url.replace('http', 'ws')}/collab/${order.room}`, { headers: { Cookie: order.cookie }, origin: order.origin });
  ws.on('error', () => undefined);
  ws.on('close', (code: number) => void codes.push(code));
  last = ws;
  return ws;
}

const opened = (ws: WebSocket) => new Promise<void>((resolve, reject) => {
  ws.once('open', () => resolve());
  ws.once('unexpected-response', () => reject(new Error('handshake refused')));
});
const closed = (ws: WebSocket) => new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve())));

/** Builds the attack; returns what `go` runs. */
async function prepare(): Promise<() => Promise<void>> {
  if (order.attack === 'nested-maps') {
    // 8,000 nested maps, then a key added to each of them (88 KB): seconds of Yjs work, once.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.transact(() => {
      let map = doc.getMap('nest');
      for (let i = 0; i < 8000; i++) {
        const child = new Y.Map<unknown>();
        map.set('c', child);
        map = child;
      }
    });
    doc.transact(() => {
      let map = doc.getMap('nest');
      for (let i = 0; i < 8000; i++) {
        map = map.get('c') as Y.Map<unknown>;
        map.set('k', i);
      }
    });
    if ((updates[1]?.byteLength ?? 0) < 80_000) throw new Error('attack too small');
    return async () => {
      for (const update of updates) {
        const ws = socket();
        await opened(ws);
        ws.send(frame(update));
        await closed(ws);
      }
    };
  }
  if (order.attack === 'descending-deletions') {
    // 100,000 characters, then 50,000 single-character deletions listed highest clock first (192 KB).
    const doc = new Y.Doc();
    doc.clientID = 424242;
    doc.getText('long').insert(0, 'x'.repeat(100_000));
    const ws = socket();
    await opened(ws);
    ws.send(frame(Y.encodeStateAsUpdate(doc)));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, doc.clientID);
    encoding.writeVarUint(encoder, 50_000);
    for (let i = 0; i < 50_000; i++) {
      encoding.writeVarUint(encoder, 99_998 - 2 * i);
      encoding.writeVarUint(encoder, 1);
    }
    const descending = encoding.toUint8Array(encoder);
    return async () => {
      ws.send(frame(descending));
      await closed(ws);
    };
  }
  // 10,000 ordinary one-character updates, as fast as the socket takes them.
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(frame(update)));
  const text = doc.getText(order.text ?? 'burst');
  for (let i = 0; i < 10_000; i++) text.insert(text.length, String(i % 10));
  const ws = socket();
  await opened(ws);
  return async () => {
    for (let i = 0; i < frames.length; i += 250) {
      for (const bytes of frames.slice(i, i + 250)) ws.send(bytes);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
}

const attack = await prepare();
let running: Promise<void> | undefined;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') running = attack();
  if (line === 'report') {
    await running;
    process.stdout.write(`${JSON.stringify({ codes, open: last?.readyState === WebSocket.OPEN })}\n`);
    last?.terminate();
    process.exit(0);
  }
}
