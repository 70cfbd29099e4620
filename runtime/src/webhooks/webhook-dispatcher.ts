import type { Clock } from '../clock.js';
import type { DueWebhookDelivery, WebhookDispatchQueue } from '../domain/webhooks/webhook-store.js';
import { webhookHeaders } from '../domain/webhooks/webhook-signature.js';
import type { Logger } from '../logger.js';
import { createOutboxDispatchLoop, type Timers } from '../outbox/outbox-dispatch-loop.js';
import { WebhookSendError, type WebhookSender } from './webhook-sender.js';

/** How retries are spaced: exponential from `baseMs`, capped at `maxMs`, each wait drawn from its upper half (jitter). */
export interface WebhookRetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is marked failed. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

/** 12 attempts: waits of up to 30 s, 1, 2, 4, 8, 16, 32, 64 min, 2, 4 and 6 h (each at least half of that), so the last comes 7 to 15 hours after the first. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = Object.freeze({ attempts: 12, baseMs: 30_000, maxMs: 6 * 3600_000 });

/** The wait after the nth failed attempt (1-based): base·2ⁿ⁻¹ capped, times a random factor in [0.5, 1). */
export function retryDelayMs(policy: WebhookRetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failedAttempts - 1, 40));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export interface WebhookDispatcherOptions {
  queue: WebhookDispatchQueue;
  send: WebhookSender;
  clock: Clock;
  logger: Logger;
  timers?: Timers;
  retry?: WebhookRetryPolicy;
  random?: () => number;
  /** Deliveries per pass; the next pass follows at once while more are due. */
  batchSize?: number;
  /** Longest sleep between passes, so deliveries written by another process are picked up too. */
  idleCheckMs?: number;
}

export interface WebhookDispatcher {
  /** Sends what is due now (left over from before a restart too) and keeps going until stopped. */
  start(): void;
  /** New deliveries are waiting: send them soon, without blocking the caller. */
  wake(): void;
  /** Stops scheduling and waits for a delivery in progress (at most `graceMs`); the rest stays pending for the next start. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Sends the webhook outbox's pending deliveries, one pass at a time, as the mail dispatcher sends
 * mail: each attempt is signed afresh (Standard Webhooks: `webhook-id` = the event's id, the same on
 * every retry; `webhook-timestamp` = now; `webhook-signature`), a 2xx answer marks it delivered, any
 * other answer or error is retried with exponential backoff and jitter, and after the last attempt
 * it is marked failed. A crash between the endpoint's 2xx and the record sends it again after the
 * restart with the same webhook-id (at least once; receivers de-duplicate by id). Logs carry the
 * delivery and event ids, never the payload.
 *
 * @example
 * const dispatcher = createWebhookDispatcher({ queue: stores.webhookQueue, send: createWebhookSender({ policy }), clock, logger });
 * dispatcher.start();
 * await dispatcher.stop();
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { queue, send, clock, logger } = options;
  const retry = options.retry ?? DEFAULT_WEBHOOK_RETRY;
  const random = options.random ?? Math.random;

  const attempt = async (delivery: DueWebhookDelivery) => {
    const number = delivery.attempts + 1;
    const startedAt = clock.now();
    const fields = { deliveryId: delivery.deliveryId, eventId: delivery.eventId, eventType: delivery.eventType, attempt: number };
    let statusCode: number | null = null;
    let error: string | null = null;
    const began = performance.now();
    try {
      statusCode = (await send({ url: delivery.url, body: delivery.payload, headers: webhookHeaders(delivery.secrets, delivery.eventId, startedAt, delivery.payload) })).statusCode;
      if (statusCode < 200 || statusCode > 299) error = statusCode >= 300 && statusCode < 400 ? `The endpoint answered ${statusCode} (a redirect, which webhooks do not follow).` : `The endpoint answered ${statusCode}.`;
    } catch (failure) {
      error = failure instanceof WebhookSendError ? failure.message : 'The request failed.';
      if (!(failure instanceof WebhookSendError)) logger.error('Webhook request failed unexpectedly', { ...fields, error: failure instanceof Error ? failure.message : String(failure) });
    }
    const durationMs = Math.max(0, Math.round(performance.now() - began));
    const at = clock.now();
    if (error === null) {
      await queue.recordAttempt({ deliveryId: delivery.deliveryId, attempt: number, at: at.toISOString(), outcome: 'delivered', statusCode, error: null, durationMs, nextAttemptAt: null });
      if (number > 1) logger.info('Webhook delivered after a retry', fields);
      return;
    }
    if (number >= retry.attempts) {
      await queue.recordAttempt({ deliveryId: delivery.deliveryId, attempt: number, at: at.toISOString(), outcome: 'failed', statusCode, error, durationMs, nextAttemptAt: null });
      logger.error('Webhook given up after retries', { ...fields, statusCode, error });
      return;
    }
    const wait = retryDelayMs(retry, number, random);
    await queue.recordAttempt({ deliveryId: delivery.deliveryId, attempt: number, at: at.toISOString(), outcome: 'retry', statusCode, error, durationMs, nextAttemptAt: new Date(at.getTime() + wait).toISOString() });
    logger.warn('Webhook delivery failed; will retry', { ...fields, statusCode, error, retryInMs: wait });
  };

  const loop = createOutboxDispatchLoop<DueWebhookDelivery>({
    due: (at, limit) => queue.due(at, limit),
    nextAttemptAt: () => queue.nextAttemptAt(),
    attempt,
    // Claimed on PostgreSQL: given back, so another process (or the next start) sends them at once.
    leftOver: (rest, at) => queue.release(rest.map((delivery) => delivery.deliveryId), at),
    clock,
    logger,
    failureMessage: 'Webhook dispatch failed',
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.idleCheckMs !== undefined ? { idleCheckMs: options.idleCheckMs } : {}),
  });
  return loop;
}
