import type { ApiClient } from '@careloom/client/api';
import type { Message } from '@careloom/format/api';
import { OutboxQueue, type OutboxQueueOptions } from './outbox-queue.js';

/** A message waiting to be sent: to which thread, what, and when it was written. */
export interface QueuedMessage {
  /** The thread's API base (`/api/me/enrollments/<id>`). */
  base: string;
  body: { body: string; clientId: string };
  writtenAt: string;
}

export type MessageQueueOptions = Omit<OutboxQueueOptions<QueuedMessage, Message>, 'send' | 'idOf' | 'isItem'> & { api: ApiClient };

const isQueuedMessage = (value: unknown): value is QueuedMessage => {
  const item = value as Partial<QueuedMessage> | null;
  return typeof item?.base === 'string' && typeof item.writtenAt === 'string' && typeof item.body?.body === 'string' && typeof item.body.clientId === 'string';
};

/**
 * Messages written while the connection may be gone, sent like answers: stored on the device first,
 * sent in order when the connection returns, each with the `clientId` that makes the server keep it
 * once however often it is retried.
 *
 * @example
 * const messages = new MessageQueue({ api, storage: localStorage, key: `careloom.messages.${personId}`, isOnline: () => navigator.onLine, target: window });
 * await messages.enqueue({ base, body: { body: 'Hello', clientId: crypto.randomUUID() }, writtenAt: new Date().toISOString() });
 */
export class MessageQueue extends OutboxQueue<QueuedMessage, Message> {
  constructor(options: MessageQueueOptions) {
    const { api, ...rest } = options;
    super({ ...rest, send: (item) => api.post<Message>(`${item.base}/messages`, item.body), idOf: (item) => item.body.clientId, isItem: isQueuedMessage });
  }
}
