-- Care: units of care-provider organisations, deployments of released versions, patients'
-- enrollments and invitations, recorded responses with their scores, alerts, patient plans,
-- messages, referrals, and the mail outbox. Times are ISO 8601 UTC strings from the injected clock;
-- days (`started_on`, `local_date`) are YYYY-MM-DD in the unit's time zone. Every write also
-- writes its audit_log row in the same transaction (storage/sqlite/care-store.ts).

-- A care unit of a care-provider organisation. `settings` is the unit's contact details, which
-- overlay released content (a module's unit-contact block) without copying it.
CREATE TABLE care_units (
  id                    TEXT PRIMARY KEY,
  organisation_id       TEXT NOT NULL REFERENCES organisations (id),
  name                  TEXT NOT NULL,
  active                INTEGER NOT NULL CHECK (active IN (0, 1)),
  time_zone             TEXT NOT NULL,
  settings              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings) AND json_type(settings) = 'object'),
  intake_deployment_id  TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
) STRICT;

CREATE INDEX care_units_by_organisation ON care_units (organisation_id);

CREATE TRIGGER care_units_owner_fixed BEFORE UPDATE OF id, organisation_id, created_at ON care_units
BEGIN
  SELECT RAISE(ABORT, 'a unit belongs to its care provider for good');
END;

-- A released module or program version deployed to a unit. `modules` pins, for a program, the
-- module versions patients get (JSON array of { moduleId, version }). Withdrawing is the only change.
CREATE TABLE deployments (
  id            TEXT PRIMARY KEY,
  unit_id       TEXT NOT NULL REFERENCES care_units (id),
  kind          TEXT NOT NULL CHECK (kind IN ('module', 'program')),
  document_id   TEXT NOT NULL,
  version       INTEGER NOT NULL,
  title         TEXT NOT NULL,
  content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
  modules       TEXT NOT NULL CHECK (json_valid(modules) AND json_type(modules) = 'array'),
  status        TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
  deployed_at   TEXT NOT NULL,
  deployed_by   TEXT NOT NULL REFERENCES people (id),
  withdrawn_at  TEXT,
  FOREIGN KEY (document_id, version) REFERENCES versions (module_id, number)
) STRICT;

CREATE INDEX deployments_by_unit ON deployments (unit_id, deployed_at);

CREATE TRIGGER deployments_fixed BEFORE UPDATE OF id, unit_id, kind, document_id, version, title, content_hash, modules, deployed_at, deployed_by ON deployments
BEGIN
  SELECT RAISE(ABORT, 'a deployment never changes what it deploys');
END;

CREATE TRIGGER deployments_withdrawn_final BEFORE UPDATE OF status ON deployments
WHEN OLD.status = 'withdrawn'
BEGIN
  SELECT RAISE(ABORT, 'a withdrawn deployment stays withdrawn');
END;

-- A patient in a deployed module or program. `modules` are the versions the patient stays on.
CREATE TABLE enrollments (
  id                TEXT PRIMARY KEY,
  unit_id           TEXT NOT NULL REFERENCES care_units (id),
  deployment_id     TEXT NOT NULL REFERENCES deployments (id),
  patient_id        TEXT NOT NULL REFERENCES people (id),
  status            TEXT NOT NULL CHECK (status IN ('invited', 'active', 'paused', 'ended')),
  started_on        TEXT NOT NULL,
  started_at        TEXT NOT NULL,
  modules           TEXT NOT NULL CHECK (json_valid(modules) AND json_type(modules) = 'array'),
  created_by        TEXT NOT NULL REFERENCES people (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  last_activity_at  TEXT
) STRICT;

CREATE INDEX enrollments_by_unit ON enrollments (unit_id);
CREATE INDEX enrollments_by_patient ON enrollments (patient_id);

CREATE TRIGGER enrollments_fixed BEFORE UPDATE OF id, unit_id, deployment_id, patient_id, started_on, started_at, modules, created_by, created_at ON enrollments
BEGIN
  SELECT RAISE(ABORT, 'a patient stays on the deployment and versions they started');
END;

-- One-time invitation codes; only their SHA-256 is stored.
CREATE TABLE invitations (
  code_hash      TEXT PRIMARY KEY CHECK (length(code_hash) = 64),
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id),
  person_id      TEXT NOT NULL REFERENCES people (id),
  created_at     TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  redeemed_at    TEXT
) STRICT;

CREATE INDEX invitations_by_enrollment ON invitations (enrollment_id);

-- Every submission, append-only. Idempotency is the UNIQUE constraint: a retry with the same
-- client id finds the first row; `body_hash` (SHA-256 of the canonical body) tells a true retry from
-- another body under the same id. Scores and zones are computed once, on the server, and stored here.
CREATE TABLE responses (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  enrollment_id    TEXT NOT NULL REFERENCES enrollments (id),
  client_id        TEXT NOT NULL,
  body_hash        TEXT NOT NULL CHECK (length(body_hash) = 64),
  module_id        TEXT NOT NULL,
  module_version   INTEGER NOT NULL,
  page_id          TEXT,
  registration_id  TEXT,
  answers          TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'object'),
  completes        INTEGER NOT NULL CHECK (completes IN (0, 1)),
  answered_at      TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  local_date       TEXT NOT NULL,
  scores           TEXT NOT NULL CHECK (json_valid(scores) AND json_type(scores) = 'array'),
  zones            TEXT NOT NULL CHECK (json_valid(zones) AND json_type(zones) = 'array'),
  UNIQUE (enrollment_id, client_id),
  FOREIGN KEY (module_id, module_version) REFERENCES versions (module_id, number)
) STRICT;

CREATE INDEX responses_by_enrollment ON responses (enrollment_id, module_id, seq);

CREATE TRIGGER responses_no_update BEFORE UPDATE ON responses
BEGIN
  SELECT RAISE(ABORT, 'responses are append-only: rows cannot be updated');
END;

CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses
BEGIN
  SELECT RAISE(ABORT, 'responses are append-only: rows cannot be deleted');
END;

-- Alerts to the unit's therapists, open until acknowledged. `dedupe_key` makes raising an alert for
-- the same event twice (a missing report swept again) a no-op.
CREATE TABLE alerts (
  id               TEXT PRIMARY KEY,
  enrollment_id    TEXT NOT NULL REFERENCES enrollments (id),
  unit_id          TEXT NOT NULL REFERENCES care_units (id),
  patient_id       TEXT NOT NULL REFERENCES people (id),
  kind             TEXT NOT NULL CHECK (kind IN ('score', 'item', 'zone', 'missing_report')),
  severity         TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'urgent')),
  message          TEXT NOT NULL,
  module_id        TEXT,
  response_id      TEXT REFERENCES responses (id),
  dedupe_key       TEXT,
  created_at       TEXT NOT NULL,
  acknowledged_at  TEXT,
  acknowledged_by  TEXT REFERENCES people (id)
) STRICT;

CREATE UNIQUE INDEX alerts_dedupe ON alerts (enrollment_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX alerts_by_unit ON alerts (unit_id, acknowledged_at, created_at);

CREATE TRIGGER alerts_fixed BEFORE UPDATE OF id, enrollment_id, unit_id, patient_id, kind, severity, message, module_id, response_id, dedupe_key, created_at ON alerts
BEGIN
  SELECT RAISE(ABORT, 'an alert only changes by being acknowledged');
END;

CREATE TRIGGER alerts_acknowledged_once BEFORE UPDATE OF acknowledged_at ON alerts
WHEN OLD.acknowledged_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'an acknowledged alert stays acknowledged');
END;

CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts
BEGIN
  SELECT RAISE(ABORT, 'alerts are never deleted');
END;

-- A patient's own zone thresholds for a registration (their self-treatment plan): rule id → condition.
CREATE TABLE patient_plans (
  enrollment_id    TEXT NOT NULL REFERENCES enrollments (id),
  module_id        TEXT NOT NULL,
  registration_id  TEXT NOT NULL,
  overrides        TEXT NOT NULL CHECK (json_valid(overrides) AND json_type(overrides) = 'object'),
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL REFERENCES people (id),
  PRIMARY KEY (enrollment_id, module_id, registration_id)
) STRICT;

-- The message thread of an enrollment. Reading is the only change.
CREATE TABLE messages (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id),
  sender         TEXT NOT NULL CHECK (sender IN ('patient', 'therapist')),
  author_id      TEXT NOT NULL REFERENCES people (id),
  body           TEXT NOT NULL,
  sent_at        TEXT NOT NULL,
  read_at        TEXT
) STRICT;

CREATE INDEX messages_by_enrollment ON messages (enrollment_id, seq);

CREATE TRIGGER messages_fixed BEFORE UPDATE OF id, enrollment_id, sender, author_id, body, sent_at ON messages
BEGIN
  SELECT RAISE(ABORT, 'a sent message never changes');
END;

CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages
BEGIN
  SELECT RAISE(ABORT, 'messages are never deleted');
END;

-- Self-referrals through a unit's public intake questionnaire.
CREATE TABLE referrals (
  id              TEXT PRIMARY KEY,
  unit_id         TEXT NOT NULL REFERENCES care_units (id),
  contact         TEXT NOT NULL CHECK (json_valid(contact) AND json_type(contact) = 'object'),
  module_id       TEXT NOT NULL,
  module_version  INTEGER NOT NULL,
  answers         TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'object'),
  scores          TEXT NOT NULL CHECK (json_valid(scores) AND json_type(scores) = 'array'),
  received_at     TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'declined')),
  decided_at      TEXT,
  decided_by      TEXT REFERENCES people (id),
  enrollment_id   TEXT REFERENCES enrollments (id)
) STRICT;

CREATE INDEX referrals_by_unit ON referrals (unit_id, received_at);

CREATE TRIGGER referrals_decided_once BEFORE UPDATE OF status ON referrals
WHEN OLD.status <> 'new'
BEGIN
  SELECT RAISE(ABORT, 'a referral is decided once');
END;

-- Reminders sent, one per enrollment, item and local day, whatever transport carried them.
CREATE TABLE reminders_sent (
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id),
  kind           TEXT NOT NULL,
  item_id        TEXT NOT NULL,
  local_date     TEXT NOT NULL,
  sent_at        TEXT NOT NULL,
  PRIMARY KEY (enrollment_id, kind, item_id, local_date)
) STRICT;

-- E-mails that would have been sent, when no SMTP transport is configured (development).
CREATE TABLE mail_outbox (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  to_address  TEXT NOT NULL,
  subject     TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

-- Where each background job got to, so a restart neither repeats nor skips a window.
CREATE TABLE care_job_marks (
  name     TEXT PRIMARY KEY,
  last_at  TEXT NOT NULL
) STRICT;
