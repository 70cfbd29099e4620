import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../clock.js';
import type { DueWebhookDelivery, WebhookAttemptResult, WebhookDispatchQueue } from '../domain/webhooks/webhook-store.js';
import { newWebhookSecret } from '../domain/webhooks/webhook-signature.js';
import { silentLogger } from '../logger.js';
import { createFakeTimers } from '../testing/fake-timers.js';
import { createWebhookDispatcher, DEFAULT_WEBHOOK_RETRY, retryDelayMs } from './webhook-dispatcher.js';
import { WebhookSendError, type WebhookRequest } from './webhook-sender.js';

/** An in-memory outbox with one delivery, recording every attempt the dispatcher reports. */
function memoryQueue(delivery: DueWebhookDelivery) {
  let current: (DueWebhookDelivery & { status: string; nextAttemptAt: string }) | undefined = { ...delivery, status: 'pending', nextAttemptAt: '2026-01-01T00:00:00.000Z' };
  const results: WebhookAttemptResult[] = [];
  const queue: WebhookDispatchQueue = {
    async due(at) {
      return current && current.status === 'pending' && current.nextAttemptAt <= at ? [{ ...delivery, attempts: results.length }] : [];
    },
    async nextAttemptAt() {
      return current?.status === 'pending' ? current.nextAttemptAt : undefined;
    },
    async release() {},
    async recordAttempt(result) {
      results.push(result);
      if (current) current = { ...current, status: result.outcome === 'retry' ? 'pending' : result.outcome, nextAttemptAt: result.nextAttemptAt ?? current.nextAttemptAt };
    },
  };
  return { queue, results };
}

const secret = newWebhookSecret();
const delivery: DueWebhookDelivery = { deliveryId: 'dlv_1', eventId: 'msg_1', eventType: 'response.recorded', url: 'https://records.example.org/hook', secrets: [secret], payload: '{"type":"response.recorded"}', attempts: 0 };

describe('the webhook dispatcher', () => {
  it('spaces retries exponentially with jitter in the upper half, capped', () => {
    expect(retryDelayMs(DEFAULT_WEBHOOK_RETRY, 1, () => 0)).toBe(15_000);
    expect(retryDelayMs(DEFAULT_WEBHOOK_RETRY, 1, () => 0.999999)).toBe(30_000);
    expect(retryDelayMs(DEFAULT_WEBHOOK_RETRY, 4, () => 0.5)).toBe(180_000);
    expect(retryDelayMs(DEFAULT_WEBHOOK_RETRY, 30, () => 0.5)).toBe(0.75 * 6 * 3600_000);
    expect(retryDelayMs(DEFAULT_WEBHOOK_RETRY, 1000, () => 0)).toBe(3 * 3600_000);
  });

  it('retries failures with the same webhook-id and a fresh signature, then gives up after the last attempt', async () => {
    const clock = createTestClock('2026-01-01T00:00:00.000Z');
    const timers = createFakeTimers(clock);
    const { queue, results } = memoryQueue(delivery);
    const requests: WebhookRequest[] = [];
    const answers: Array<number | Error> = [503, new WebhookSendError('The endpoint refused the connection.'), 302];
    const dispatcher = createWebhookDispatcher({
      queue, clock, timers, logger: silentLogger, random: () => 0.999999, retry: { attempts: 3, baseMs: 1000, maxMs: 10_000 },
      send: async (request) => {
        requests.push(request);
        const answer = answers.shift()!;
        if (answer instanceof Error) throw answer;
        return { statusCode: answer };
      },
    });
    dispatcher.start();
    await timers.advance(0);
    await timers.advance(1000);
    await timers.advance(2000);
    await timers.advance(60_000);
    expect(results.map((result) => [result.outcome, result.statusCode, result.error])).toEqual([
      ['retry', 503, 'The endpoint answered 503.'],
      ['retry', null, 'The endpoint refused the connection.'],
      ['failed', 302, 'The endpoint answered 302 (a redirect, which webhooks do not follow).'],
    ]);
    expect(results.map((result) => result.nextAttemptAt)).toEqual(['2026-01-01T00:00:01.000Z', '2026-01-01T00:00:03.000Z', null]);
    expect(requests.map((request) => request.headers['webhook-id'])).toEqual(['msg_1', 'msg_1', 'msg_1']);
    expect(new Set(requests.map((request) => request.headers['webhook-timestamp'])).size).toBe(3);
    await dispatcher.stop();
  });

  it('marks a 2xx delivered at once, signed so that the specification\'s library verifies it', async () => {
    const clock = createTestClock(new Date());
    const timers = createFakeTimers(clock);
    const { queue, results } = memoryQueue(delivery);
    let verified: unknown;
    const dispatcher = createWebhookDispatcher({
      queue, clock, timers, logger: silentLogger,
      send: async (request) => {
        verified = new Webhook(secret).verify(request.body, request.headers);
        return { statusCode: 200 };
      },
    });
    dispatcher.start();
    await timers.advance(0);
    expect(verified).toEqual({ type: 'response.recorded' });
    expect(results.map((result) => result.outcome)).toEqual(['delivered']);
    await dispatcher.stop();
  });
});
