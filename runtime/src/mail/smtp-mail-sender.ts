import { createRequire } from 'node:module';
import type * as Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import type { MailMessage } from '../domain/care/ports.js';

/** Why a delivery failed, safe to log and store: addresses are cut to their domain. */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    message: string,
    /** The relay refused the message for good (5xx); retrying will not help. */
    readonly permanent: boolean,
    readonly code: string | null,
    readonly responseCode: number | null,
  ) {
    super(message);
  }
}

export interface MailSender {
  /** Resolves once the relay took the message; rejects with a MailDeliveryError. */
  deliver(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Hands one message at a time to an SMTP relay (nodemailer). Retrying is the dispatcher's job
 * (mail/mail-dispatcher.ts), which reads the messages from the durable outbox.
 *
 * @example
 * const sender = createSmtpMailSender({ smtp: config.smtp });
 * await sender.deliver({ to: 'petra@example.org', subject: 'Your invitation', text });
 */
export function createSmtpMailSender(options: { smtp: SmtpConfig; /** Connection, greeting and socket timeout, in milliseconds. */ timeoutMs?: number }): MailSender {
  const timeout = options.timeoutMs ?? 30_000;
  // nodemailer is some 60 modules; a server that starts without sending anything should not load it
  // before answering its first request. It is loaded with the first message (synchronously: it is CommonJS).
  let transporter: Transporter | undefined;
  const transport = () => (transporter ??= loadNodemailer().createTransport({ url: options.smtp.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }));
  return {
    async deliver(message) {
      try {
        await transport().sendMail({ from: options.smtp.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    close: () => transporter?.close(),
  };
}

const loadNodemailer = () => createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;

/** nodemailer's error, with addresses cut to their domain; a 5xx reply is final, anything else worth retrying. */
export function toDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const details = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown; responseCode?: unknown };
  const message = typeof details.message === 'string' ? details.message : String(error);
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : null;
  return new MailDeliveryError(
    message.replace(/[^\s<>"'@:]+@/g, '…@').slice(0, 300),
    responseCode !== null && responseCode >= 500 && responseCode < 600,
    typeof details.code === 'string' ? details.code : null,
    responseCode,
  );
}

/** Only the domain of an address goes into logs. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : '?';
}
