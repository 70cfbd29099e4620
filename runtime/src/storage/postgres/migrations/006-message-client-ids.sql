-- A message written offline waits in the patient's device and is sent when the connection returns,
-- retried until the server acknowledges it. The id the device gave it makes a retry of a message
-- that did arrive (its answer lost on the way) find the stored message instead of adding it twice.
-- (SQLite twin: 011-message-client-ids.sql.)
ALTER TABLE messages ADD COLUMN client_id TEXT;

CREATE UNIQUE INDEX messages_by_client_id ON messages (author_id, client_id) WHERE client_id IS NOT NULL;

DROP TRIGGER messages_fixed ON messages;
CREATE TRIGGER messages_fixed BEFORE UPDATE ON messages FOR EACH ROW
  WHEN ((OLD.id, OLD.enrollment_id, OLD.sender, OLD.author_id, OLD.body, OLD.sent_at, OLD.client_id) IS DISTINCT FROM (NEW.id, NEW.enrollment_id, NEW.sender, NEW.author_id, NEW.body, NEW.sent_at, NEW.client_id))
  EXECUTE FUNCTION careloom_refuse('a sent message never changes');
