import { createTransport } from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import type { MailMessage, MailTransport } from '../domain/care/ports.js';
import type { Logger } from '../logger.js';

export interface SmtpMailTransportOptions {
  smtp: SmtpConfig;
  logger: Logger;
  /** Names each e-mail in the logs, so a failure can be followed without logging its content. */
  newId: () => string;
  /** Waits before each retry of a message the server could not take now; after the last, it is given up. */
  retryDelaysMs?: readonly number[];
  /** Messages waiting for a retry at most; beyond, a failed send is refused instead of queued. */
  maxQueued?: number;
  /** Connection, greeting and socket timeout, in milliseconds. */
  timeoutMs?: number;
}

export interface SmtpMailTransport extends MailTransport {
  /** Messages waiting for a retry. */
  queued(): number;
  /** Stops retrying (the messages still queued are logged as given up) and closes connections. */
  close(): void;
}

/** Raised when the SMTP server refused a message for good (5xx) or the retry queue is full. */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = Object.freeze([60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000]);

interface Queued {
  id: string;
  message: MailMessage;
  attempt: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Sends e-mail through an SMTP relay (nodemailer). `send` resolves once the relay took the message
 * or, when it could not take it now (connection refused, timeout, 4xx), once the message is queued
 * for retries, so a relay outage does not fail the enrollment or the reminder job. It rejects only
 * when the relay refused the message for good (5xx) or too many are already waiting. The queue is in
 * memory: a restart drops it, and says so in the log. Logs carry the message id and the recipient's
 * domain, never the address, subject or text (invitation codes and links are in the text).
 *
 * @example
 * const mail = createSmtpMailTransport({ smtp: config.smtp, logger, newId: () => ids.newId() });
 * await mail.send({ to: 'petra@example.org', subject: 'Your invitation', text });
 */
export function createSmtpMailTransport(options: SmtpMailTransportOptions): SmtpMailTransport {
  const { logger, newId } = options;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const maxQueued = options.maxQueued ?? 1000;
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = createTransport({ url: options.smtp.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  const queue = new Map<string, Queued>();
  let closed = false;

  const deliver = async (message: MailMessage) => {
    await transporter.sendMail({ from: options.smtp.from, to: message.to, subject: message.subject, text: message.text });
  };

  const retryLater = (id: string, message: MailMessage, attempt: number) => {
    const delay = delays[attempt - 1];
    if (delay === undefined || closed) {
      logger.error('E-mail given up after retries', { mailId: id, toDomain: domainOf(message.to), attempts: attempt });
      return;
    }
    const timer = setTimeout(() => {
      queue.delete(id);
      deliver(message).then(
        () => logger.info('E-mail delivered after a retry', { mailId: id, toDomain: domainOf(message.to), attempts: attempt + 1 }),
        (error: unknown) => {
          const failure = describeFailure(error);
          if (failure.permanent) logger.error('E-mail refused by the SMTP server', { mailId: id, toDomain: domainOf(message.to), ...failure.fields });
          else {
            logger.warn('E-mail delivery failed again', { mailId: id, toDomain: domainOf(message.to), attempts: attempt + 1, ...failure.fields });
            retryLater(id, message, attempt + 1);
          }
        },
      );
    }, delay);
    timer.unref();
    queue.set(id, { id, message, attempt, timer });
  };

  return {
    async send(message) {
      const id = newId();
      if (closed) throw new MailDeliveryError(`The mail transport is closed; e-mail ${id} was not sent.`);
      try {
        await deliver(message);
        return;
      } catch (error) {
        const failure = describeFailure(error);
        const fields = { mailId: id, toDomain: domainOf(message.to), ...failure.fields };
        if (failure.permanent) {
          logger.error('E-mail refused by the SMTP server', fields);
          throw new MailDeliveryError(`The SMTP server refused e-mail ${id}: ${failure.fields.error}`);
        }
        if (queue.size >= maxQueued) {
          logger.error('E-mail delivery failed and the retry queue is full', { ...fields, queued: queue.size });
          throw new MailDeliveryError(`E-mail ${id} could not be sent and ${queue.size} others are already waiting for a retry.`);
        }
        logger.warn('E-mail delivery failed; will retry', { ...fields, retryInMs: delays[0] ?? null });
        retryLater(id, message, 1);
      }
    },
    queued: () => queue.size,
    close() {
      closed = true;
      for (const entry of queue.values()) {
        clearTimeout(entry.timer);
        logger.error('E-mail dropped at shutdown before a retry', { mailId: entry.id, toDomain: domainOf(entry.message.to), attempts: entry.attempt });
      }
      queue.clear();
      transporter.close();
    },
  };
}

/** Only the domain of an address goes into logs. */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : '?';
}

/** nodemailer's error, with addresses cut to their domain; a 5xx reply is final, anything else worth retrying. */
function describeFailure(error: unknown): { permanent: boolean; fields: { error: string; code: string | null; responseCode: number | null } } {
  const details = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown; responseCode?: unknown };
  const message = typeof details.message === 'string' ? details.message : String(error);
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : null;
  return {
    permanent: responseCode !== null && responseCode >= 500 && responseCode < 600,
    fields: { error: message.replace(/[^\s<>"'@:]+@/g, '…@').slice(0, 300), code: typeof details.code === 'string' ? details.code : null, responseCode },
  };
}
