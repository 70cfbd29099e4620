import type { ApiClient, ApiError } from '@careloom/client/api';
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

/**
 * Whether the server refused a queued answer because the patient was moved to a newer version of
 * the module after giving it (offline): the patient must answer again in the version they now see.
 */
export function refusedAfterVersionMove(error: ApiError): boolean {
  return error.issues.some((issue) => issue.code === 'response.version_moved');
}

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
