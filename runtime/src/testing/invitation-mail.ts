// Reading membership invitations out of delivered e-mail, for tests that go through the real
// relay (testing/fake-smtp-server.ts): the link's token is only ever in the e-mail.
import { parseMessage, type Received } from './fake-smtp-server.js';

/** The body of a delivered message as text (nodemailer may quote-print long lines). */
export function mailBody(mail: Received): string {
  const { headers, body } = parseMessage(mail.data);
  if (!/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) return body;
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The token of the invitation link (`…/designer#/invitation/<token>`) in a text. */
export function invitationTokenIn(text: string): string {
  const token = /#\/invitation\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`No invitation link in: ${text}`);
  return token;
}

/** Waits until at least `count` messages to `address` have arrived; returns them, oldest first. */
export async function mailTo(received: readonly Received[], address: string, count = 1, timeoutMs = 10_000): Promise<Received[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = received.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
    if (found.length >= count) return found;
    if (Date.now() > until) throw new Error(`No e-mail to ${address} arrived within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
