-- Outgoing mail is durable (transactional outbox): every e-mail is a mail_outbox row first, and
-- with SMTP configured the dispatcher sends the 'pending' ones, recording each attempt.
--   held     written without SMTP (development): shown by GET /api/dev/outbox, never sent
--   pending  waiting for the dispatcher; next_attempt_at says when it may try (again)
--   sent     the relay took it at sent_at
--   failed   refused for good (5xx) or given up after the last retry, at failed_at
-- Before this migration only the development outbox wrote this table (SMTP sent from memory), so
-- the existing rows become 'held': turning SMTP on later never mails old development messages.
ALTER TABLE mail_outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'pending', 'sent', 'failed'));
ALTER TABLE mail_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at TEXT;
-- The SMTP server's reply or the connection error, with addresses cut to their domain; never the text.
ALTER TABLE mail_outbox ADD COLUMN last_error TEXT;
ALTER TABLE mail_outbox ADD COLUMN sent_at TEXT;
ALTER TABLE mail_outbox ADD COLUMN failed_at TEXT;

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
