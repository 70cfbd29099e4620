-- Moving enrolled patients to a newer released version: the twin of SQLite migration
-- 110-version-moves.sql (whose comments explain the table and the triggers).
CREATE TABLE enrollment_version_moves (
  id                  TEXT PRIMARY KEY,
  enrollment_id       TEXT NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  unit_id             TEXT NOT NULL REFERENCES care_units (id),
  document_id         TEXT NOT NULL,
  from_deployment_id  TEXT NOT NULL REFERENCES deployments (id),
  to_deployment_id    TEXT NOT NULL REFERENCES deployments (id),
  from_version        INTEGER NOT NULL,
  to_version          INTEGER NOT NULL CHECK (to_version > from_version),
  change_class        TEXT NOT NULL CHECK (change_class IN ('major', 'minor')),
  not_carried         TEXT NOT NULL CHECK (careloom_json_is(not_carried, 'object')),
  moved_at            TEXT NOT NULL,
  moved_by            TEXT NOT NULL REFERENCES people (id)
);
CREATE INDEX enrollment_version_moves_by_enrollment ON enrollment_version_moves (enrollment_id, moved_at);

DROP TRIGGER enrollments_fixed ON enrollments;
CREATE TRIGGER enrollments_fixed BEFORE UPDATE ON enrollments FOR EACH ROW
  WHEN ((OLD.id, OLD.unit_id, OLD.patient_id, OLD.started_on, OLD.started_at, OLD.created_by, OLD.created_at)
    IS DISTINCT FROM (NEW.id, NEW.unit_id, NEW.patient_id, NEW.started_on, NEW.started_at, NEW.created_by, NEW.created_at))
  EXECUTE FUNCTION careloom_refuse('a patient stays on the enrollment they started: only its deployment and versions may move, and only as a recorded move');

CREATE FUNCTION careloom_enrollment_move_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM enrollment_version_moves AS m JOIN deployments AS d ON d.id = m.to_deployment_id
    WHERE m.enrollment_id = OLD.id AND m.from_deployment_id = OLD.deployment_id AND m.to_deployment_id = NEW.deployment_id AND d.unit_id = OLD.unit_id
  ) THEN
    RAISE EXCEPTION 'an enrollment moves to another deployment of its unit only with a recorded version move' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER enrollments_move_recorded BEFORE UPDATE ON enrollments FOR EACH ROW
  WHEN ((OLD.deployment_id, OLD.modules) IS DISTINCT FROM (NEW.deployment_id, NEW.modules))
  EXECUTE FUNCTION careloom_enrollment_move_recorded();
