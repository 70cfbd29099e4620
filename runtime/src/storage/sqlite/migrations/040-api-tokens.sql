-- API tokens for integrating systems (a record system reading results over /fhir/r4). A care-provider
-- admin creates one for the provider or for some of its units, with read scopes; the token itself
-- is shown once and only its SHA-256 is kept, so a leaked database yields no usable token.
CREATE TABLE api_tokens (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  name             TEXT NOT NULL,
  -- SHA-256 (hex) of the token; looked up on every request.
  token_hash       TEXT NOT NULL UNIQUE,
  -- JSON array of read scopes ('questionnaires.read', 'patient-data.read').
  scopes           TEXT NOT NULL,
  -- JSON array of unit ids, or NULL for every unit of the provider (also units created later).
  unit_ids         TEXT,
  created_by       TEXT NOT NULL REFERENCES people (id),
  created_at       TEXT NOT NULL,
  expires_at       TEXT,
  last_used_at     TEXT,
  last_used_ip     TEXT,
  revoked_at       TEXT,
  revoked_by       TEXT REFERENCES people (id)
) STRICT;

CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id, created_at);
