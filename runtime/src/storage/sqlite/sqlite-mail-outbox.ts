import type Database from 'better-sqlite3';
import type { MailOutbox, QueuedMail } from '../../domain/care/ports.js';
import type { DispatchQueue, DueMail } from '../../mail/mail-dispatcher.js';

/**
 * What a new row starts as: `held` without SMTP (development; shown by GET /api/dev/outbox, never
 * sent), `pending` with SMTP (the dispatcher sends it). See migration 005 for all states.
 */
export type OutboxMode = 'held' | 'pending';

export interface SqliteMailOutbox extends MailOutbox {
  /**
   * Writes one message synchronously, so a caller inside a better-sqlite3 transaction (the care
   * store's enrollment) commits or rolls it back together with its own rows. Call `notify` after.
   */
  stage(mail: QueuedMail): void;
  /** Tells the dispatcher that new mail is waiting (after the commit). */
  notify(): void;
}

/**
 * The mail outbox (transactional outbox pattern): every e-mail is a `mail_outbox` row first. With
 * SMTP configured the rows are `pending` and the dispatcher (mail/mail-dispatcher.ts) sends them;
 * without, they are `held` and GET /api/dev/outbox lists them.
 *
 * @example
 * const outbox = createSqliteMailOutbox(db, { mode: 'pending', now: () => clock.now(), newId: () => ids.newId(), onQueued: () => dispatcher.wake() });
 * await outbox.send({ to, subject, text }); // stored; the dispatcher sends it soon after
 */
export function createSqliteMailOutbox(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string; mode?: OutboxMode; onQueued?: () => void },
): SqliteMailOutbox {
  const stage = outboxWriter(db, deps.mode ?? 'held');
  const notify = () => deps.onQueued?.();
  return {
    stage,
    notify,
    async send(message) {
      stage({ ...message, id: deps.newId(), createdAt: deps.now().toISOString() });
      notify();
    },
    async list(limit = 200) {
      const rows = db.prepare('SELECT id, to_address, subject, text, created_at FROM mail_outbox ORDER BY seq DESC LIMIT ?').all(Math.min(Math.max(1, limit), 1000)) as Array<{ id: string; to_address: string; subject: string; text: string; created_at: string }>;
      return rows.map((row) => ({ id: row.id, to: row.to_address, subject: row.subject, text: row.text, createdAt: row.created_at }));
    },
  };
}

/** Writes one outbox row synchronously (joining the caller's transaction, if any); a pending row is due at once. */
export function outboxWriter(db: Database.Database, mode: OutboxMode): (mail: QueuedMail) => void {
  const insert = db.prepare(
    'INSERT INTO mail_outbox (id, to_address, subject, text, created_at, status, attempts, next_attempt_at) VALUES (@id, @to, @subject, @text, @createdAt, @status, 0, @nextAttemptAt)',
  );
  return (mail) => {
    insert.run({ id: mail.id, to: mail.to, subject: mail.subject, text: mail.text, createdAt: mail.createdAt, status: mode, nextAttemptAt: mode === 'pending' ? mail.createdAt : null });
  };
}

/**
 * The dispatcher's view of `mail_outbox`: the pending rows that are due, and the record of each
 * attempt. Every method is one statement, so a crash leaves each row as it was or as recorded.
 */
export function createSqliteDispatchQueue(db: Database.Database): DispatchQueue {
  const due = db.prepare(
    "SELECT id, to_address, subject, text, attempts FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?",
  );
  const next = db.prepare("SELECT min(next_attempt_at) AS at FROM mail_outbox WHERE status = 'pending'");
  const sent = db.prepare("UPDATE mail_outbox SET status = 'sent', attempts = @attempts, sent_at = @at, next_attempt_at = NULL WHERE id = @id AND status = 'pending'");
  const retry = db.prepare("UPDATE mail_outbox SET attempts = @attempts, last_error = @error, next_attempt_at = @nextAttemptAt WHERE id = @id AND status = 'pending'");
  const failed = db.prepare("UPDATE mail_outbox SET status = 'failed', attempts = @attempts, last_error = @error, failed_at = @at, next_attempt_at = NULL WHERE id = @id AND status = 'pending'");
  return {
    due(at, limit) {
      const rows = due.all(at, limit) as Array<{ id: string; to_address: string; subject: string; text: string; attempts: number }>;
      return rows.map((row): DueMail => ({ id: row.id, to: row.to_address, subject: row.subject, text: row.text, attempts: row.attempts }));
    },
    nextAttemptAt: () => (next.get() as { at: string | null }).at ?? undefined,
    markSent: (id, input) => void sent.run({ id, ...input }),
    markRetry: (id, input) => void retry.run({ id, ...input }),
    markFailed: (id, input) => void failed.run({ id, ...input }),
  };
}
