-- Sign-in with OpenID Connect (issue 12). A person is linked to an identity at a provider by the
-- value of one verified claim (the subject, or a personal identity number). Only an HMAC of
-- (issuer, claim, value) under a key outside the database is kept: the database never holds the
-- identity number, and a copy of it alone cannot tell whose identity a row is.
CREATE TABLE external_identities (
  subject_digest  TEXT PRIMARY KEY,
  issuer          TEXT NOT NULL,
  -- A purge of the patient erases the link with the account.
  person_id       TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  linked_at       TEXT NOT NULL
) STRICT;

CREATE INDEX external_identities_person ON external_identities (person_id);

-- How a session was started: logging out of one started at the provider also ends the provider's
-- session (its end_session endpoint).
ALTER TABLE sessions ADD COLUMN sign_in_method TEXT NOT NULL DEFAULT 'password' CHECK (sign_in_method IN ('password', 'oidc'));
