-- Basics: the audit trail. (schema_migrations is created by the migration runner, migrate.ts.)
-- Times are ISO 8601 UTC strings from the injected clock.

-- Who did what to which object, append-only. `details` is a JSON object of ids and states:
-- never passwords, tokens or a patient's answers (checked in domain/audit-details.ts).
-- `seq` keeps the order of appends; `id` is the caller's id for the entry.
CREATE TABLE audit_log (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  at               TEXT NOT NULL,
  actor_id         TEXT,
  actor_role       TEXT,
  action           TEXT NOT NULL,
  object_type      TEXT,
  object_id        TEXT,
  organisation_id  TEXT,
  unit_id          TEXT,
  patient_id       TEXT,
  ip               TEXT,
  request_id       TEXT,
  details          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details) AND json_type(details) = 'object')
) STRICT;

CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, at);
CREATE INDEX audit_log_patient ON audit_log (patient_id, at) WHERE patient_id IS NOT NULL;

-- Append-only, even for someone with raw SQL access through this schema.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
