import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '@careloom/client/api';
import type { Message } from '@careloom/format/api';
import { MessageQueue, type QueuedMessage } from './message-queue.js';
import { OutboxQueue, type QueueStatus } from './outbox-queue.js';

/** localStorage's part the queue uses, in memory. */
function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key), items };
}

/** A server that stores each message once per clientId, and can be unreachable. */
function threadServer() {
  const stored: Message[] = [];
  const bodies: unknown[] = [];
  let reachable = false;
  let refuse: number | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!reachable) throw new TypeError('Failed to fetch');
    const body = JSON.parse(String(init?.body)) as { body: string; clientId: string };
    bodies.push(body);
    if (refuse) return new Response(JSON.stringify({ title: 'Refused', status: refuse, detail: 'This program has ended.' }), { status: refuse, headers: { 'Content-Type': 'application/problem+json' } });
    const existing = stored.find((message) => message.id === body.clientId);
    if (existing) return Response.json(existing, { status: 200 });
    const message: Message = { id: body.clientId, from: 'patient', authorName: 'Pat', body: body.body, sentAt: '2026-12-05T10:00:00Z', readAt: null };
    stored.push(message);
    return Response.json(message, { status: 201 });
  };
  return { fetch, stored, bodies, online: (value: boolean) => (reachable = value), refuseWith: (status: number | undefined) => (refuse = status), url: (input: unknown) => String(input) };
}

const item = (body: string, clientId: string): QueuedMessage => ({ base: '/api/me/enrollments/e1', body: { body, clientId }, writtenAt: '2026-12-05T09:00:00Z' });

describe('MessageQueue', () => {
  it('keeps messages written offline on the device, in order, and sends each once when the connection returns', async () => {
    const server = threadServer();
    const storage = memoryStorage();
    let online = false;
    const options = { api: new ApiClient({ fetch: server.fetch }), storage, key: 'careloom.messages.p1', isOnline: () => online, retryMs: 0 };
    const queue = new MessageQueue(options);
    const acknowledged: string[] = [];
    queue.onAcknowledged((sent) => acknowledged.push(sent.body.body));
    await queue.enqueue(item('First', '00000000-0000-4000-8000-000000000001'));
    await queue.enqueue(item('Second', '00000000-0000-4000-8000-000000000002'));
    expect(queue.status).toEqual({ state: 'offline', pending: 2 });
    expect(server.bodies).toEqual([]);

    // The app is closed and opened again: the queue is still there.
    queue.dispose();
    const reopened = new MessageQueue(options);
    reopened.onAcknowledged((sent) => acknowledged.push(sent.body.body));
    expect(reopened.pending.map((queued) => queued.body.body)).toEqual(['First', 'Second']);
    online = true;
    server.online(true);
    await reopened.flush();
    expect(server.stored.map((message) => message.body)).toEqual(['First', 'Second']);
    expect(acknowledged).toEqual(['First', 'Second']);
    expect(reopened.status).toEqual({ state: 'saved', pending: 0 });
    expect(storage.items.has('careloom.messages.p1')).toBe(false);
  });

  it('keeps a message when the network fails mid-way and sends it again with the same clientId', async () => {
    const server = threadServer();
    const queue = new MessageQueue({ api: new ApiClient({ fetch: server.fetch }), storage: memoryStorage(), key: 'k', isOnline: () => true, retryMs: 0 });
    await queue.enqueue(item('Hello', '00000000-0000-4000-8000-000000000003'));
    expect(queue.status.state).toBe('offline');
    server.online(true);
    await queue.flush();
    expect(server.stored).toHaveLength(1);
    expect(queue.pending).toEqual([]);
  });

  it('drops a message the server refuses for good and says why, and goes on with the next', async () => {
    const server = threadServer();
    server.online(true);
    server.refuseWith(409);
    const queue = new MessageQueue({ api: new ApiClient({ fetch: server.fetch }), storage: memoryStorage(), key: 'k', isOnline: () => true, retryMs: 0 });
    await queue.enqueue(item('Too late', '00000000-0000-4000-8000-000000000004'));
    expect(queue.pending).toEqual([]);
    expect(queue.status.rejected?.error).toBeInstanceOf(ApiError);
    expect(queue.status.rejected?.error.status).toBe(409);
  });

  it('keeps telling about a refused item while the items after it are sent, until something new is queued', async () => {
    const refusal = new ApiError({ status: 409, title: 'Conflict', issues: [{ code: 'response.version_moved', path: '/moduleVersion', message: 'Updated meanwhile' }] });
    const sent: string[] = [];
    // Queued offline earlier: an answer the server will refuse, then one it will take.
    const queue = new OutboxQueue<{ id: string }, string>({
      send: async (queued) => {
        if (queued.id === 'old-version') throw refusal;
        sent.push(queued.id);
        return 'ok';
      },
      idOf: (queued) => queued.id,
      isItem: (value): value is { id: string } => typeof (value as { id?: unknown } | null)?.id === 'string',
      storage: (() => { const storage = memoryStorage(); storage.setItem('k', JSON.stringify([{ id: 'old-version' }, { id: 'next' }])); return storage; })(),
      key: 'k',
      isOnline: () => true,
    });
    const states: QueueStatus[] = [];
    queue.subscribe((status) => states.push(status));
    await queue.flush();
    expect(sent).toEqual(['next']);
    expect(queue.status).toMatchObject({ state: 'saved', pending: 0, rejected: { clientId: 'old-version', error: refusal } });
    expect(states.filter((status) => status.state === 'saving').at(-1)?.rejected?.clientId).toBe('old-version');
    await queue.enqueue({ id: 'later' });
    expect(queue.status.rejected).toBeUndefined();
  });

  it('ignores what storage holds that is not a queued message (an older app version, a damaged entry)', () => {
    const storage = memoryStorage();
    storage.setItem('k', JSON.stringify([{ base: '/api/me/enrollments/e1' }, item('Kept', '00000000-0000-4000-8000-000000000005'), 'junk']));
    const queue = new MessageQueue({ api: new ApiClient({ fetch: async () => new Response() }), storage, key: 'k', isOnline: () => false });
    expect(queue.pending.map((queued) => queued.body.body)).toEqual(['Kept']);
  });
});
