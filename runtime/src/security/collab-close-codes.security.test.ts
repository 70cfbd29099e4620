// Issue 9, finding 7: collaboration close codes. A designer downgraded to a read-only role kept an
// open socket whose every later edit was silently dropped; an over-size frame closed with 1009,
// which stock y-websocket clients retry forever (re-uploading over 1 MiB each time); an upgrade
// without an Origin header was accepted with full write access. Now the downgrade closes with
// 4423 and the over-size frame with 4413 (y-websocket stops reconnecting on 4400–4499), and a
// cookie-carrying upgrade without Origin is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { closed, opened, refusedStatus, waitFor } from '../collab/collab-test-harness.js';
import { HttpSession } from '../integration/http-client.js';
import { createDraft, rawSocket, startStage, stockClient, titleText, updateFrame, type Stage } from './collab-attack-kit.js';

let stage: Stage | undefined;
afterEach(async () => {
  await stage?.stop();
  stage = undefined;
});

describe('collaboration close codes (issue 9, finding 7)', () => {
  it('a designer downgraded to tester is closed with 4423 and the stock client stops; nothing is silently dropped', async () => {
    stage = await startStage();
    await createDraft(stage, 'downgrade');
    const designer = stockClient(stage, 'downgrade');
    await designer.synced;
    let closedWith: number | undefined;
    designer.provider.on('closed', (event) => (closedWith = event.code));
    const admin = await HttpSession.login(stage.server.url, 'permissions-admin@demo.careloom.test', 'careloom-demo-permissions-admin');
    const organisationId = stage.designer.organisationIds[0]!;
    const changed = await admin.call('PUT', `/api/organisations/${organisationId}/members/${stage.designer.personId}/roles`, { roles: ['tester'] });
    expect(changed.status).toBe(200);
    await waitFor(() => closedWith !== undefined, 'the designer closed', 3000);
    expect(closedWith).toBe(4423);
    expect(designer.provider.shouldConnect).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(designer.provider.wsconnected).toBe(false);
  });

  it('an over-size frame closes with 4413, and a stock client does not upload it again', async () => {
    stage = await startStage();
    await createDraft(stage, 'oversize');
    const raw = rawSocket(stage, 'oversize');
    await opened(raw);
    raw.send(new Uint8Array(1024 * 1024 + 16));
    expect((await closed(raw)).code).toBe(4413);

    const client = stockClient(stage, 'oversize');
    await client.synced;
    let closedWith: number | undefined;
    client.provider.on('closed', (event) => (closedWith = event.code));
    titleText(client.doc).insert(0, 'x'.repeat(1024 * 1024 + 1));
    await waitFor(() => closedWith !== undefined, 'the stock client closed', 5000);
    expect(closedWith).toBe(4413);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(client.closes).toEqual([4413]);
    expect(client.provider.shouldConnect).toBe(false);
    const other = stockClient(stage, 'oversize');
    await other.synced;
    expect(titleText(other.doc).toString()).not.toContain('xxxx');
  });

  it('refuses a cookie-authenticated upgrade without an Origin header (403), and accepts it with the right Origin', async () => {
    stage = await startStage();
    await createDraft(stage, 'no-origin');
    const refused = await refusedStatus(rawSocket(stage, 'no-origin', { origin: null }));
    expect(refused.status).toBe(403);
    const accepted = rawSocket(stage, 'no-origin');
    await opened(accepted);
    accepted.send(updateFrame(new Uint8Array([0, 0])));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(accepted.readyState).toBe(accepted.OPEN);
  });
});
