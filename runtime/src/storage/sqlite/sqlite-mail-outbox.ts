import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MAIL_SECRET, type MailOutbox, type OutboxEntry, type QueuedMail } from '../../domain/care/ports.js';
import type { DispatchQueue, DueMail } from '../../mail/mail-dispatcher.js';
import { createSecretBox, type SecretBox } from '../../mail/secret-box.js';

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

/** Shown in place of a secret that is gone: erased once sent, or sealed under a key this server no longer has. */
export const SECRET_REMOVED = '[removed once the e-mail was sent]';
export const SECRET_UNAVAILABLE = '[unavailable: sealed under another mail key]';

/**
 * The mail outbox (transactional outbox pattern): every e-mail is a `mail_outbox` row first. With
 * SMTP configured the rows are `pending` and the dispatcher (mail/mail-dispatcher.ts) sends them;
 * without, they are `held` and GET /api/dev/outbox lists them to the admins of their organisation.
 * A message's secret (`QueuedMail.secret`) is stored sealed by `box` (whose key is not in the
 * database) and filled into the text's `MAIL_SECRET` placeholders only when listed or sent.
 *
 * @example
 * const outbox = createSqliteMailOutbox(db, { box, mode: 'pending', now: () => clock.now(), newId: () => ids.newId(), onQueued: () => dispatcher.wake() });
 * await outbox.send({ to, subject, text: `Your code: ${MAIL_SECRET}`, secret: code, organisationId }); // the dispatcher sends it soon after
 */
export function createSqliteMailOutbox(
  db: Database.Database,
  deps: { now: () => Date; newId: () => string; box?: SecretBox; mode?: OutboxMode; onQueued?: () => void },
): SqliteMailOutbox {
  const box = deps.box ?? runOnlyBox();
  const stage = outboxWriter(db, deps.mode ?? 'held', box);
  const notify = () => deps.onQueued?.();
  const rowsOf = (organisationIds: readonly string[], limit: number) =>
    db
      .prepare(
        `SELECT id, to_address, subject, text, created_at, status, secret_sealed FROM mail_outbox
          WHERE organisation_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT ?`,
      )
      .all(JSON.stringify(organisationIds), limit) as Array<OutboxRow & { created_at: string; status: string }>;
  return {
    stage,
    notify,
    async send(message) {
      stage({ ...message, id: deps.newId(), createdAt: deps.now().toISOString() });
      notify();
    },
    async list(organisationIds, limit = 200) {
      if (organisationIds.length === 0) return [];
      return rowsOf(organisationIds, Math.min(Math.max(1, Math.trunc(limit)), 1000)).map((row): OutboxEntry => {
        const opened = openRow(box, row);
        return { id: row.id, to: row.to_address, subject: opened.subject, text: opened.text, createdAt: row.created_at };
      });
    },
  };
}

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  secret_sealed: string | null;
}

/** Without a configured key (unit tests), secrets are sealed under a key that lives as long as this process. */
let processBox: SecretBox | undefined;
export function runOnlyBox(): SecretBox {
  processBox ??= createSecretBox(randomBytes(32));
  return processBox;
}

/** The subject and text with the secret filled in, or a note saying why it is not there. */
export function openRow(box: SecretBox, row: OutboxRow): { subject: string; text: string; secret: string | undefined } {
  if (!row.text.includes(MAIL_SECRET) && !row.subject.includes(MAIL_SECRET)) return { subject: row.subject, text: row.text, secret: undefined };
  const secret = row.secret_sealed === null ? undefined : box.open(row.secret_sealed, row.id);
  const fill = secret ?? (row.secret_sealed === null ? SECRET_REMOVED : SECRET_UNAVAILABLE);
  return { subject: row.subject.split(MAIL_SECRET).join(fill), text: row.text.split(MAIL_SECRET).join(fill), secret };
}

/**
 * Refuses a message that would store a secret in clear: the secret must appear only as the
 * placeholder, and a placeholder needs a secret. A programming error, so a plain Error (500), which
 * also rolls back the caller's transaction.
 */
export function checkSecret(mail: QueuedMail): void {
  const placeholders = mail.text.includes(MAIL_SECRET) || mail.subject.includes(MAIL_SECRET);
  if (mail.secret === undefined) {
    if (placeholders) throw new Error(`Mail ${mail.id} has a secret placeholder but no secret.`);
    return;
  }
  if (mail.secret.length < 6) throw new Error(`Mail ${mail.id}: a secret must be at least 6 characters.`);
  if (!placeholders) throw new Error(`Mail ${mail.id} has a secret but no placeholder (MAIL_SECRET) to put it in.`);
  if ([mail.text, mail.subject, mail.to].some((field) => field.includes(mail.secret as string))) {
    throw new Error(`Mail ${mail.id} has its secret in clear; write MAIL_SECRET where it goes.`);
  }
}

/**
 * Writes one outbox row synchronously (joining the caller's transaction, if any); a pending row is
 * due at once. The secret is sealed under `box`, bound to the row's id.
 */
export function outboxWriter(db: Database.Database, mode: OutboxMode, box: SecretBox = runOnlyBox()): (mail: QueuedMail) => void {
  const insert = db.prepare(
    `INSERT INTO mail_outbox (id, to_address, subject, text, created_at, status, attempts, next_attempt_at, organisation_id, secret_sealed)
     VALUES (@id, @to, @subject, @text, @createdAt, @status, 0, @nextAttemptAt, @organisationId, @secretSealed)`,
  );
  return (mail) => {
    checkSecret(mail);
    insert.run({
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      createdAt: mail.createdAt,
      status: mode,
      nextAttemptAt: mode === 'pending' ? mail.createdAt : null,
      organisationId: mail.organisationId,
      secretSealed: mail.secret === undefined ? null : box.seal(mail.secret, mail.id),
    });
  };
}

/**
 * The dispatcher's view of `mail_outbox`: the pending rows that are due (with their secret filled
 * in), and the record of each attempt. Every method is one statement (a row whose secret no longer
 * opens is marked failed on the way), so a crash leaves each row as it was or as recorded. Sending
 * or giving up erases the sealed secret: a delivered invitation's code is then nowhere in the database.
 */
export function createSqliteDispatchQueue(db: Database.Database, box: SecretBox = runOnlyBox()): DispatchQueue {
  const due = db.prepare(
    "SELECT id, to_address, subject, text, secret_sealed, attempts FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?",
  );
  const next = db.prepare("SELECT min(next_attempt_at) AS at FROM mail_outbox WHERE status = 'pending'");
  const sent = db.prepare("UPDATE mail_outbox SET status = 'sent', attempts = @attempts, sent_at = @at, next_attempt_at = NULL, secret_sealed = NULL WHERE id = @id AND status = 'pending'");
  const retry = db.prepare("UPDATE mail_outbox SET attempts = @attempts, last_error = @error, next_attempt_at = @nextAttemptAt WHERE id = @id AND status = 'pending'");
  const failed = db.prepare("UPDATE mail_outbox SET status = 'failed', attempts = @attempts, last_error = @error, failed_at = @at, next_attempt_at = NULL, secret_sealed = NULL WHERE id = @id AND status = 'pending'");
  return {
    async due(at, limit) {
      const rows = due.all(at, limit) as Array<OutboxRow & { attempts: number }>;
      const ready: DueMail[] = [];
      for (const row of rows) {
        const opened = openRow(box, row);
        if (opened.secret === undefined && (row.text.includes(MAIL_SECRET) || row.subject.includes(MAIL_SECRET))) {
          // Sending "[unavailable]" would be worse than not sending: the invitation has to be made again.
          failed.run({ id: row.id, attempts: row.attempts, error: 'Its secret was sealed under another mail key (CARELOOM_MAIL_KEY or the key file changed); send the invitation again.', at });
          continue;
        }
        ready.push({ id: row.id, to: row.to_address, subject: opened.subject, text: opened.text, attempts: row.attempts });
      }
      return ready;
    },
    nextAttemptAt: async () => (next.get() as { at: string | null }).at ?? undefined,
    markSent: async (id, input) => void sent.run({ id, ...input }),
    markRetry: async (id, input) => void retry.run({ id, ...input }),
    markFailed: async (id, input) => void failed.run({ id, ...input }),
  };
}
