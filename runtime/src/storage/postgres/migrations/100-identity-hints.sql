-- Linked identities a person can tell apart (issue 12; SQLite 140): the last characters of the
-- identifying claim's value, written when the identity is linked. NULL for older links and for
-- values too short to show a part of safely.
ALTER TABLE external_identities ADD COLUMN hint TEXT CHECK (hint IS NULL OR length(hint) BETWEEN 1 AND 4);
