import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MAIL_SECRET, type QueuedMail } from '../../domain/care/ports.js';
import { createSecretBox } from '../../mail/secret-box.js';
import { SECRET_REMOVED } from '../sqlite/sqlite-mail-outbox.js';
import { inTransaction } from './open-postgres.js';
import { createPostgresDispatchQueue, createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();
const CODE = 'ABCDE-12345';
const mail = (id: string, organisationId: string | null = 'care-a', overrides: Partial<QueuedMail> = {}): QueuedMail => ({
  id, to: `${id}@example.org`, subject: 'Your invitation', text: `Open /#/invite/${MAIL_SECRET}`, secret: CODE, organisationId, createdAt: '2026-03-02T08:00:00.000Z', ...overrides,
});

async function setup(mode: 'held' | 'pending') {
  const opened = await fresh.open();
  await opened.pool.query("INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('care-a', 'care-a', 'A', 'care_provider', 'x'), ('care-b', 'care-b', 'B', 'care_provider', 'x')");
  const box = createSecretBox(randomBytes(32));
  let ids = 0;
  return { ...opened, box, outbox: createPostgresMailOutbox(opened.pool, { box, mode, now: () => new Date('2026-03-02T08:00:00.000Z'), newId: () => `sent-${++ids}` }) };
}

describe('PostgreSQL mail outbox', () => {
  it('stages mail inside the caller\'s transaction: a rollback leaves no mail', async () => {
    const { pool, outbox } = await setup('held');
    await expect(inTransaction(pool, async (client) => {
      await outbox.stage(client, mail('m1'));
      throw new Error('the enrollment failed');
    })).rejects.toThrow('the enrollment failed');
    await inTransaction(pool, (client) => outbox.stage(client, mail('m2')));
    expect((await outbox.list(['care-a'])).map((entry) => entry.id)).toEqual(['m2']);
  });

  it('lists only the given organisations\' mail, newest first, with the secret filled in but sealed in the row', async () => {
    const { pool, outbox } = await setup('held');
    await outbox.stage(pool, mail('m1', 'care-a'));
    await outbox.stage(pool, mail('m2', 'care-b'));
    await outbox.stage(pool, mail('m3', 'care-a'));
    const listed = await outbox.list(['care-a']);
    expect(listed.map((entry) => entry.id)).toEqual(['m3', 'm1']);
    expect(listed[0]?.text).toContain(`/#/invite/${CODE}`);
    expect(JSON.stringify((await pool.query('SELECT * FROM mail_outbox')).rows)).not.toContain(CODE);
    expect(await outbox.list([])).toEqual([]);
  });

  it('refuses a secret written in clear', async () => {
    const { pool, outbox } = await setup('held');
    await expect(outbox.stage(pool, mail('m1', 'care-a', { text: `Your code is ${CODE} ${MAIL_SECRET}` }))).rejects.toThrow(/in clear/);
  });

  it('sends each due message once, erasing its secret, and schedules retries', async () => {
    const { pool, box, outbox } = await setup('pending');
    await outbox.send({ to: 'a@example.org', subject: 'Hello', text: `Code ${MAIL_SECRET}`, secret: CODE, organisationId: 'care-a' });
    const queue = createPostgresDispatchQueue(pool, box);
    const [due] = await queue.due('2026-03-02T09:00:00.000Z', 10);
    expect(due?.text).toBe(`Code ${CODE}`);
    // Claimed: not due again within the claim, even for the same process.
    expect(await queue.due('2026-03-02T09:00:01.000Z', 10)).toEqual([]);
    await queue.markSent(due!.id, { attempts: 1, at: '2026-03-02T09:00:02.000Z' });
    expect((await pool.query('SELECT status, secret_sealed FROM mail_outbox')).rows).toEqual([{ status: 'sent', secret_sealed: null }]);
    expect((await outbox.list(['care-a']))[0]?.text).toBe(`Code ${SECRET_REMOVED}`);
    expect(await queue.nextAttemptAt()).toBeUndefined();
  });

  it('gives a message to exactly one of several dispatching processes', async () => {
    const { pool, url, box, outbox } = await setup('pending');
    for (let index = 0; index < 60; index++) await outbox.stage(pool, mail(`m${index}`, 'care-a', { secret: undefined, text: 'No secret' }));
    const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: url, max: 2 }));
    try {
      const queues = pools.map((other) => createPostgresDispatchQueue(other, box));
      const claimed = (await Promise.all(queues.flatMap((queue) => [queue.due('2026-03-02T09:00:00.000Z', 7), queue.due('2026-03-02T09:00:00.000Z', 7), queue.due('2026-03-02T09:00:00.000Z', 7)]))).flat();
      const ids = claimed.map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(60);
    } finally {
      for (const other of pools) await other.end();
    }
  });

  it('offers a claimed message again once its claim has run out (its process died mid-send)', async () => {
    const { pool, box, outbox } = await setup('pending');
    await outbox.stage(pool, mail('m1', 'care-a'));
    const queue = createPostgresDispatchQueue(pool, box);
    expect(await queue.due('2026-03-02T09:00:00.000Z', 10)).toHaveLength(1);
    expect(await queue.due('2026-03-02T09:04:00.000Z', 10)).toHaveLength(0);
    expect((await queue.due('2026-03-02T09:05:00.000Z', 10)).map((entry) => entry.id)).toEqual(['m1']);
  });
});
