-- An organisation's second-factor rule reaches sessions already open (issue 12): turning it on marks
-- the open password sessions of its staff who have no second factor, and such a session may do
-- nothing but set one up (runtime/src/auth/second-factor-owed.ts). Confirming the second factor, or
-- the rule turned off, clears the mark. Sessions started at an identity provider are never marked.
ALTER TABLE sessions ADD COLUMN second_factor_owed INTEGER NOT NULL DEFAULT 0 CHECK (second_factor_owed IN (0, 1));
