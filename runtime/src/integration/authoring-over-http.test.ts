// The authoring service end to end over real HTTP and real WebSockets: demo accounts sign in,
// stock y-websocket clients co-edit a draft, and the draft goes through the whole workflow.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocketClass from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getPagesArray } from '@careloom/format/ydoc';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { startSmtpServer } from '../testing/fake-smtp-server.js';
import { invitationTokenIn, mailBody, mailTo } from '../testing/invitation-mail.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { eventually, HttpSession } from './http-client.js';

const pageTitle = (doc: Y.Doc): Y.Text => ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en') as Y.Text;

describe('authoring over HTTP and WebSockets', () => {
  let dir: string;
  let server: RunningServer;
  let designer: HttpSession;
  let designer2: HttpSession;
  let publisher: HttpSession;
  let admin: HttpSession;
  const providers: WebsocketProvider[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  const connect = (session: HttpSession, room: string) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, room, doc, {
      WebSocketPolyfill: session.webSocketClass() as never,
      disableBc: true,
    });
    providers.push(provider);
    return { doc, provider, synced: new Promise<void>((resolve) => provider.once('sync', () => resolve())) };
  };

  const start = async () =>
    startServer({
      config: loadConfig({ ...(await testDatabaseEnv(join(dir, 'careloom.sqlite'))), CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: join(import.meta.dirname, '../../../examples'), CARELOOM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, CARELOOM_MAIL_FROM: 'Careloom <noreply@careloom.test>' }),
      seedDemoAccounts: true,
      shutdownGraceMs: 100,
    });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    dir = mkdtempSync(join(tmpdir(), 'careloom-authoring-'));
    server = await start();
    designer = await HttpSession.login(server.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    publisher = await HttpSession.login(server.url, 'publisher@demo.careloom.test', 'careloom-demo-publisher');
    admin = await HttpSession.login(server.url, 'permissions-admin@demo.careloom.test', 'careloom-demo-permissions-admin');
    const organisationId = designer.organisationIds[0]!;
    // A second designer joins the way people do: invited by the permissions admin, accepting the e-mailed link.
    const invited = await admin.call('POST', `/api/organisations/${organisationId}/invitations`, { email: 'second.designer@demo.careloom.test', roles: ['designer'] });
    expect(invited.status).toBe(201);
    const token = invitationTokenIn(mailBody((await mailTo(smtp.received, 'second.designer@demo.careloom.test'))[0]!));
    const joined = await new HttpSession(server.url).call('POST', '/api/public/member-invitations/join', { token, name: 'Second Designer', password: 'second-designer-pass' });
    expect(joined.status).toBe(200);
    designer2 = await HttpSession.login(server.url, 'second.designer@demo.careloom.test', 'second-designer-pass');
    const created = await designer.call('POST', '/api/modules', { organisationId, id: 'panic-week-1-trial', example: 'panic-week-1' });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server?.close();
    await new Promise((resolve) => smtp?.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the collaboration endpoint without a session or from a foreign origin', async () => {
    const anonymous = new HttpSession(server.url);
    const refused = await new Promise<number>((resolve) => {
      const ws = new (anonymous.webSocketClass())(`${server.url.replace('http', 'ws')}/collab/panic-week-1-trial`);
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(refused).toBe(401);
    const foreign = await new Promise<number>((resolve) => {
      const ws = new WebSocketClass(`${server.url.replace('http', 'ws')}/collab/panic-week-1-trial`, { headers: { Cookie: designer.cookie }, origin: 'https://evil.example' });
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(foreign).toBe(403);
  });

  it('lets two designers co-edit a draft, drops a publisher\'s edits, and keeps the result across a restart', async () => {
    const a = connect(designer, 'panic-week-1-trial');
    const b = connect(designer2, 'panic-week-1-trial');
    const reader = connect(publisher, 'panic-week-1-trial');
    await Promise.all([a.synced, b.synced, reader.synced]);
    const original = pageTitle(a.doc).toString();

    pageTitle(a.doc).insert(0, 'Alpha ');
    pageTitle(b.doc).insert(pageTitle(b.doc).length, ' Omega');
    await eventually(() => pageTitle(a.doc).toString() === pageTitle(b.doc).toString() && pageTitle(a.doc).toString().includes('Omega') && pageTitle(a.doc).toString().includes('Alpha'), 'the designers to converge');
    expect(pageTitle(a.doc).toString()).toBe(`Alpha ${original} Omega`);
    await eventually(() => pageTitle(reader.doc).toString() === pageTitle(a.doc).toString(), 'the publisher to see the edits');

    pageTitle(reader.doc).insert(0, 'HIJACK ');
    // A later designer edit is relayed after the publisher's message was handled; it must not carry it.
    pageTitle(a.doc).insert(pageTitle(a.doc).length, '!');
    await eventually(() => pageTitle(b.doc).toString().endsWith('!'), 'the designer edit after the publisher edit');
    expect(pageTitle(b.doc).toString()).not.toContain('HIJACK');

    const draft = await designer.call('GET', '/api/modules/panic-week-1-trial/draft');
    expect((draft.body as { content: { pages: Array<{ title: { en: string } }> } }).content.pages[0]!.title.en).toBe(`Alpha ${original} Omega!`);

    for (const provider of providers.splice(0)) provider.destroy();
    await server.close();
    server = await start();
    designer = await HttpSession.login(server.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    const again = connect(designer, 'panic-week-1-trial');
    await again.synced;
    expect(pageTitle(again.doc).toString()).toBe(`Alpha ${original} Omega!`);
  });

  it('drops a designer\'s edits once their role becomes tester, and closes their connection within a second of removal', async () => {
    designer2 = await HttpSession.login(server.url, 'second.designer@demo.careloom.test', 'second-designer-pass');
    admin = await HttpSession.login(server.url, 'permissions-admin@demo.careloom.test', 'careloom-demo-permissions-admin');
    const organisationId = designer.organisationIds[0]!;
    const live = connect(designer2, 'panic-week-1-trial');
    const watcher = connect(designer, 'panic-week-1-trial');
    await Promise.all([live.synced, watcher.synced]);

    expect((await admin.call('PUT', `/api/organisations/${organisationId}/members/${designer2.personId}/roles`, { roles: ['tester'] })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = pageTitle(watcher.doc).toString();
    pageTitle(live.doc).insert(0, 'AFTER-DOWNGRADE ');
    pageTitle(watcher.doc).insert(pageTitle(watcher.doc).length, '.');
    await eventually(() => pageTitle(live.doc).toString().endsWith('.') || live.provider.wsconnected === false, 'the reader to get the designer edit');
    expect(pageTitle(watcher.doc).toString()).toBe(`${before}.`);

    const socket = live.provider.ws;
    const closedAt = new Promise<number>((resolve) => {
      if (!socket || socket.readyState === socket.CLOSED) resolve(Date.now());
      else socket.addEventListener('close', () => resolve(Date.now()));
    });
    const removedAt = Date.now();
    expect((await admin.call('DELETE', `/api/organisations/${organisationId}/members/${designer2.personId}`)).status).toBe(204);
    expect((await closedAt) - removedAt).toBeLessThan(1000);
  });

  it('takes a draft through submit, review, changes requested, resubmit, approval for test, release and retirement', async () => {
    designer = await HttpSession.login(server.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    publisher = await HttpSession.login(server.url, 'publisher@demo.careloom.test', 'careloom-demo-publisher');
    const submit = (note: string) => designer.call('POST', '/api/modules/panic-week-1-trial/versions', { changeNote: note });
    const act = (session: HttpSession, n: number, action: string, extra: object = {}) => session.call('POST', `/api/modules/panic-week-1-trial/versions/${n}/transitions`, { action, ...extra });

    const v1 = await submit('First version');
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ number: 1, state: 'submitted', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await act(designer, 1, 'start_review')).status).toBe(403);
    expect((await act(publisher, 1, 'release')).status).toBe(409);
    expect((await act(publisher, 1, 'start_review')).status).toBe(200);
    expect((await act(publisher, 1, 'request_changes', { note: 'Shorten the intro.' })).status).toBe(200);
    expect((await act(publisher, 1, 'approve_for_test')).status).toBe(409);

    const v2 = await submit('Shorter intro');
    expect(v2.status).toBe(201);
    expect((v2.body as { number: number }).number).toBe(2);
    expect((await act(publisher, 2, 'start_review')).status).toBe(200);
    expect((await act(publisher, 2, 'approve_for_test')).status).toBe(200);
    const released = await act(publisher, 2, 'release', { releaseNotes: 'Co-edited week 1.', releaseClass: 'minor' });
    expect(released.status).toBe(200);
    const catalog = await publisher.call('GET', '/api/catalog');
    expect(JSON.stringify(catalog.body)).toContain('panic-week-1-trial');
    expect((await act(publisher, 2, 'retire')).status).toBe(200);
    expect((await act(publisher, 2, 'release')).status).toBe(409);
  });
});
