-- Live-draft updates that do not apply (a crafted or corrupted Yjs update): set aside here, with the
-- reason, rather than kept in draft_updates where they would break the draft for everyone. Kept
-- for inspection only; nothing reads them back into a draft. `seq` is the draft_updates row the
-- update was moved from, or NULL when the collaboration server refused it before storing it.
CREATE TABLE draft_update_quarantine (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  document   TEXT NOT NULL,
  seq        INTEGER,
  "update"   BLOB NOT NULL,
  person_id  TEXT,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL
) STRICT;

CREATE INDEX draft_update_quarantine_by_document ON draft_update_quarantine (document, id);
