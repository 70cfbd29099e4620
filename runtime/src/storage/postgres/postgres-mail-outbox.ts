import type pg from 'pg';
import { MAIL_SECRET, type MailOutbox, type OutboxEntry, type QueuedMail } from '../../domain/care/ports.js';
import type { DispatchQueue, DueMail } from '../../mail/mail-dispatcher.js';
import type { SecretBox } from '../../mail/secret-box.js';
import { checkSecret, openRow, runOnlyBox, type OutboxMode, type OutboxRow } from '../sqlite/sqlite-mail-outbox.js';

/** How long a dispatcher's claim on a message lasts: if its process dies mid-send, another retries after this. */
export const DISPATCH_CLAIM_MS = 5 * 60_000;

export interface PostgresMailOutbox extends MailOutbox {
  /** Writes one message on the client of the caller's transaction, so it commits or rolls back with it. Call `notify` after the commit. */
  stage(client: pg.ClientBase | pg.Pool, mail: QueuedMail): Promise<void>;
  notify(): void;
}

/**
 * The mail outbox on PostgreSQL, like the SQLite one (storage/sqlite/sqlite-mail-outbox.ts): every
 * e-mail is a mail_outbox row first, its secret sealed under a key that is not in the database.
 */
export function createPostgresMailOutbox(
  pool: pg.Pool,
  deps: { now: () => Date; newId: () => string; box?: SecretBox; mode?: OutboxMode; onQueued?: () => void },
): PostgresMailOutbox {
  const box = deps.box ?? runOnlyBox();
  const mode = deps.mode ?? 'held';
  const stage = async (client: pg.ClientBase | pg.Pool, mail: QueuedMail) => {
    checkSecret(mail);
    await client.query(
      `INSERT INTO mail_outbox (id, to_address, subject, text, created_at, status, attempts, next_attempt_at, organisation_id, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9)`,
      [mail.id, mail.to, mail.subject, mail.text, mail.createdAt, mode, mode === 'pending' ? mail.createdAt : null, mail.organisationId, mail.secret === undefined ? null : box.seal(mail.secret, mail.id)],
    );
  };
  const notify = () => deps.onQueued?.();
  return {
    stage,
    notify,
    async send(message) {
      await stage(pool, { ...message, id: deps.newId(), createdAt: deps.now().toISOString() });
      notify();
    },
    async list(organisationIds, limit = 200) {
      if (organisationIds.length === 0) return [];
      const { rows } = await pool.query<OutboxRow & { created_at: string }>(
        'SELECT id, to_address, subject, text, created_at, secret_sealed FROM mail_outbox WHERE organisation_id = ANY($1) ORDER BY seq DESC LIMIT $2',
        [[...organisationIds], Math.min(Math.max(1, Math.trunc(limit)), 1000)],
      );
      return rows.map((row): OutboxEntry => {
        const opened = openRow(box, row);
        return { id: row.id, to: row.to_address, subject: opened.subject, text: opened.text, createdAt: row.created_at };
      });
    },
  };
}

/**
 * The dispatcher's view of mail_outbox on PostgreSQL, safe with a dispatcher in every process:
 * `due` claims the messages it returns in one statement (`FOR UPDATE SKIP LOCKED`, then moves their
 * next_attempt_at past the claim time), so two processes never get the same message; a process that
 * dies before recording the attempt leaves the message to be tried again when the claim runs out
 * (at least once, as with one process).
 */
export function createPostgresDispatchQueue(pool: pg.Pool, box: SecretBox = runOnlyBox()): DispatchQueue {
  const fail = (id: string, input: { attempts: number; error: string; at: string }) =>
    pool.query("UPDATE mail_outbox SET status = 'failed', attempts = $2, last_error = $3, failed_at = $4, next_attempt_at = NULL, secret_sealed = NULL WHERE id = $1 AND status = 'pending'", [id, input.attempts, input.error, input.at]);
  return {
    async due(at, limit) {
      const claimUntil = new Date(Date.parse(at) + DISPATCH_CLAIM_MS).toISOString();
      const { rows } = await pool.query<OutboxRow & { attempts: number; seq: number }>(
        `UPDATE mail_outbox SET next_attempt_at = $3
          WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, seq LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, text, secret_sealed, attempts, seq`,
        [at, limit, claimUntil],
      );
      // UPDATE … RETURNING has no order: oldest first, as the dispatcher expects.
      rows.sort((a, b) => a.seq - b.seq);
      const ready: DueMail[] = [];
      for (const row of rows) {
        const opened = openRow(box, row);
        if (opened.secret === undefined && (row.text.includes(MAIL_SECRET) || row.subject.includes(MAIL_SECRET))) {
          // Sending "[unavailable]" would be worse than not sending: the invitation has to be made again.
          await fail(row.id, { attempts: row.attempts, error: 'Its secret was sealed under another mail key (CARELOOM_MAIL_KEY or the key file changed); send the invitation again.', at });
          continue;
        }
        ready.push({ id: row.id, to: row.to_address, subject: opened.subject, text: opened.text, attempts: row.attempts });
      }
      return ready;
    },
    async nextAttemptAt() {
      const { rows } = await pool.query<{ at: string | null }>("SELECT min(next_attempt_at) AS at FROM mail_outbox WHERE status = 'pending'");
      return rows[0]?.at ?? undefined;
    },
    async markSent(id, input) {
      await pool.query("UPDATE mail_outbox SET status = 'sent', attempts = $2, sent_at = $3, next_attempt_at = NULL, secret_sealed = NULL WHERE id = $1 AND status = 'pending'", [id, input.attempts, input.at]);
    },
    async markRetry(id, input) {
      await pool.query("UPDATE mail_outbox SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1 AND status = 'pending'", [id, input.attempts, input.error, input.nextAttemptAt]);
    },
    async markFailed(id, input) {
      await fail(id, input);
    },
  };
}
