-- One patient's schedule adjustments (issue 13): modules a therapist unlocked early or hid, the
-- patient's own registration deadlines, and the enrollment's pauses. `adjustments` is the engine's
-- ScheduleAdjustments (schemas/src/engine/schedule-adjustments.ts), checked and built by
-- applyScheduleChange before it is stored; `revision` counts the changes, so two therapists
-- changing the same schedule at once cannot overwrite each other (compare and set). The row goes
-- with its enrollment when a data administrator purges the patient.
CREATE TABLE patient_schedules (
  enrollment_id  TEXT PRIMARY KEY REFERENCES enrollments (id) ON DELETE CASCADE,
  adjustments    TEXT NOT NULL CHECK (json_valid(adjustments) AND json_type(adjustments) = 'object'),
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL REFERENCES people (id)
) STRICT;
