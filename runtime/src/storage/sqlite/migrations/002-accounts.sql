-- Accounts: organisations, people, their roles per organisation, and login sessions.
-- Times are ISO 8601 UTC strings from the injected clock. Every write beside these tables also
-- writes an audit_log row in the same transaction (see storage/sqlite/accounts-store.ts).

CREATE TABLE organisations (
  id          TEXT PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('publisher', 'care_provider')),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE people (
  id             TEXT PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  -- scrypt$N$r$p$salt$hash; never a plain password.
  password_hash  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  disabled_at    TEXT
) STRICT;

CREATE TABLE memberships (
  person_id        TEXT NOT NULL REFERENCES people (id),
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  role             TEXT NOT NULL CHECK (role IN ('designer', 'publisher', 'tester', 'permissions_admin', 'care_provider_admin', 'therapist', 'patient')),
  -- NULL for organisation-wide roles; set for unit-scoped roles (therapist, patient).
  unit_id          TEXT,
  granted_by       TEXT REFERENCES people (id),
  granted_at       TEXT NOT NULL
) STRICT;

-- SQLite treats NULLs as distinct in UNIQUE constraints, hence the expression.
CREATE UNIQUE INDEX memberships_unique ON memberships (person_id, organisation_id, role, ifnull(unit_id, ''));

CREATE INDEX memberships_by_organisation ON memberships (organisation_id, role);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the random token in the cookie: a leaked database does not yield usable sessions.
  id            TEXT PRIMARY KEY,
  person_id     TEXT NOT NULL REFERENCES people (id),
  csrf_token    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  ip            TEXT,
  user_agent    TEXT
) STRICT;

CREATE INDEX sessions_by_person ON sessions (person_id);
