-- The twin of SQLite's 051-second-factor.sql. A second factor (TOTP, RFC 6238) for people who sign in with a local password (issue 12).
-- The shared secret is sealed (AES-GCM) under the mail key, outside the database; recovery codes
-- are kept as HMACs under a key derived from it. `last_step` is the time step of the last code
-- accepted: a code is accepted only in a later step, so a code seen once cannot be used again.
CREATE TABLE second_factors (
  person_id      TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  secret_sealed  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  -- NULL while the person has not yet confirmed the enrolment with a code.
  confirmed_at   TEXT,
  last_step      BIGINT
);

CREATE TABLE second_factor_recovery_codes (
  person_id  TEXT NOT NULL REFERENCES second_factors (person_id) ON DELETE CASCADE,
  code_hash  TEXT NOT NULL,
  used_at    TEXT,
  PRIMARY KEY (person_id, code_hash)
);

-- An organisation may require a second factor of its staff (patients excepted); a person signing
-- in with a password who holds a staff role there and has none is sent to enrol first.
CREATE TABLE organisation_security (
  organisation_id         TEXT PRIMARY KEY REFERENCES organisations (id),
  second_factor_required  INTEGER NOT NULL CHECK (second_factor_required IN (0, 1)),
  updated_at              TEXT NOT NULL,
  updated_by              TEXT REFERENCES people (id)
);
