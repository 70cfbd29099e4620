-- The twin of SQLite's 100-second-factor-in-open-sessions.sql. An organisation's second-factor rule
-- reaches sessions already open (issue 12): turning it on marks the open password sessions of its
-- staff who have no second factor, and such a session may do nothing but set one up. Confirming the
-- second factor, or the rule turned off, clears the mark.
ALTER TABLE sessions ADD COLUMN second_factor_owed INTEGER NOT NULL DEFAULT 0 CHECK (second_factor_owed IN (0, 1));
