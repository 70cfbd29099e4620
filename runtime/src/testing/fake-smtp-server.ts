// A tiny SMTP server for tests (node:net): just enough of the protocol for nodemailer to deliver to
// it, recording each accepted message, with replies a test can change to simulate refusals.
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface Received {
  from: string;
  to: string[];
  data: string;
}

/** What the fake server answers to a command, by verb; a function may answer differently each time. */
export type Replies = Partial<Record<'MAIL' | 'RCPT' | 'DATA_END', () => string>>;

/** Just enough SMTP for one client at a time: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. */
export async function startSmtpServer(replies: Replies = {}): Promise<{ port: number; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let envelope: Received = { from: '', to: [], data: '' };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          const answer = replies.DATA_END?.() ?? '250 2.0.0 queued';
          if (answer.startsWith('250')) received.push({ ...envelope, data });
          envelope = { from: '', to: [], data: '' };
          reply(answer);
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250-fake.test\r\n250 8BITMIME');
        else if (verb === 'MAIL') {
          envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply(replies.MAIL?.() ?? '250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          const answer = replies.RCPT?.() ?? '250 2.1.5 ok';
          if (answer.startsWith('250')) envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply(answer);
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'RSET') {
          envelope = { from: '', to: [], data: '' };
          reply('250 ok');
        } else if (verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 unknown command');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received, server };
}

/** Headers are unfolded; the body is what follows the blank line. */
export function parseMessage(data: string): { headers: Record<string, string>; body: string } {
  const split = data.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of data.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const raw = data.slice(split + 4);
  // Read the body as a mail client would: nodemailer sends long or non-ASCII text quoted-printable,
  // where a link's "=" is "=3D" and long lines are broken with soft line breaks.
  return { headers, body: headers['content-transfer-encoding']?.toLowerCase() === 'quoted-printable' ? decodeQuotedPrintable(raw) : raw };
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
