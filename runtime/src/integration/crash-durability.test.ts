// Acknowledged edits survive a crash: every edit another client has seen was stored first, so a
// kill -9 of the server loses none of them. On SQLite (`npm run test:alone`) and PostgreSQL (`npm run test:pg`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverProcesses } from '../testing/server-process.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getPagesArray } from '@careloom/format/ydoc';
import { eventually, HttpSession } from './http-client.js';

const servers = serverProcesses();
const providers: WebsocketProvider[] = [];


function connect(session: HttpSession, url: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/collab`, 'copd-daily-report-trial', doc, { WebSocketPolyfill: session.webSocketClass() as never, disableBc: true });
  providers.push(provider);
  return { doc, synced: new Promise<void>((done) => provider.once('sync', () => done())) };
}

const title = (doc: Y.Doc) => ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en') as Y.Text;

describe('crash durability', () => {
  let dir = '';
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
    servers.killAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every relayed edit after kill -9 and restart', { timeout: 240_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloom-crash-'));
    const databaseFile = join(dir, 'careloom.sqlite');
    const first = await servers.start(await testDatabaseEnv(databaseFile));
    const designer = await HttpSession.login(first.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    expect((await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0], id: 'copd-daily-report-trial', example: 'copd-daily-report' })).status).toBe(201);

    const writer = connect(designer, first.url);
    const observer = connect(designer, first.url);
    await Promise.all([writer.synced, observer.synced]);
    for (let edit = 0; edit < 20; edit += 1) title(writer.doc).insert(title(writer.doc).length, ` #${edit}`);
    await eventually(() => title(observer.doc).toString().endsWith('#19'), 'the other client to see every edit');
    const seen = title(observer.doc).toString();

    first.child.kill('SIGKILL');
    await new Promise((done) => first.child.once('exit', done));
    for (const provider of providers.splice(0)) provider.destroy();

    const second = await servers.start(await testDatabaseEnv(databaseFile));
    const again = await HttpSession.login(second.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    const draft = await again.call('GET', '/api/modules/copd-daily-report-trial/draft');
    expect((draft.body as { content: { pages: Array<{ title: { en: string } }> } }).content.pages[0]!.title.en).toBe(seen);
  });
});
