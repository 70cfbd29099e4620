// Issue 9, findings 5 and 7: a refused update still costs the server the work of decoding it (a
// 1 MiB frame takes tens of milliseconds), and a client could reconnect and send it again at once,
// for ever. Now a person whose connections were closed for refused messages 5 times in 10 minutes
// has every new connection closed at once with 4429 (a stock client stops reconnecting) for a
// while; other people are not affected. And a connection that may only read the draft and still
// sends an edit is closed with 4423 instead of having the edit dropped without a word.
import { afterEach, describe, expect, it } from 'vitest';
import { closed, opened, waitFor } from '../collab/collab-test-harness.js';
import { HttpSession } from '../integration/http-client.js';
import { createDraft, rawSocket, startStage, stockClient, titleText, type Stage } from './collab-attack-kit.js';

let stage: Stage | undefined;
afterEach(async () => {
  await stage?.stop();
  stage = undefined;
});

/** A sync update frame whose update is garbage (decoding it fails). */
const GARBLED = Uint8Array.from([0, 2, 3, 1, 200, 7]);

describe('refused messages, again and again (issue 9, findings 5 and 7)', () => {
  it('after 5 connections closed for refused messages, the person is closed at once with 4429; others still edit', async () => {
    stage = await startStage();
    await createDraft(stage, 'refusals');
    for (let i = 0; i < 5; i++) {
      const socket = rawSocket(stage, 'refusals');
      await opened(socket);
      socket.send(GARBLED);
      expect((await closed(socket)).code).toBe(4400);
    }
    // The sixth connection is closed before it may send anything.
    const barred = rawSocket(stage, 'refusals');
    await opened(barred);
    const { code, reason } = await closed(barred);
    expect(code).toBe(4429);
    expect(reason).toMatch(/try again/);

    // A stock client of the same person stops instead of reconnecting.
    const client = stockClient(stage, 'refusals');
    await waitFor(() => client.closes.length > 0, 'the stock client closed');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(client.closes).toEqual([4429]);
    expect(client.provider.shouldConnect).toBe(false);

    // Someone else reads on undisturbed, and the draft is intact.
    const tester = await HttpSession.login(stage.server.url, 'tester@demo.careloom.test', 'careloom-demo-tester');
    const reader = stockClient(stage, 'refusals', tester);
    await reader.synced;
    expect(titleText(reader.doc).toString().length).toBeGreaterThan(0);
    const draft = await tester.call('GET', '/api/modules/refusals/draft');
    expect(draft.status).toBe(200);
  });

  it('a read-only connection that sends an edit is closed with 4423, and nothing of the edit is kept', async () => {
    stage = await startStage();
    await createDraft(stage, 'read-only-edit');
    const tester = await HttpSession.login(stage.server.url, 'tester@demo.careloom.test', 'careloom-demo-tester');
    const reader = stockClient(stage, 'read-only-edit', tester);
    await reader.synced;
    const before = titleText(reader.doc).toString();
    // Syncing (its step 2 carries the deletions it knows) keeps it open.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reader.closes).toEqual([]);

    titleText(reader.doc).insert(0, 'Not allowed: ');
    await waitFor(() => reader.closes.length > 0, 'the reader closed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader.closes).toEqual([4423]);
    expect(reader.provider.shouldConnect).toBe(false);

    const draft = await stage.designer.call('GET', '/api/modules/read-only-edit/draft');
    expect((draft.body as { content: { title: { en: string } } }).content.title.en).toBe(before);
  });
});
