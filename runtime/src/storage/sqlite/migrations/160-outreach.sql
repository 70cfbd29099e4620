-- Notifications and outreach (issue 13): e-mails that tell a patient something waits in Careloom,
-- a therapist's reminder, and information a care-provider admin posts to the staff of units.

-- A patient's choice about e-mail notices (a new message, new material, a reminder from their
-- therapist). No row: notices are on. Goes with the person when a data administrator purges them.
CREATE TABLE patient_notice_settings (
  patient_id     TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  email_notices  INTEGER NOT NULL CHECK (email_notices IN (0, 1)),
  updated_at     TEXT NOT NULL
) STRICT;

-- Every notice e-mailed to a patient, one row per e-mail (its mail_outbox row is written in the
-- same transaction): the patient's timeline in the clinic, the message notices' interval and the
-- therapist's once-a-day reminder are read from here. `kind`: 'message' (a therapist's message is
-- unread), 'material' (modules unlocked), 'reminder' (sent by `sent_by` from the patient page).
-- `local_date` is the unit's day of a reminder, so UNIQUE (patient_id, local_date) counts one a day.
CREATE TABLE patient_notices (
  id             TEXT PRIMARY KEY,
  patient_id     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('message', 'material', 'reminder')),
  sent_at        TEXT NOT NULL,
  sent_by        TEXT REFERENCES people (id),
  local_date     TEXT CHECK (local_date IS NULL OR kind = 'reminder'),
  mail_id        TEXT NOT NULL
) STRICT;
CREATE INDEX patient_notices_by_patient ON patient_notices (patient_id, kind, sent_at);
CREATE INDEX patient_notices_by_enrollment ON patient_notices (enrollment_id, sent_at);
CREATE UNIQUE INDEX patient_notices_one_reminder_a_day ON patient_notices (patient_id, local_date) WHERE local_date IS NOT NULL;

-- What a notice was about, each exactly once however many minute jobs run: 'message:<message id>'
-- (the newest unread message a notice covered), 'material:<enrollment>:<program module key>'.
CREATE TABLE patient_notice_claims (
  dedupe_key  TEXT PRIMARY KEY,
  notice_id   TEXT NOT NULL REFERENCES patient_notices (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX patient_notice_claims_by_notice ON patient_notice_claims (notice_id);

-- Information a care-provider admin posts to the staff of chosen units of their organisation.
CREATE TABLE staff_notices (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body             TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  emailed          INTEGER NOT NULL CHECK (emailed IN (0, 1)),
  posted_by        TEXT NOT NULL REFERENCES people (id),
  posted_at        TEXT NOT NULL
) STRICT;
CREATE INDEX staff_notices_by_organisation ON staff_notices (organisation_id, posted_at);

CREATE TABLE staff_notice_units (
  notice_id  TEXT NOT NULL REFERENCES staff_notices (id) ON DELETE CASCADE,
  unit_id    TEXT NOT NULL REFERENCES care_units (id),
  PRIMARY KEY (notice_id, unit_id)
) STRICT;
CREATE INDEX staff_notice_units_by_unit ON staff_notice_units (unit_id);

-- Who has read (dismissed) a notice, and when.
CREATE TABLE staff_notice_reads (
  notice_id  TEXT NOT NULL REFERENCES staff_notices (id) ON DELETE CASCADE,
  person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  read_at    TEXT NOT NULL,
  PRIMARY KEY (notice_id, person_id)
) STRICT;
