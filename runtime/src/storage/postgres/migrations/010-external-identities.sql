-- Sign-in with OpenID Connect (issue 12), the twin of SQLite's 050-external-identities.sql. A
-- person is linked to an identity at a provider by the value of one verified claim; only an HMAC
-- of (issuer, claim, value) under a key outside the database is kept.
CREATE TABLE external_identities (
  subject_digest  TEXT PRIMARY KEY,
  issuer          TEXT NOT NULL,
  person_id       TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  linked_at       TEXT NOT NULL
);

CREATE INDEX external_identities_person ON external_identities (person_id);

ALTER TABLE sessions ADD COLUMN sign_in_method TEXT NOT NULL DEFAULT 'password' CHECK (sign_in_method IN ('password', 'oidc'));
