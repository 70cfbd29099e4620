-- Staff administration on the care side: the twin of SQLite migration 020-staff-administration.sql
-- (whose comments explain the tables). PostgreSQL changes the role CHECK in place where SQLite
-- rebuilds the table.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
  CHECK (role IN ('designer', 'publisher', 'tester', 'permissions_admin', 'care_provider_admin', 'data_admin', 'therapist', 'patient'));
CREATE INDEX memberships_by_unit ON memberships (unit_id, role) WHERE unit_id IS NOT NULL;

CREATE TABLE patient_therapists (
  unit_id       TEXT NOT NULL REFERENCES care_units (id),
  patient_id    TEXT NOT NULL REFERENCES people (id),
  therapist_id  TEXT NOT NULL REFERENCES people (id),
  assigned_at   TEXT NOT NULL,
  assigned_by   TEXT REFERENCES people (id),
  PRIMARY KEY (unit_id, patient_id, therapist_id)
);
CREATE INDEX patient_therapists_by_therapist ON patient_therapists (therapist_id, unit_id);

-- The enrolling therapist is responsible from the start (not an admin's or a tester's enrollment).
CREATE FUNCTION careloom_enrolling_therapist_responsible() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = NEW.created_by AND m.role = 'therapist' AND m.unit_id = NEW.unit_id) THEN
    INSERT INTO patient_therapists (unit_id, patient_id, therapist_id, assigned_at, assigned_by)
    VALUES (NEW.unit_id, NEW.patient_id, NEW.created_by, NEW.created_at, NEW.created_by)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER enrollments_responsible_therapist AFTER INSERT ON enrollments FOR EACH ROW EXECUTE FUNCTION careloom_enrolling_therapist_responsible();

-- Patients enrolled before this migration: their enrolling therapists, where still in the unit.
INSERT INTO patient_therapists (unit_id, patient_id, therapist_id, assigned_at, assigned_by)
  SELECT e.unit_id, e.patient_id, e.created_by, e.created_at, e.created_by FROM enrollments e
   WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = e.created_by AND m.role = 'therapist' AND m.unit_id = e.unit_id)
  ON CONFLICT DO NOTHING;

CREATE TABLE password_resets (
  token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  person_id   TEXT NOT NULL REFERENCES people (id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);
CREATE INDEX password_resets_by_person ON password_resets (person_id, created_at);
