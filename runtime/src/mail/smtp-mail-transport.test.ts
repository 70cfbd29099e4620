import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../logger.js';
import { parseMessage, startSmtpServer } from '../testing/fake-smtp-server.js';
import { createSmtpMailTransport, MailDeliveryError } from './smtp-mail-transport.js';
import type { SmtpMailTransport } from './smtp-mail-transport.js';

function recordingLogger() {
  const lines: Array<{ level: string; message: string; fields: LogFields }> = [];
  const logger: Logger = {
    info: (message, fields = {}) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields = {}) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields = {}) => lines.push({ level: 'error', message, fields }),
  };
  return { logger, lines };
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const MESSAGE = { to: 'petra@example.org', subject: 'Your invitation from Vardcentralen', text: 'Hello Petra,\n\nYour code: ABCDE-FGHJK\n.dot line stays\n' };

describe('createSmtpMailTransport', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const step of cleanup.splice(0)) step();
  });

  const transport = (port: number, logger: Logger, extra: { retryDelaysMs?: number[]; maxQueued?: number } = {}): SmtpMailTransport => {
    let n = 0;
    const mail = createSmtpMailTransport({ smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Careloom <noreply@careloom.test>' }, logger, newId: () => `mail-${++n}`, timeoutMs: 2000, ...extra });
    cleanup.push(() => mail.close());
    return mail;
  };

  it('delivers the message with its sender, recipient, subject and text', async () => {
    const smtp = await startSmtpServer();
    cleanup.push(() => smtp.server.close());
    const { logger, lines } = recordingLogger();
    await transport(smtp.port, logger).send(MESSAGE);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe('noreply@careloom.test');
    expect(mail!.to).toEqual(['petra@example.org']);
    const { headers, body } = parseMessage(mail!.data);
    expect(headers.from).toBe('Careloom <noreply@careloom.test>');
    expect(headers.to).toBe('petra@example.org');
    expect(headers.subject).toBe(MESSAGE.subject);
    expect(body.replace(/\r\n/g, '\n').trimEnd()).toBe(MESSAGE.text.trimEnd());
    expect(lines).toEqual([]);
  });

  it('queues a message the server cannot take now and delivers it on retry, logging only its id and domain', async () => {
    let dataReplies = 0;
    const smtp = await startSmtpServer({ DATA_END: () => (++dataReplies === 1 ? '451 4.3.0 try again later' : '250 2.0.0 queued') });
    cleanup.push(() => smtp.server.close());
    const { logger, lines } = recordingLogger();
    const mail = transport(smtp.port, logger, { retryDelaysMs: [20, 20] });
    await mail.send(MESSAGE);
    expect(smtp.received).toHaveLength(0);
    expect(mail.queued()).toBe(1);
    await waitFor(() => smtp.received.length === 1);
    expect(parseMessage(smtp.received[0]!.data).headers.subject).toBe(MESSAGE.subject);
    await waitFor(() => lines.some((line) => line.message === 'E-mail delivered after a retry'));
    expect(mail.queued()).toBe(0);
    expect(lines.map((line) => [line.level, line.message, line.fields.mailId, line.fields.toDomain])).toEqual([
      ['warn', 'E-mail delivery failed; will retry', 'mail-1', 'example.org'],
      ['info', 'E-mail delivered after a retry', 'mail-1', 'example.org'],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/petra@|ABCDE|invitation/);
  });

  it('gives up after the last retry and says so', async () => {
    const smtp = await startSmtpServer({ MAIL: () => '421 4.7.0 busy' });
    cleanup.push(() => smtp.server.close());
    const { logger, lines } = recordingLogger();
    const mail = transport(smtp.port, logger, { retryDelaysMs: [10] });
    await mail.send(MESSAGE);
    await waitFor(() => lines.some((line) => line.message === 'E-mail given up after retries'));
    expect(mail.queued()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('rejects a message the server refuses for good (5xx), without queueing it', async () => {
    const smtp = await startSmtpServer({ RCPT: () => '550 5.1.1 <petra@example.org>: no such user' });
    cleanup.push(() => smtp.server.close());
    const { logger, lines } = recordingLogger();
    const mail = transport(smtp.port, logger);
    await expect(mail.send(MESSAGE)).rejects.toThrow(MailDeliveryError);
    expect(mail.queued()).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'E-mail refused by the SMTP server', fields: { mailId: 'mail-1', toDomain: 'example.org', responseCode: 550 } });
    expect(JSON.stringify(lines)).not.toContain('petra@');
  });

  it('queues when the server is down, and refuses once the queue is full', async () => {
    const smtp = await startSmtpServer();
    const port = smtp.port;
    await new Promise((resolve) => smtp.server.close(resolve));
    const { logger, lines } = recordingLogger();
    const mail = transport(port, logger, { retryDelaysMs: [60_000], maxQueued: 1 });
    await mail.send(MESSAGE);
    expect(mail.queued()).toBe(1);
    expect(lines[0]).toMatchObject({ level: 'warn', fields: { code: expect.stringMatching(/^E[A-Z]+$/), error: expect.stringContaining("ECONNREFUSED") } });
    await expect(mail.send(MESSAGE)).rejects.toThrow(/1 others are already waiting/);
    mail.close();
    expect(lines.at(-1)).toMatchObject({ level: 'error', message: 'E-mail dropped at shutdown before a retry', fields: { mailId: 'mail-1' } });
  });
});
