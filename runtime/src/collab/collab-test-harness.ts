/**
 * Test harness for the collaboration server: a real http.Server on 127.0.0.1:0, `attachCollab`,
 * stock y-websocket `WebsocketProvider` clients and raw `ws` clients. Only imported by tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { attachCollab, type CollabAccess, type CollabDeps, type CollabServer } from './collab-server.js';
import { MemoryDraftUpdateStore } from './memory-update-store.js';
import type { DraftUpdateStore } from './update-store.js';
import { createYjsWorkers, type YjsWorkers } from './yjs-workers.js';

/** One Yjs worker shared by every harness of a test file (starting one takes half a second). */
let sharedWorkers: YjsWorkers | undefined;
export function testWorkers(): YjsWorkers {
  return (sharedWorkers ??= createYjsWorkers({ size: 1, testHooks: true }));
}

export const ORIGIN = 'http://designer.test';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A `ws` WebSocket class that sends the given Origin (Node's `ws` sends none by default). */
export function webSocketWithOrigin(origin: string | null = ORIGIN): new (address: string, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, origin === null ? {} : { origin });
    }
  };
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
}

export interface Harness {
  server: Server;
  collab: CollabServer;
  store: DraftUpdateStore;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  logs: LogLine[];
  /** userId → access; missing users get 403, documents named 'missing' 404, no `user` param 401. */
  access: Map<string, CollabAccess>;
  /** `params` adds to the URL's query (e.g. `{ notices: 'comments' }`). */
  connect(documentName: string, user: string, params?: Record<string, string>): Client;
  /** Resolves once the provider has synced with the server. */
  connectSynced(documentName: string, user: string): Promise<Client>;
  /** A raw `ws` client for protocol-level tests; `origin` null sends no Origin header. */
  raw(documentName: string, user: string, origin?: string | null): WebSocket;
  /** Destroys every client and closes collab and the http server. */
  stop(): Promise<void>;
}

export async function startHarness(options: Partial<CollabDeps> & { store?: DraftUpdateStore } = {}): Promise<Harness> {
  const server = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  const store = options.store ?? new MemoryDraftUpdateStore();
  const logs: LogLine[] = [];
  const access = new Map<string, CollabAccess>([
    ['alice', 'write'],
    ['bob', 'write'],
    ['carol', 'write'],
    ['reader', 'read'],
  ]);
  const logger = {
    info: (message: string, fields: Record<string, unknown> = {}) => void logs.push({ level: 'info', message, fields }),
    warn: (message: string, fields: Record<string, unknown> = {}) => void logs.push({ level: 'warn', message, fields }),
    error: (message: string, fields: Record<string, unknown> = {}) => void logs.push({ level: 'error', message, fields }),
  };
  const collab = attachCollab(server, {
    allowedOrigins: [ORIGIN],
    reauthorizeEveryMs: 0,
    heartbeatEveryMs: 0,
    logger,
    authorize: async (request, documentName) => {
      const user = new URL(request.url, 'http://x').searchParams.get('user');
      if (!user) return { ok: false, status: 401, reason: 'not signed in' };
      if (documentName === 'missing') return { ok: false, status: 404, reason: 'no such document' };
      const granted = access.get(user);
      if (!granted) return { ok: false, status: 403, reason: 'not a designer of this module' };
      return { ok: true, principal: { userId: user, name: user }, access: granted };
    },
    workers: testWorkers(),
    ...options,
    store,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/collab`;
  const clients: Client[] = [];
  const raws: WebSocket[] = [];
  const OriginWebSocket = webSocketWithOrigin();

  function connect(documentName: string, user: string, params: Record<string, string> = {}): Client {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url, documentName, doc, {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      WebSocketPolyfill: OriginWebSocket as any,
      disableBc: true,
      params: { ...params, user },
      maxBackoffTime: 200,
    });
    const client = { doc, provider, text: () => doc.getText('body').toString() };
    clients.push(client);
    return client;
  }

  return {
    server,
    collab,
    store,
    url,
    logs,
    access,
    connect,
    async connectSynced(documentName, user) {
      const client = connect(documentName, user);
      await waitFor(() => client.provider.synced, `${user} synced`);
      return client;
    },
    raw(documentName, user, origin = ORIGIN) {
      const ws = new (webSocketWithOrigin(origin))(`${url}/${documentName}?user=${encodeURIComponent(user)}`);
      ws.on('error', () => undefined);
      raws.push(ws);
      return ws;
    },
    async stop() {
      for (const client of clients) {
        client.provider.destroy();
        client.provider.awareness.destroy();
        client.doc.destroy();
      }
      for (const ws of raws) ws.terminate();
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `condition` every 5 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves with the close code and reason of a raw ws client. */
export function closed(ws: WebSocket, timeoutMs = 3000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
    ws.once('close', (code: number, reason: Buffer) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** Resolves once a raw ws client is open. */
export function opened(ws: WebSocket, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not open')), timeoutMs);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.once('unexpected-response', () => reject(new Error('handshake refused')));
  });
}

/** Resolves with the HTTP status of a refused handshake (fails if the socket opens). */
export function refusedStatus(ws: WebSocket, timeoutMs = 3000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no response')), timeoutMs);
    ws.once('open', () => {
      clearTimeout(timer);
      reject(new Error('socket opened'));
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
  });
}
