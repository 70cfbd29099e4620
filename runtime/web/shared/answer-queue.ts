import type { ApiClient } from '@careloom/client/api';
import { seg } from '@careloom/client/api';
import type { RecordedResponse, ResponseDocument } from '@careloom/format/api';
import { OutboxQueue, type OutboxQueueOptions } from './outbox-queue.js';

export type { QueueStatus, SaveState } from './outbox-queue.js';

/** One response waiting to be sent, in the order it was given. */
export interface QueuedResponse {
  enrollmentId: string;
  body: ResponseDocument;
}

export type AnswerQueueOptions = Omit<OutboxQueueOptions<QueuedResponse, RecordedResponse>, 'send' | 'idOf' | 'isItem'> & { api: ApiClient };

const isQueuedResponse = (value: unknown): value is QueuedResponse => {
  const item = value as Partial<QueuedResponse> | null;
  return typeof item?.enrollmentId === 'string' && typeof item.body?.clientId === 'string';
};

/**
 * The patient's answers on their way to the server: an {@link OutboxQueue} of responses, each sent
 * to its enrollment with the `clientId` that makes the server record it once.
 *
 * @example
 * const queue = new AnswerQueue({ api, storage: localStorage, key: `careloom.answers.${personId}` });
 * queue.subscribe((status) => render(status));
 * queue.enqueue({ enrollmentId, body });
 */
export class AnswerQueue extends OutboxQueue<QueuedResponse, RecordedResponse> {
  constructor(options: AnswerQueueOptions) {
    const { api, ...rest } = options;
    super({
      ...rest,
      send: (item) => api.post<RecordedResponse>(`/api/me/enrollments/${seg(item.enrollmentId)}/responses`, item.body),
      idOf: (item) => item.body.clientId,
      isItem: isQueuedResponse,
    });
  }
}
