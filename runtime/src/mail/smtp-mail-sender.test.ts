import { afterEach, describe, expect, it } from 'vitest';
import { parseMessage, startSmtpServer } from '../testing/fake-smtp-server.js';
import { createSmtpMailSender, MailDeliveryError } from './smtp-mail-sender.js';

const MESSAGE = { to: 'petra@example.org', subject: 'Your invitation from Vardcentralen', text: 'Hello Petra,\n\nYour code: ABCDE-FGHJK\n.dot line stays\n' };

describe('createSmtpMailSender', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const step of cleanup.splice(0)) step();
  });

  const sender = (port: number) => {
    const created = createSmtpMailSender({ smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Careloom <noreply@careloom.test>' }, timeoutMs: 2000 });
    cleanup.push(() => created.close());
    return created;
  };

  it('delivers the message with its sender, recipient, subject and text', async () => {
    const smtp = await startSmtpServer();
    cleanup.push(() => smtp.server.close());
    await sender(smtp.port).deliver(MESSAGE);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe('noreply@careloom.test');
    expect(mail!.to).toEqual(['petra@example.org']);
    const { headers, body } = parseMessage(mail!.data);
    expect(headers.from).toBe('Careloom <noreply@careloom.test>');
    expect(headers.to).toBe('petra@example.org');
    expect(headers.subject).toBe(MESSAGE.subject);
    expect(body.replace(/\r\n/g, '\n').trimEnd()).toBe(MESSAGE.text.trimEnd());
  });

  it('calls a 5xx refusal permanent, with the address cut to its domain', async () => {
    const smtp = await startSmtpServer({ RCPT: () => '550 5.1.1 <petra@example.org>: no such user' });
    cleanup.push(() => smtp.server.close());
    const error = await sender(smtp.port).deliver(MESSAGE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ permanent: true, responseCode: 550 });
    expect((error as Error).message).toContain('…@example.org');
    expect((error as Error).message).not.toContain('petra@');
  });

  it('calls a 4xx reply temporary', async () => {
    const smtp = await startSmtpServer({ DATA_END: () => '451 4.3.0 try again later' });
    cleanup.push(() => smtp.server.close());
    await expect(sender(smtp.port).deliver(MESSAGE)).rejects.toMatchObject({ name: 'MailDeliveryError', permanent: false, responseCode: 451 });
    expect(smtp.received).toHaveLength(0);
  });

  it('calls an unreachable relay temporary, naming the connection error', async () => {
    const smtp = await startSmtpServer();
    await new Promise((resolve) => smtp.server.close(resolve));
    await expect(sender(smtp.port).deliver(MESSAGE)).rejects.toMatchObject({ permanent: false, responseCode: null, code: expect.stringMatching(/^E[A-Z]+$/), message: expect.stringContaining('ECONNREFUSED') });
  });
});
