import { afterEach, describe, expect, it } from 'vitest';
import { createTestClock } from '../clock.js';
import { MAIL_SECRET, type MailMessage } from '../domain/care/ports.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteDispatchQueue, createSqliteMailOutbox } from '../storage/sqlite/sqlite-mail-outbox.js';
import { createFakeTimers } from '../testing/fake-timers.js';
import { createRecordingLogger } from '../testing/recording-logger.js';
import { createMailDispatcher } from './mail-dispatcher.js';
import { MailDeliveryError } from './smtp-mail-sender.js';
import type { MailSender } from './smtp-mail-sender.js';

const MINUTE = 60_000;
/** As the care service writes an invitation: the code only as a placeholder, the code itself beside it (sealed when stored). */
const MESSAGE = { to: 'petra@example.org', subject: 'Your invitation from Vardcentralen', text: `Your code: ${MAIL_SECRET}`, secret: 'ABCDE-FGHJK', organisationId: null };
/** What the relay receives: the code filled in. */
const DELIVERED = { to: 'petra@example.org', subject: 'Your invitation from Vardcentralen', text: 'Your code: ABCDE-FGHJK' };

type Outcome = 'ok' | 'temporary' | 'permanent' | 'hang';

/** A relay that answers each delivery with the next scripted outcome ('ok' once the script runs out). */
function scriptedSender(script: Outcome[]) {
  const delivered: Array<{ message: MailMessage; at: number }> = [];
  const attempts: number[] = [];
  let closed = false;
  const sender: MailSender = {
    async deliver(message) {
      const outcome = script.shift() ?? 'ok';
      attempts.push(outcome === 'hang' ? -1 : 0);
      if (outcome === 'hang') return new Promise<void>(() => undefined);
      if (outcome === 'temporary') throw new MailDeliveryError('451 4.3.0 <petra@example.org> try again later', false, 'EENVELOPE', 451);
      if (outcome === 'permanent') throw new MailDeliveryError('550 5.1.1 …@example.org: no such user', true, 'EENVELOPE', 550);
      delivered.push({ message, at: Date.now() });
    },
    close: () => void (closed = true),
  };
  return { sender, delivered, attempts, isClosed: () => closed };
}

describe('the mail dispatcher', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const setup = (script: Outcome[] = []) => {
    const clock = createTestClock('2026-03-02T08:00:00.000Z');
    const timers = createFakeTimers(clock);
    const { db } = openDatabase({ file: ':memory:' });
    let n = 0;
    const logger = createRecordingLogger();
    const relay = scriptedSender(script);
    const dispatcher = createMailDispatcher({ queue: createSqliteDispatchQueue(db), sender: relay.sender, clock, timers, logger });
    const outbox = createSqliteMailOutbox(db, { mode: 'pending', now: () => clock.now(), newId: () => `mail-${++n}`, onQueued: () => dispatcher.wake() });
    cleanup.push(() => db.close(), async () => {
      const stopping = dispatcher.stop(0);
      await timers.settle();
      await stopping;
    });
    const row = (id: string) => db.prepare('SELECT status, attempts, last_error, next_attempt_at, sent_at, failed_at FROM mail_outbox WHERE id = ?').get(id) as Record<string, unknown>;
    return { clock, timers, db, logger, relay, dispatcher, outbox, row };
  };

  it('sends what was pending before it started, and never sends held (development) mail', async () => {
    const t = setup();
    createSqliteMailOutbox(t.db, { mode: 'held', now: () => t.clock.now(), newId: () => 'held-1' }).send({ ...MESSAGE, to: 'dev@example.org' });
    await t.outbox.send(MESSAGE);
    expect(t.relay.delivered).toHaveLength(0);
    t.dispatcher.start();
    await t.timers.settle();
    expect(t.relay.delivered.map((entry) => entry.message)).toEqual([expect.objectContaining(DELIVERED)]);
    expect(t.row('mail-1')).toMatchObject({ status: 'sent', attempts: 1, sent_at: '2026-03-02T08:00:00.000Z', next_attempt_at: null, last_error: null });
    expect(t.row('held-1')).toMatchObject({ status: 'held', attempts: 0 });
    await t.timers.advance(24 * 60 * MINUTE);
    expect(t.relay.delivered).toHaveLength(1);
  });

  it('returns from send before the relay answers, and sends once woken', async () => {
    const t = setup(['hang']);
    t.dispatcher.start();
    await t.timers.settle();
    await t.outbox.send(MESSAGE);
    expect(t.relay.attempts).toHaveLength(0);
    expect(t.row('mail-1')).toMatchObject({ status: 'pending' });
    await t.timers.settle();
    expect(t.relay.attempts).toHaveLength(1);
    expect(t.row('mail-1')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('retries a temporary failure after 1 and then 5 minutes on the clock, and sends it exactly once', async () => {
    const t = setup(['temporary', 'temporary']);
    t.dispatcher.start();
    await t.outbox.send(MESSAGE);
    await t.timers.settle();
    expect(t.row('mail-1')).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: '2026-03-02T08:01:00.000Z', last_error: '451 4.3.0 <petra@example.org> try again later' });
    await t.timers.advance(MINUTE - 1000);
    expect(t.relay.attempts).toHaveLength(1);
    await t.timers.advance(1000);
    expect(t.relay.attempts).toHaveLength(2);
    expect(t.row('mail-1')).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: '2026-03-02T08:06:00.000Z' });
    await t.timers.advance(5 * MINUTE);
    expect(t.row('mail-1')).toMatchObject({ status: 'sent', attempts: 3, sent_at: '2026-03-02T08:06:00.000Z', next_attempt_at: null });
    await t.timers.advance(6 * 60 * MINUTE);
    expect(t.relay.attempts).toHaveLength(3);
    expect(t.relay.delivered).toHaveLength(1);
    expect(t.logger.records.map((record) => [record.level, record.message, record.fields.mailId, record.fields.toDomain])).toEqual([
      ['warn', 'E-mail delivery failed; will retry', 'mail-1', 'example.org'],
      ['warn', 'E-mail delivery failed; will retry', 'mail-1', 'example.org'],
      ['info', 'E-mail delivered after a retry', 'mail-1', 'example.org'],
    ]);
    expect(JSON.stringify(t.logger.records)).not.toMatch(/ABCDE|invitation|Vardcentralen/);
  });

  it('gives up after retries at 1, 5, 30 and 120 minutes', async () => {
    const t = setup(Array<Outcome>(10).fill('temporary'));
    t.dispatcher.start();
    await t.outbox.send(MESSAGE);
    await t.timers.settle();
    for (const wait of [1, 5, 30, 120]) {
      await t.timers.advance(wait * MINUTE - 1000);
      const before = t.relay.attempts.length;
      await t.timers.advance(1000);
      expect(t.relay.attempts).toHaveLength(before + 1);
    }
    expect(t.row('mail-1')).toMatchObject({ status: 'failed', attempts: 5, failed_at: '2026-03-02T10:36:00.000Z', next_attempt_at: null });
    await t.timers.advance(24 * 60 * MINUTE);
    expect(t.relay.attempts).toHaveLength(5);
    expect(t.logger.records.at(-1)).toMatchObject({ level: 'error', message: 'E-mail given up after retries', fields: { mailId: 'mail-1', attempts: 5 } });
  });

  it('marks a permanent refusal failed at once and never retries it', async () => {
    const t = setup(['permanent']);
    t.dispatcher.start();
    await t.outbox.send(MESSAGE);
    await t.outbox.send({ ...MESSAGE, to: 'sven@example.org' });
    await t.timers.settle();
    expect(t.row('mail-1')).toMatchObject({ status: 'failed', attempts: 1, failed_at: '2026-03-02T08:00:00.000Z', last_error: '550 5.1.1 …@example.org: no such user' });
    expect(t.row('mail-2')).toMatchObject({ status: 'sent', attempts: 1 });
    await t.timers.advance(24 * 60 * MINUTE);
    expect(t.relay.attempts).toHaveLength(2);
    expect(t.logger.records).toEqual([expect.objectContaining({ level: 'error', message: 'E-mail refused by the SMTP server', fields: expect.objectContaining({ mailId: 'mail-1', responseCode: 550 }) })]);
  });

  it('stops without sending, leaves the mail pending and closes the relay connection', async () => {
    const t = setup();
    t.dispatcher.start();
    await t.dispatcher.stop();
    await t.outbox.send(MESSAGE);
    await t.timers.advance(10 * MINUTE);
    expect(t.relay.attempts).toHaveLength(0);
    expect(t.row('mail-1')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(t.relay.isClosed()).toBe(true);
  });
});
