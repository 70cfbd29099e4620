-- Careloom on PostgreSQL: the same tables, constraints and append-only rules as the SQLite schema
-- (storage/sqlite/migrations 001–010, whose comments explain each table), in one migration because
-- PostgreSQL support starts from that state. Later SQLite migrations get a PostgreSQL twin here.
--
-- Kept as in SQLite, so both implementations share their row mapping: times are ISO 8601 UTC
-- strings from the injected clock, JSON columns are text (a version's canonical JSON must come back
-- byte for byte, since its hash is taken of exactly that text), booleans are 0/1.

-- Refuses the change with the message given as the trigger's argument: the append-only and
-- immutability rules hold even for someone with raw SQL access through this schema.
CREATE FUNCTION careloom_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE FUNCTION careloom_json_is(value text, kind text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(value::jsonb) = kind
$$;

CREATE TABLE audit_log (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
  details          TEXT NOT NULL DEFAULT '{}' CHECK (careloom_json_is(details, 'object'))
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, at);
CREATE INDEX audit_log_patient ON audit_log (patient_id, at) WHERE patient_id IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION careloom_refuse('audit_log is append-only: rows cannot be updated');
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION careloom_refuse('audit_log is append-only: rows cannot be deleted');
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION careloom_refuse('audit_log is append-only: it cannot be truncated');

CREATE TABLE organisations (
  id          TEXT PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('publisher', 'care_provider')),
  created_at  TEXT NOT NULL
);

CREATE TABLE people (
  id                  TEXT PRIMARY KEY,
  email               TEXT NOT NULL,
  name                TEXT NOT NULL,
  password_hash       TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  disabled_at         TEXT,
  password_chosen_at  TEXT
);
-- SQLite's COLLATE NOCASE: one account per address whatever its case.
CREATE UNIQUE INDEX people_email ON people (lower(email));

CREATE TABLE memberships (
  person_id        TEXT NOT NULL REFERENCES people (id),
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  role             TEXT NOT NULL CHECK (role IN ('designer', 'publisher', 'tester', 'permissions_admin', 'care_provider_admin', 'therapist', 'patient')),
  unit_id          TEXT,
  granted_by       TEXT REFERENCES people (id),
  granted_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX memberships_unique ON memberships (person_id, organisation_id, role, coalesce(unit_id, ''));
CREATE INDEX memberships_by_organisation ON memberships (organisation_id, role);

CREATE TABLE sessions (
  id            TEXT PRIMARY KEY,
  person_id     TEXT NOT NULL REFERENCES people (id),
  csrf_token    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  ip            TEXT,
  user_agent    TEXT
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE modules (
  id                TEXT PRIMARY KEY,
  organisation_id   TEXT NOT NULL REFERENCES organisations (id),
  kind              TEXT NOT NULL CHECK (kind IN ('module', 'program')),
  title             TEXT NOT NULL,
  created_by        TEXT NOT NULL REFERENCES people (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  released_version  INTEGER
);
CREATE INDEX modules_by_organisation ON modules (organisation_id);
CREATE TRIGGER modules_identity_fixed BEFORE UPDATE OF id, organisation_id, kind, created_by, created_at ON modules FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.created_by IS DISTINCT FROM NEW.created_by OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION careloom_refuse('a module''s identity, owner and kind never change');
CREATE TRIGGER modules_no_delete BEFORE DELETE ON modules FOR EACH ROW EXECUTE FUNCTION careloom_refuse('modules are never deleted');

CREATE TABLE draft_updates (
  seq        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  document   TEXT NOT NULL,
  "update"   BYTEA NOT NULL,
  person_id  TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX draft_updates_by_document ON draft_updates (document, seq);

CREATE TABLE draft_contributors (
  document   TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  last_seq   BIGINT NOT NULL,
  last_at    TEXT NOT NULL,
  PRIMARY KEY (document, person_id)
);

CREATE TABLE draft_update_quarantine (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document   TEXT NOT NULL,
  seq        BIGINT,
  "update"   BYTEA NOT NULL,
  person_id  TEXT,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX draft_update_quarantine_by_document ON draft_update_quarantine (document, id);

CREATE TABLE versions (
  module_id     TEXT NOT NULL REFERENCES modules (id),
  number        INTEGER NOT NULL CHECK (number >= 1),
  content       TEXT NOT NULL CHECK (content::jsonb IS NOT NULL),
  content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
  change_note   TEXT NOT NULL,
  authored_by   TEXT NOT NULL REFERENCES people (id),
  contributors  TEXT NOT NULL CHECK (careloom_json_is(contributors, 'array')),
  draft_seq     BIGINT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (module_id, number)
);
CREATE FUNCTION careloom_versions_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM versions WHERE module_id = NEW.module_id) THEN
    RAISE EXCEPTION 'versions are numbered 1, 2, … without gaps' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER versions_numbered_in_order BEFORE INSERT ON versions FOR EACH ROW EXECUTE FUNCTION careloom_versions_in_order();
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions FOR EACH ROW EXECUTE FUNCTION careloom_refuse('versions are immutable: submit a new version instead');
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions FOR EACH ROW EXECUTE FUNCTION careloom_refuse('versions are never deleted');

CREATE TABLE version_states (
  module_id   TEXT NOT NULL,
  number      INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('submitted', 'in_review', 'changes_requested', 'approved_for_test', 'released', 'retired', 'withdrawn')),
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL REFERENCES people (id),
  PRIMARY KEY (module_id, number),
  FOREIGN KEY (module_id, number) REFERENCES versions (module_id, number)
);
CREATE TRIGGER version_states_final BEFORE UPDATE OF state ON version_states FOR EACH ROW
  WHEN (OLD.state IN ('changes_requested', 'retired', 'withdrawn')
    OR (NEW.state = 'released' AND OLD.state <> 'approved_for_test')
    OR (NEW.state = 'retired' AND OLD.state <> 'released'))
  EXECUTE FUNCTION careloom_refuse('illegal version state change');
CREATE TRIGGER version_states_no_delete BEFORE DELETE ON version_states FOR EACH ROW EXECUTE FUNCTION careloom_refuse('version states are never deleted');

CREATE TABLE version_transitions (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  module_id   TEXT NOT NULL,
  number      INTEGER NOT NULL,
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  actor_id    TEXT NOT NULL REFERENCES people (id),
  at          TEXT NOT NULL,
  note        TEXT,
  FOREIGN KEY (module_id, number) REFERENCES versions (module_id, number)
);
CREATE INDEX version_transitions_by_version ON version_transitions (module_id, number, id);
CREATE TRIGGER version_transitions_append_only BEFORE UPDATE ON version_transitions FOR EACH ROW EXECUTE FUNCTION careloom_refuse('the transition history is append-only');
CREATE TRIGGER version_transitions_no_delete BEFORE DELETE ON version_transitions FOR EACH ROW EXECUTE FUNCTION careloom_refuse('the transition history is append-only');

CREATE TABLE releases (
  module_id        TEXT NOT NULL,
  number           INTEGER NOT NULL,
  released_at      TEXT NOT NULL,
  released_by      TEXT NOT NULL REFERENCES people (id),
  release_class    TEXT NOT NULL CHECK (release_class IN ('major', 'minor')),
  suggested_class  TEXT NOT NULL CHECK (suggested_class IN ('major', 'minor', 'none')),
  release_notes    TEXT NOT NULL,
  pins             TEXT NOT NULL CHECK (pins::jsonb IS NOT NULL),
  PRIMARY KEY (module_id, number),
  FOREIGN KEY (module_id, number) REFERENCES versions (module_id, number)
);
CREATE TRIGGER releases_immutable BEFORE UPDATE ON releases FOR EACH ROW EXECUTE FUNCTION careloom_refuse('releases are immutable');
CREATE TRIGGER releases_no_delete BEFORE DELETE ON releases FOR EACH ROW EXECUTE FUNCTION careloom_refuse('releases are never deleted');

CREATE FUNCTION careloom_pointer_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.released_version IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM version_states WHERE module_id = NEW.id AND number = NEW.released_version AND state = 'released'
  ) THEN
    RAISE EXCEPTION 'the catalog pointer must point at a released version' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER modules_pointer_released BEFORE UPDATE OF released_version ON modules FOR EACH ROW EXECUTE FUNCTION careloom_pointer_released();

CREATE TABLE comments (
  id              TEXT PRIMARY KEY,
  module_id       TEXT NOT NULL REFERENCES modules (id),
  version_number  INTEGER,
  anchor          TEXT,
  parent_id       TEXT REFERENCES comments (id),
  author_id       TEXT NOT NULL REFERENCES people (id),
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  resolved_at     TEXT,
  resolved_by     TEXT REFERENCES people (id)
);
CREATE INDEX comments_by_module ON comments (module_id, created_at);
CREATE TRIGGER comments_body_fixed BEFORE UPDATE ON comments FOR EACH ROW
  WHEN ((OLD.id, OLD.module_id, OLD.version_number, OLD.anchor, OLD.parent_id, OLD.author_id, OLD.body, OLD.created_at)
    IS DISTINCT FROM (NEW.id, NEW.module_id, NEW.version_number, NEW.anchor, NEW.parent_id, NEW.author_id, NEW.body, NEW.created_at))
  EXECUTE FUNCTION careloom_refuse('a comment''s text and place never change');

CREATE TABLE test_enrollments (
  id               TEXT PRIMARY KEY,
  module_id        TEXT NOT NULL,
  version_number   INTEGER NOT NULL,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  created_by       TEXT NOT NULL REFERENCES people (id),
  created_at       TEXT NOT NULL,
  FOREIGN KEY (module_id, version_number) REFERENCES versions (module_id, number)
);

CREATE TABLE care_units (
  id                    TEXT PRIMARY KEY,
  organisation_id       TEXT NOT NULL REFERENCES organisations (id),
  name                  TEXT NOT NULL,
  active                INTEGER NOT NULL CHECK (active IN (0, 1)),
  time_zone             TEXT NOT NULL,
  settings              TEXT NOT NULL DEFAULT '{}' CHECK (careloom_json_is(settings, 'object')),
  intake_deployment_id  TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
);
CREATE INDEX care_units_by_organisation ON care_units (organisation_id);
CREATE TRIGGER care_units_owner_fixed BEFORE UPDATE ON care_units FOR EACH ROW
  WHEN ((OLD.id, OLD.organisation_id, OLD.created_at) IS DISTINCT FROM (NEW.id, NEW.organisation_id, NEW.created_at))
  EXECUTE FUNCTION careloom_refuse('a unit belongs to its care provider for good');

CREATE TABLE deployments (
  id            TEXT PRIMARY KEY,
  unit_id       TEXT NOT NULL REFERENCES care_units (id),
  kind          TEXT NOT NULL CHECK (kind IN ('module', 'program')),
  document_id   TEXT NOT NULL,
  version       INTEGER NOT NULL,
  title         TEXT NOT NULL,
  content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
  modules       TEXT NOT NULL CHECK (careloom_json_is(modules, 'array')),
  status        TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
  deployed_at   TEXT NOT NULL,
  deployed_by   TEXT NOT NULL REFERENCES people (id),
  withdrawn_at  TEXT,
  FOREIGN KEY (document_id, version) REFERENCES versions (module_id, number)
);
CREATE INDEX deployments_by_unit ON deployments (unit_id, deployed_at);
CREATE TRIGGER deployments_fixed BEFORE UPDATE ON deployments FOR EACH ROW
  WHEN ((OLD.id, OLD.unit_id, OLD.kind, OLD.document_id, OLD.version, OLD.title, OLD.content_hash, OLD.modules, OLD.deployed_at, OLD.deployed_by)
    IS DISTINCT FROM (NEW.id, NEW.unit_id, NEW.kind, NEW.document_id, NEW.version, NEW.title, NEW.content_hash, NEW.modules, NEW.deployed_at, NEW.deployed_by))
  EXECUTE FUNCTION careloom_refuse('a deployment never changes what it deploys');
CREATE TRIGGER deployments_withdrawn_final BEFORE UPDATE OF status ON deployments FOR EACH ROW
  WHEN (OLD.status = 'withdrawn')
  EXECUTE FUNCTION careloom_refuse('a withdrawn deployment stays withdrawn');

CREATE TABLE enrollments (
  id                TEXT PRIMARY KEY,
  unit_id           TEXT NOT NULL REFERENCES care_units (id),
  deployment_id     TEXT NOT NULL REFERENCES deployments (id),
  patient_id        TEXT NOT NULL REFERENCES people (id),
  status            TEXT NOT NULL CHECK (status IN ('invited', 'active', 'paused', 'ended')),
  started_on        TEXT NOT NULL,
  started_at        TEXT NOT NULL,
  modules           TEXT NOT NULL CHECK (careloom_json_is(modules, 'array')),
  created_by        TEXT NOT NULL REFERENCES people (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  last_activity_at  TEXT,
  accepted_at       TEXT,
  invited_name      TEXT
);
CREATE INDEX enrollments_by_unit ON enrollments (unit_id);
CREATE INDEX enrollments_by_patient ON enrollments (patient_id);
CREATE TRIGGER enrollments_fixed BEFORE UPDATE ON enrollments FOR EACH ROW
  WHEN ((OLD.id, OLD.unit_id, OLD.deployment_id, OLD.patient_id, OLD.started_on, OLD.started_at, OLD.modules, OLD.created_by, OLD.created_at)
    IS DISTINCT FROM (NEW.id, NEW.unit_id, NEW.deployment_id, NEW.patient_id, NEW.started_on, NEW.started_at, NEW.modules, NEW.created_by, NEW.created_at))
  EXECUTE FUNCTION careloom_refuse('a patient stays on the deployment and versions they started');

CREATE TABLE invitations (
  code_hash      TEXT PRIMARY KEY CHECK (length(code_hash) = 64),
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id),
  person_id      TEXT NOT NULL REFERENCES people (id),
  created_at     TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  redeemed_at    TEXT
);
CREATE INDEX invitations_by_enrollment ON invitations (enrollment_id);

CREATE TABLE responses (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  enrollment_id    TEXT NOT NULL REFERENCES enrollments (id),
  client_id        TEXT NOT NULL,
  body_hash        TEXT NOT NULL CHECK (length(body_hash) = 64),
  module_id        TEXT NOT NULL,
  module_version   INTEGER NOT NULL,
  page_id          TEXT,
  registration_id  TEXT,
  answers          TEXT NOT NULL CHECK (careloom_json_is(answers, 'object')),
  completes        INTEGER NOT NULL CHECK (completes IN (0, 1)),
  answered_at      TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  local_date       TEXT NOT NULL,
  scores           TEXT NOT NULL CHECK (careloom_json_is(scores, 'array')),
  zones            TEXT NOT NULL CHECK (careloom_json_is(zones, 'array')),
  UNIQUE (enrollment_id, client_id),
  FOREIGN KEY (module_id, module_version) REFERENCES versions (module_id, number)
);
CREATE INDEX responses_by_enrollment ON responses (enrollment_id, module_id, seq);
CREATE TRIGGER responses_no_update BEFORE UPDATE ON responses FOR EACH ROW EXECUTE FUNCTION careloom_refuse('responses are append-only: rows cannot be updated');
CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses FOR EACH ROW EXECUTE FUNCTION careloom_refuse('responses are append-only: rows cannot be deleted');

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
  acknowledged_by  TEXT REFERENCES people (id),
  details          TEXT CHECK (details IS NULL OR careloom_json_is(details, 'object'))
);
CREATE UNIQUE INDEX alerts_dedupe ON alerts (enrollment_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX alerts_by_unit ON alerts (unit_id, acknowledged_at, created_at);
CREATE TRIGGER alerts_fixed BEFORE UPDATE ON alerts FOR EACH ROW
  WHEN ((OLD.id, OLD.enrollment_id, OLD.unit_id, OLD.patient_id, OLD.kind, OLD.severity, OLD.message, OLD.module_id, OLD.response_id, OLD.dedupe_key, OLD.created_at)
    IS DISTINCT FROM (NEW.id, NEW.enrollment_id, NEW.unit_id, NEW.patient_id, NEW.kind, NEW.severity, NEW.message, NEW.module_id, NEW.response_id, NEW.dedupe_key, NEW.created_at))
  EXECUTE FUNCTION careloom_refuse('an alert only changes by being acknowledged');
CREATE TRIGGER alerts_acknowledged_once BEFORE UPDATE OF acknowledged_at ON alerts FOR EACH ROW
  WHEN (OLD.acknowledged_at IS NOT NULL)
  EXECUTE FUNCTION careloom_refuse('an acknowledged alert stays acknowledged');
CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts FOR EACH ROW EXECUTE FUNCTION careloom_refuse('alerts are never deleted');

CREATE TABLE patient_plans (
  enrollment_id    TEXT NOT NULL REFERENCES enrollments (id),
  module_id        TEXT NOT NULL,
  registration_id  TEXT NOT NULL,
  overrides        TEXT NOT NULL CHECK (careloom_json_is(overrides, 'object')),
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL REFERENCES people (id),
  PRIMARY KEY (enrollment_id, module_id, registration_id)
);

CREATE TABLE messages (
  seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id),
  sender         TEXT NOT NULL CHECK (sender IN ('patient', 'therapist')),
  author_id      TEXT NOT NULL REFERENCES people (id),
  body           TEXT NOT NULL,
  sent_at        TEXT NOT NULL,
  read_at        TEXT
);
CREATE INDEX messages_by_enrollment ON messages (enrollment_id, seq);
CREATE TRIGGER messages_fixed BEFORE UPDATE ON messages FOR EACH ROW
  WHEN ((OLD.id, OLD.enrollment_id, OLD.sender, OLD.author_id, OLD.body, OLD.sent_at) IS DISTINCT FROM (NEW.id, NEW.enrollment_id, NEW.sender, NEW.author_id, NEW.body, NEW.sent_at))
  EXECUTE FUNCTION careloom_refuse('a sent message never changes');
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages FOR EACH ROW EXECUTE FUNCTION careloom_refuse('messages are never deleted');

CREATE TABLE referrals (
  id              TEXT PRIMARY KEY,
  unit_id         TEXT NOT NULL REFERENCES care_units (id),
  contact         TEXT NOT NULL CHECK (careloom_json_is(contact, 'object')),
  module_id       TEXT NOT NULL,
  module_version  INTEGER NOT NULL,
  answers         TEXT NOT NULL CHECK (careloom_json_is(answers, 'object')),
  scores          TEXT NOT NULL CHECK (careloom_json_is(scores, 'array')),
  received_at     TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'declined')),
  decided_at      TEXT,
  decided_by      TEXT REFERENCES people (id),
  enrollment_id   TEXT REFERENCES enrollments (id)
);
CREATE INDEX referrals_by_unit ON referrals (unit_id, received_at);
CREATE TRIGGER referrals_decided_once BEFORE UPDATE OF status ON referrals FOR EACH ROW
  WHEN (OLD.status <> 'new')
  EXECUTE FUNCTION careloom_refuse('a referral is decided once');

CREATE TABLE reminders_sent (
  enrollment_id  TEXT NOT NULL REFERENCES enrollments (id),
  kind           TEXT NOT NULL,
  item_id        TEXT NOT NULL,
  local_date     TEXT NOT NULL,
  sent_at        TEXT NOT NULL,
  PRIMARY KEY (enrollment_id, kind, item_id, local_date)
);

CREATE TABLE mail_outbox (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  to_address       TEXT NOT NULL,
  subject          TEXT NOT NULL,
  text             TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'pending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT,
  last_error       TEXT,
  sent_at          TEXT,
  failed_at        TEXT,
  organisation_id  TEXT REFERENCES organisations (id),
  secret_sealed    TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_by_organisation ON mail_outbox (organisation_id, seq);

CREATE TABLE care_job_marks (
  name     TEXT PRIMARY KEY,
  last_at  TEXT NOT NULL
);

CREATE TABLE member_invitations (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  email            TEXT NOT NULL,
  roles            TEXT NOT NULL,
  language         TEXT NOT NULL,
  token_hash       TEXT NOT NULL UNIQUE,
  invited_by       TEXT NOT NULL REFERENCES people (id),
  created_at       TEXT NOT NULL,
  sent_at          TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  accepted_at      TEXT,
  accepted_by      TEXT REFERENCES people (id),
  revoked_at       TEXT,
  revoked_by       TEXT REFERENCES people (id)
);
CREATE UNIQUE INDEX member_invitations_open ON member_invitations (organisation_id, lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL;
