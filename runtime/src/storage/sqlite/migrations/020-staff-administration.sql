-- Staff administration on the care side (issue 12).
--   memberships.role        gains 'data_admin': the care provider's data administrator, who alone
--                           reads the audit log, exports and purges patients. SQLite cannot change a
--                           CHECK constraint in place, so the table is rebuilt with the same rows.
--   patient_therapists      a patient's responsible therapists in a unit ("my patients"). The
--                           therapist who enrolls a patient becomes one (trigger below), so every
--                           enrolled patient has one from the start.
--   password_resets         one-time links to choose a new password, by SHA-256 of the token.
CREATE TABLE memberships_new (
  person_id        TEXT NOT NULL REFERENCES people (id),
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  role             TEXT NOT NULL CHECK (role IN ('designer', 'publisher', 'tester', 'permissions_admin', 'care_provider_admin', 'data_admin', 'therapist', 'patient')),
  -- NULL for organisation-wide roles; set for unit-scoped roles (a therapist's unit, a patient's unit).
  unit_id          TEXT,
  granted_by       TEXT REFERENCES people (id),
  granted_at       TEXT NOT NULL
) STRICT;
INSERT INTO memberships_new (person_id, organisation_id, role, unit_id, granted_by, granted_at)
  SELECT person_id, organisation_id, role, unit_id, granted_by, granted_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE UNIQUE INDEX memberships_unique ON memberships (person_id, organisation_id, role, ifnull(unit_id, ''));
CREATE INDEX memberships_by_organisation ON memberships (organisation_id, role);
CREATE INDEX memberships_by_unit ON memberships (unit_id, role) WHERE unit_id IS NOT NULL;

CREATE TABLE patient_therapists (
  unit_id       TEXT NOT NULL REFERENCES care_units (id),
  patient_id    TEXT NOT NULL REFERENCES people (id),
  therapist_id  TEXT NOT NULL REFERENCES people (id),
  assigned_at   TEXT NOT NULL,
  assigned_by   TEXT REFERENCES people (id),
  PRIMARY KEY (unit_id, patient_id, therapist_id)
) STRICT;
CREATE INDEX patient_therapists_by_therapist ON patient_therapists (therapist_id, unit_id);

-- The enrolling therapist is responsible from the start (not an admin's or a tester's enrollment).
CREATE TRIGGER enrollments_responsible_therapist AFTER INSERT ON enrollments
WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = NEW.created_by AND m.role = 'therapist' AND m.unit_id = NEW.unit_id)
BEGIN
  INSERT OR IGNORE INTO patient_therapists (unit_id, patient_id, therapist_id, assigned_at, assigned_by)
  VALUES (NEW.unit_id, NEW.patient_id, NEW.created_by, NEW.created_at, NEW.created_by);
END;

-- Patients enrolled before this migration: their enrolling therapists, where still in the unit.
INSERT OR IGNORE INTO patient_therapists (unit_id, patient_id, therapist_id, assigned_at, assigned_by)
  SELECT e.unit_id, e.patient_id, e.created_by, e.created_at, e.created_by FROM enrollments e
   WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = e.created_by AND m.role = 'therapist' AND m.unit_id = e.unit_id);

CREATE TABLE password_resets (
  -- SHA-256 (hex) of the random token in the link: a leaked database yields no usable link.
  token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  person_id   TEXT NOT NULL REFERENCES people (id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
) STRICT;
CREATE INDEX password_resets_by_person ON password_resets (person_id, created_at);
