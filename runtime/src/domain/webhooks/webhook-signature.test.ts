import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { isWebhookSecret, newWebhookSecret, signWebhook, webhookHeaders } from './webhook-signature.js';

const body = JSON.stringify({ type: 'response.recorded', timestamp: '2026-03-02T08:00:00.000Z', data: { responseId: 'r-1', patient: 'Patient/p-1' } });

describe('webhook signatures (Standard Webhooks)', () => {
  it('are accepted by the specification\'s own JavaScript library, and refused when the body, id, time or secret differ', () => {
    const secret = newWebhookSecret();
    const now = new Date();
    const headers = webhookHeaders([secret], 'msg_abc', now, body);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    // Too old for the receiver's replay window (five minutes in the library).
    const stale = webhookHeaders([secret], 'msg_abc', new Date(now.getTime() - 10 * 60_000), body);
    expect(() => new Webhook(secret).verify(body, stale)).toThrow();
  });

  it('match the library\'s own signing byte for byte', () => {
    const secret = newWebhookSecret();
    const at = new Date('2026-03-02T08:00:00.000Z');
    expect(signWebhook(secret, 'msg_1', Math.floor(at.getTime() / 1000), body)).toBe(new Webhook(secret).sign('msg_1', at, body));
  });

  it('carry one signature per secret during a rotation, each of which verifies alone', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    const headers = webhookHeaders([current, previous], 'msg_rot', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
  });

  it('come from secrets of whsec_ and 32 random bytes, never the same twice', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => newWebhookSecret()));
    expect(secrets.size).toBe(200);
    for (const secret of secrets) expect(isWebhookSecret(secret) && Buffer.from(secret.slice(6), 'base64').length === 32).toBe(true);
    expect(() => signWebhook('whsec_short', 'msg', 1, body)).toThrow(/32 bytes/);
  });
});
