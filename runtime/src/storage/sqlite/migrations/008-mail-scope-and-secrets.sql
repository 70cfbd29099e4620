-- Stored mail knows its organisation and keeps its secret sealed.
--   organisation_id  whose mail it is: the development outbox shows a care-provider admin only the
--                    mail of the organisations they administer (NULL: no organisation; shown to nobody)
--   secret_sealed    the message's one secret (an invitation code or link token), sealed with
--                    AES-256-GCM under the mail key, which is never in this database (CARELOOM_MAIL_KEY
--                    or the key file beside it). The text holds a placeholder where the secret goes,
--                    filled in only when sending or showing the development outbox. Set to NULL once
--                    the message is sent or has failed for good.
ALTER TABLE mail_outbox ADD COLUMN organisation_id TEXT REFERENCES organisations (id);
ALTER TABLE mail_outbox ADD COLUMN secret_sealed TEXT;

CREATE INDEX mail_outbox_by_organisation ON mail_outbox (organisation_id, seq);

-- Mail written before this migration carried invitation codes in clear and names no organisation.
-- The ones already delivered, given up or only held for development lose their text (the code in it
-- stays hashed in the invitation, which keeps working); pending ones are still sent as written.
UPDATE mail_outbox
   SET text = '(Written before Careloom kept invitation codes out of stored e-mail: the text was removed.)'
 WHERE status IN ('held', 'sent', 'failed') AND instr(text, '/#/invite/') > 0;
