import type { Clock } from '../clock.js';
import type { DueWebhookDelivery, WebhookDispatchQueue } from '../domain/webhooks/webhook-store.js';
import { webhookHeaders } from '../domain/webhooks/webhook-signature.js';
import type { Logger } from '../logger.js';
import { systemTimers, type Timers } from '../mail/mail-dispatcher.js';
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
  const timers = options.timers ?? systemTimers;
  const retry = options.retry ?? DEFAULT_WEBHOOK_RETRY;
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 20;
  const idleCheckMs = options.idleCheckMs ?? 60_000;
  let started = false;
  let stopped = false;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      pass();
    }, Math.max(0, ms));
  };

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

  const runPass = async (): Promise<boolean> => {
    const batch = await queue.due(clock.now().toISOString(), batchSize);
    for (const [index, delivery] of batch.entries()) {
      if (stopped) {
        await queue.release(batch.slice(index).map((entry) => entry.deliveryId), clock.now().toISOString());
        return false;
      }
      await attempt(delivery);
    }
    return batch.length === batchSize;
  };

  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    const passAndWait = async (): Promise<number> => {
      const full = await runPass();
      if (full || again) return 0;
      const next = await queue.nextAttemptAt();
      const wait = next === undefined ? idleCheckMs : Date.parse(next) - clock.now().getTime();
      return Math.min(wait, idleCheckMs);
    };
    running = passAndWait().then(
      (wait) => {
        running = undefined;
        schedule(wait);
      },
      (error: unknown) => {
        running = undefined;
        // After a stop that did not wait for it, the database may be closed: the delivery stays pending.
        if (stopped) return;
        logger.error('Webhook dispatch failed', { error: error instanceof Error ? error.message : String(error) });
        schedule(idleCheckMs);
      },
    );
  };

  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    wake() {
      if (started) schedule(0);
    },
    async stop(graceMs = 5000) {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      if (running) {
        let grace: unknown;
        await Promise.race([running, new Promise<void>((resolve) => (grace = timers.setTimeout(resolve, graceMs)))]);
        timers.clearTimeout(grace);
      }
    },
  };
}
