import { createHmac, randomBytes } from 'node:crypto';

/** Secrets start with this, as the Standard Webhooks libraries expect; the rest is base64. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_SHAPE = /^whsec_[A-Za-z0-9+/]{43}=$/;

/** A new signing secret: `whsec_` + 32 random bytes in base64 (the specification asks for 24 to 64). */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

export function isWebhookSecret(value: string): boolean {
  return SECRET_SHAPE.test(value);
}

/**
 * The `v1,<base64>` signature of one message per the Standard Webhooks specification:
 * HMAC-SHA256 keyed with the secret's base64-decoded bytes over `${id}.${timestamp}.${body}`.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  if (!isWebhookSecret(secret)) throw new Error('A webhook secret is whsec_ followed by 32 bytes in base64.');
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64')}`;
}

/**
 * The three headers of one delivery attempt. With more than one secret (the days after a rotation)
 * the signature header lists a signature per secret, space-separated, as the specification allows;
 * a receiver accepts the message when any of them verifies.
 */
export function webhookHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signWebhook(secret, id, timestamp, body)).join(' '),
  };
}
