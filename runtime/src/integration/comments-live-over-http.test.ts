// Review comments reach the open editors of a draft at once, over real HTTP and real WebSockets:
// a publisher comments, answers and resolves through the API, and every designer with the draft
// open hears of it on the live-draft connection (Careloom's comment notice, message type 100, sent
// to connections that asked with `?notices=comments`) and reads the comments again. Under
// `npm run test:pg` a second server on the same database holds one of the editors: the notice
// crosses processes over LISTEN/NOTIFY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_COMMENTS_CHANGED } from '../collab/protocol.js';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { eventually, HttpSession } from './http-client.js';

const DOCUMENT = 'panic-week-1-live-comments';
const onPostgres = process.env.CARELOOM_TEST_STORE === 'postgresql';
/** A busy CI machine opens connections slowly; a notice that is not sent never arrives at all. */
const PATIENCE_MS = 15_000;

interface Editor {
  provider: WebsocketProvider;
  /** Comment notices heard so far. */
  notices: number;
  synced: Promise<void>;
}

describe('review comments reach open editors live', () => {
  let dir: string;
  let server: RunningServer;
  /** On PostgreSQL a second process on the same database; on SQLite the same server. */
  let other: RunningServer;
  let designer: HttpSession;
  let designerElsewhere: HttpSession;
  let publisher: HttpSession;
  let outsider: HttpSession;
  const providers: WebsocketProvider[] = [];

  const start = async () =>
    startServer({
      config: loadConfig({ ...(await testDatabaseEnv(join(dir, 'careloom.sqlite'))), CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: join(import.meta.dirname, '../../../examples') }),
      seedDemoAccounts: true,
      shutdownGraceMs: 100,
    });

  /** Opens the draft as the designer's editor does: y-websocket with Careloom's notice handler. */
  const open = (session: HttpSession, at: RunningServer, notices = true): Editor => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${at.url.replace('http', 'ws')}/collab`, DOCUMENT, doc, {
      WebSocketPolyfill: session.webSocketClass() as never,
      disableBc: true,
      ...(notices ? { params: { notices: 'comments' } } : {}),
    });
    providers.push(provider);
    const editor: Editor = { provider, notices: 0, synced: new Promise<void>((resolve) => provider.once('sync', () => resolve())) };
    if (notices) provider.messageHandlers[MESSAGE_COMMENTS_CHANGED] = () => void editor.notices++;
    return editor;
  };

  const threads = async (session: HttpSession) => (await session.call('GET', `/api/modules/${DOCUMENT}/comments`)).body as { threads: Array<{ id: string; body: string; resolvedAt: string | null; replies: Array<{ body: string }> }> };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloom-live-comments-'));
    server = await start();
    other = onPostgres ? await start() : server;
    designer = await HttpSession.login(server.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    designerElsewhere = await HttpSession.login(other.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    publisher = await HttpSession.login(server.url, 'publisher@demo.careloom.test', 'careloom-demo-publisher');
    // A care-provider therapist: signed in, but no reader of any publisher's drafts.
    outsider = await HttpSession.login(server.url, 'therapist@demo.careloom.test', 'careloom-demo-therapist');
    const created = await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0]!, id: DOCUMENT, example: 'panic-week-1' });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    if (other && other !== server) await other.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells every open editor of the draft when a comment is added, answered, resolved and reopened, on this process and (PostgreSQL) another', async () => {
    const here = open(designer, server);
    const elsewhere = open(designerElsewhere, other);
    // A stock client that did not ask for notices gets none (it would log an unknown message).
    const stock = open(designer, server, false);
    let stockUnknown = 0;
    stock.provider.messageHandlers[MESSAGE_COMMENTS_CHANGED] = () => void stockUnknown++;
    await Promise.all([here.synced, elsewhere.synced, stock.synced]);

    const added = await publisher.call('POST', `/api/modules/${DOCUMENT}/comments`, { body: 'Say what a panic attack is first.', anchor: null });
    expect(added.status).toBe(201);
    await eventually(() => here.notices >= 1 && elsewhere.notices >= 1, 'both editors to hear of the new comment', PATIENCE_MS);
    // What the notice makes the editor do: read the comments, authorised as the designer.
    const [thread] = (await threads(designerElsewhere)).threads;
    expect(thread).toMatchObject({ body: 'Say what a panic attack is first.', resolvedAt: null });

    const before = { here: here.notices, elsewhere: elsewhere.notices };
    expect((await publisher.call('POST', `/api/modules/${DOCUMENT}/comments`, { body: 'And keep it short.', parentId: thread!.id })).status).toBe(201);
    await eventually(() => here.notices > before.here && elsewhere.notices > before.elsewhere, 'both editors to hear of the reply', PATIENCE_MS);
    expect((await threads(designer)).threads[0]!.replies.map((reply) => reply.body)).toEqual(['And keep it short.']);

    const beforeResolve = { here: here.notices, elsewhere: elsewhere.notices };
    expect((await designerElsewhere.call('POST', `/api/modules/${DOCUMENT}/comments/${thread!.id}/resolve`)).status).toBe(200);
    await eventually(() => here.notices > beforeResolve.here && elsewhere.notices > beforeResolve.elsewhere, 'both editors to hear of the resolution', PATIENCE_MS);
    expect((await threads(designer)).threads[0]!.resolvedAt).not.toBeNull();

    const beforeReopen = { here: here.notices, elsewhere: elsewhere.notices };
    expect((await publisher.call('POST', `/api/modules/${DOCUMENT}/comments/${thread!.id}/reopen`)).status).toBe(200);
    await eventually(() => here.notices > beforeReopen.here && elsewhere.notices > beforeReopen.elsewhere, 'both editors to hear of the reopening', PATIENCE_MS);

    // Reopening an open thread again changes nothing, and tells nobody.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const settled = here.notices;
    expect((await publisher.call('POST', `/api/modules/${DOCUMENT}/comments/${thread!.id}/reopen`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(here.notices).toBe(settled);
    expect(stockUnknown).toBe(0);
  });

  it('tells only people who may read the draft, and a refused comment tells nobody', async () => {
    const editor = open(designer, server);
    await editor.synced;
    // The therapist may neither open the draft nor read or write its comments.
    const refusedStatus = await new Promise<number>((resolve) => {
      const ws = new (outsider.webSocketClass())(`${server.url.replace('http', 'ws')}/collab/${DOCUMENT}?notices=comments`);
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect([403, 404]).toContain(refusedStatus);
    expect([403, 404]).toContain((await outsider.call('GET', `/api/modules/${DOCUMENT}/comments`)).status);
    const heard = editor.notices;
    expect([403, 404]).toContain((await outsider.call('POST', `/api/modules/${DOCUMENT}/comments`, { body: 'Not mine to say.', anchor: null })).status);
    expect((await publisher.call('POST', `/api/modules/${DOCUMENT}/comments`, { body: 'x', anchor: 'no-such-block' })).status).toBe(422);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.notices).toBe(heard);
  });
});
