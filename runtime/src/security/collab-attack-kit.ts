/**
 * Shared by the collaboration security tests: a real server (startServer, temp SQLite file, demo
 * accounts), a draft to attack, stock y-websocket clients and raw `ws` sockets carrying a session.
 * Only imported by tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadConfig } from '../config.js';
import { HttpSession } from '../integration/http-client.js';
import { startServer, type RunningServer, type StartServerOptions } from '../server.js';

export const DESIGNER = { email: 'designer@demo.careloom.test', password: 'careloom-demo-designer' };

export interface Stage {
  dir: string;
  databaseFile: string;
  server: RunningServer;
  designer: HttpSession;
  providers: WebsocketProvider[];
  sockets: WebSocket[];
  /** Starts (again) over the same database file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStage(options: Partial<StartServerOptions> = {}): Promise<Stage> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-collab-security-'));
  const databaseFile = join(dir, 'careloom.sqlite');
  const start = () =>
    startServer({
      config: loadConfig({ CARELOOM_DB: databaseFile, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: join(import.meta.dirname, '../../../examples') }),
      seedDemoAccounts: true,
      shutdownGraceMs: 100,
      ...options,
    });
  const stage: Stage = {
    dir,
    databaseFile,
    server: await start(),
    designer: undefined as unknown as HttpSession,
    providers: [],
    sockets: [],
    async restart() {
      closeClients(stage);
      await stage.server.close();
      stage.server = await start();
      stage.designer = await HttpSession.login(stage.server.url, DESIGNER.email, DESIGNER.password);
    },
    async stop() {
      closeClients(stage);
      await stage.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  stage.designer = await HttpSession.login(stage.server.url, DESIGNER.email, DESIGNER.password);
  return stage;
}

function closeClients(stage: Stage): void {
  for (const provider of stage.providers.splice(0)) provider.destroy();
  for (const socket of stage.sockets.splice(0)) socket.terminate();
}

/** Creates a module draft from an example, owned by the designer's organisation. */
export async function createDraft(stage: Stage, id: string, example = 'phq-9'): Promise<void> {
  const created = await stage.designer.call('POST', '/api/modules', { organisationId: stage.designer.organisationIds[0], id, example });
  if (created.status !== 201) throw new Error(`Could not create draft ${id}: ${created.status} ${JSON.stringify(created.body)}`);
}

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw (code), in order. */
  closes: number[];
  synced: Promise<void>;
}

/** A stock y-websocket client of the draft, signed in as `session`. */
export function stockClient(stage: Stage, room: string, session: HttpSession = stage.designer): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${stage.server.url.replace('http', 'ws')}/collab`, room, doc, { WebSocketPolyfill: session.webSocketClass() as never, disableBc: true, maxBackoffTime: 300 });
  stage.providers.push(provider);
  const closes: number[] = [];
  provider.on('connection-close', (event) => void closes.push(event?.code ?? 0));
  return { doc, provider, closes, synced: new Promise<void>((resolve) => provider.once('sync', () => resolve())) };
}

/** A raw socket to the draft with the session's cookie; `origin` null sends no Origin header. */
export function rawSocket(stage: Stage, room: string, options: { session?: HttpSession; origin?: string | null } = {}): WebSocket {
  const session = options.session ?? stage.designer;
  const origin = options.origin === undefined ? new URL(stage.server.url).origin : options.origin;
  const socket = new WebSocket(`${stage.server.url.replace('http', 'ws')}/collab/${room}`, { headers: { Cookie: session.cookie }, ...(origin === null ? {} : { origin }) });
  socket.on('error', () => undefined);
  stage.sockets.push(socket);
  return socket;
}

/** One y-websocket sync-update frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The text of the draft's title in English, as a stock client sees it. */
export function titleText(doc: Y.Doc): Y.Text {
  return (doc.getMap('module').get('title') as Y.Map<Y.Text>).get('en') as Y.Text;
}
