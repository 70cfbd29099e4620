-- Moving enrolled patients to a newer released version (issue 13, "versions in use"). Until now a
-- patient stayed on the deployment and module versions they started for ever, and a trigger
-- refused any change of an enrollment's deployment or pins. A move is now allowed, but only as
-- recorded here: each row says who moved which enrollment from which deployment to which, and
-- what did not carry over (answers by item id, per-patient adjustments by module key; the engine's
-- version-move.ts decides it). The trigger below lets an enrollment's deployment and pins change
-- only when a move row for exactly that change (same enrollment, from the current deployment to the
-- new one, of the same unit) was written first, so nothing can move a patient unrecorded.
-- The rows go with their enrollment when a data administrator purges the patient.
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
  not_carried         TEXT NOT NULL CHECK (json_valid(not_carried) AND json_type(not_carried) = 'object'),
  moved_at            TEXT NOT NULL,
  moved_by            TEXT NOT NULL REFERENCES people (id)
) STRICT;

CREATE INDEX enrollment_version_moves_by_enrollment ON enrollment_version_moves (enrollment_id, moved_at);

DROP TRIGGER enrollments_fixed;

CREATE TRIGGER enrollments_fixed BEFORE UPDATE OF id, unit_id, patient_id, started_on, started_at, created_by, created_at ON enrollments
BEGIN
  SELECT RAISE(ABORT, 'a patient stays on the enrollment they started: only its deployment and versions may move, and only as a recorded move');
END;

CREATE TRIGGER enrollments_move_recorded BEFORE UPDATE OF deployment_id, modules ON enrollments
WHEN NOT EXISTS (
  SELECT 1 FROM enrollment_version_moves AS m JOIN deployments AS d ON d.id = m.to_deployment_id
  WHERE m.enrollment_id = OLD.id AND m.from_deployment_id = OLD.deployment_id AND m.to_deployment_id = NEW.deployment_id AND d.unit_id = OLD.unit_id
)
BEGIN
  SELECT RAISE(ABORT, 'an enrollment moves to another deployment of its unit only with a recorded version move');
END;
