import type Database from 'better-sqlite3';
import type { MailOutbox } from '../../domain/care/ports.js';

/**
 * The development mail transport: every e-mail is stored in `mail_outbox` instead of being sent,
 * and GET /api/dev/outbox shows them. Used when no SMTP server is configured.
 *
 * @example
 * const outbox = createSqliteMailOutbox(db, { now: () => clock.now(), newId: () => ids.newId() });
 * await outbox.send({ to, subject, text });
 */
export function createSqliteMailOutbox(db: Database.Database, deps: { now: () => Date; newId: () => string }): MailOutbox {
  const insert = db.prepare('INSERT INTO mail_outbox (id, to_address, subject, text, created_at) VALUES (?, ?, ?, ?, ?)');
  return {
    async send(message) {
      insert.run(deps.newId(), message.to, message.subject, message.text, deps.now().toISOString());
    },
    async list(limit = 200) {
      const rows = db.prepare('SELECT id, to_address, subject, text, created_at FROM mail_outbox ORDER BY seq DESC LIMIT ?').all(Math.min(Math.max(1, limit), 1000)) as Array<{ id: string; to_address: string; subject: string; text: string; created_at: string }>;
      return rows.map((row) => ({ id: row.id, to: row.to_address, subject: row.subject, text: row.text, createdAt: row.created_at }));
    },
  };
}
