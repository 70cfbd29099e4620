-- Linked identities a person can tell apart (issue 12): the last characters of the identifying
-- claim's value ("ending in 2391"), written when the identity is linked, so the account screen can
-- list a person's identities without the database holding the whole personal identity number.
-- NULL for links made before this column, and for values too short to show a part of safely.
ALTER TABLE external_identities ADD COLUMN hint TEXT CHECK (hint IS NULL OR length(hint) BETWEEN 1 AND 4);
