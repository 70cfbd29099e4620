-- One patient's schedule adjustments: the twin of SQLite migration 070-patient-schedules.sql
-- (whose comments explain the columns).
CREATE TABLE patient_schedules (
  enrollment_id  TEXT PRIMARY KEY REFERENCES enrollments (id) ON DELETE CASCADE,
  adjustments    TEXT NOT NULL CHECK (careloom_json_is(adjustments, 'object')),
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL REFERENCES people (id)
);
