import type { Clock } from '../clock.js';
import type { MailMessage } from '../domain/care/ports.js';
import type { Logger } from '../logger.js';
import { createOutboxDispatchLoop, type Timers } from '../outbox/outbox-dispatch-loop.js';
import { domainOf, toDeliveryError } from './smtp-mail-sender.js';
import type { MailSender } from './smtp-mail-sender.js';

/** A pending outbox row whose time has come. */
export type DueMail = MailMessage & { id: string; attempts: number };

/** The outbox as the dispatcher sees it (storage/sqlite/sqlite-mail-outbox.ts). */
export interface DispatchQueue {
  /**
   * Pending messages with next_attempt_at ≤ `at`, oldest first. Where several processes dispatch
   * from one database (PostgreSQL), the returned messages are claimed: no other process gets them
   * until this one records the attempt or its claim runs out.
   */
  due(at: string, limit: number): Promise<DueMail[]>;
  /** The earliest next_attempt_at of a pending message, if any. */
  nextAttemptAt(): Promise<string | undefined>;
  markSent(id: string, input: { attempts: number; at: string }): Promise<void>;
  markRetry(id: string, input: { attempts: number; error: string; nextAttemptAt: string }): Promise<void>;
  markFailed(id: string, input: { attempts: number; error: string; at: string }): Promise<void>;
}

export { systemTimers, type Timers } from '../outbox/outbox-dispatch-loop.js';

/** Waits after the 1st, 2nd, … failed attempt; after the last the message is marked failed. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = Object.freeze([60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000]);

export interface MailDispatcherOptions {
  queue: DispatchQueue;
  sender: MailSender;
  clock: Clock;
  timers?: Timers;
  logger: Logger;
  retryDelaysMs?: readonly number[];
  /** Messages per pass; the next pass follows at once while more are due. */
  batchSize?: number;
  /** Longest sleep between passes, so rows written by another process are picked up too. */
  idleCheckMs?: number;
}

export interface MailDispatcher {
  /** Sends what is due now (left over from before a restart too) and keeps going until stopped. */
  start(): void;
  /** New mail is waiting: send it soon, without blocking the caller. */
  wake(): void;
  /**
   * Stops scheduling, waits for a delivery in progress (at most `graceMs`, 5 s by default) and
   * closes the sender. What is left stays pending in the outbox for the next start.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Sends the outbox's pending mail through the relay, one pass at a time: delivered messages are
 * marked sent; a temporary failure (connection, timeout, 4xx) is retried after 1, 5, 30 and 120
 * minutes and then marked failed; a permanent one (5xx) is marked failed at once. A crash between
 * the relay's acceptance and `markSent` sends that message again after the restart (at least once).
 * Logs carry the message id and the recipient's domain, never the address, subject or text.
 *
 * @example
 * const dispatcher = createMailDispatcher({ queue: createSqliteDispatchQueue(db), sender, clock, logger });
 * dispatcher.start();
 * await dispatcher.stop();
 */
export function createMailDispatcher(options: MailDispatcherOptions): MailDispatcher {
  const { queue, sender, clock, logger } = options;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;

  const attempt = async (mail: DueMail) => {
    const attempts = mail.attempts + 1;
    const fields = { mailId: mail.id, toDomain: domainOf(mail.to), attempts };
    try {
      await sender.deliver(mail);
      await queue.markSent(mail.id, { attempts, at: clock.now().toISOString() });
      if (attempts > 1) logger.info('E-mail delivered after a retry', fields);
    } catch (error) {
      const failure = toDeliveryError(error);
      const logged = { ...fields, error: failure.message, code: failure.code, responseCode: failure.responseCode };
      const delay = delays[attempts - 1];
      if (failure.permanent || delay === undefined) {
        await queue.markFailed(mail.id, { attempts, error: failure.message, at: clock.now().toISOString() });
        logger.error(failure.permanent ? 'E-mail refused by the SMTP server' : 'E-mail given up after retries', logged);
        return;
      }
      const nextAttemptAt = new Date(clock.now().getTime() + delay).toISOString();
      await queue.markRetry(mail.id, { attempts, error: failure.message, nextAttemptAt });
      logger.warn('E-mail delivery failed; will retry', { ...logged, retryInMs: delay });
    }
  };

  const loop = createOutboxDispatchLoop<DueMail>({
    due: (at, limit) => queue.due(at, limit),
    nextAttemptAt: () => queue.nextAttemptAt(),
    attempt,
    clock,
    logger,
    failureMessage: 'Mail dispatch failed',
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.idleCheckMs !== undefined ? { idleCheckMs: options.idleCheckMs } : {}),
  });

  return {
    start: () => loop.start(),
    wake: () => loop.wake(),
    async stop(graceMs = 5000) {
      await loop.stop(graceMs);
      sender.close();
    },
  };
}
