-- A message written offline waits in the patient's device and is sent when the connection returns,
-- retried until the server acknowledges it. The id the device gave it makes a retry of a message
-- that did arrive (its answer lost on the way) find the stored message instead of adding it twice.
ALTER TABLE messages ADD COLUMN client_id TEXT;

CREATE UNIQUE INDEX messages_by_client_id ON messages (author_id, client_id) WHERE client_id IS NOT NULL;

CREATE TRIGGER messages_client_id_fixed BEFORE UPDATE OF client_id ON messages
BEGIN
  SELECT RAISE(ABORT, 'a sent message never changes');
END;
