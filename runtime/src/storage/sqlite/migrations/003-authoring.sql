-- Authoring: modules and programs, their live drafts (Yjs update log), immutable numbered versions,
-- the review workflow, comments and test enrollments. Times are ISO 8601 UTC strings from the
-- injected clock. Every write also writes an audit_log row in the same transaction
-- (storage/sqlite/authoring-store.ts).
--
-- Immutability is enforced here, not only in code: versions and releases refuse UPDATE and DELETE;
-- the workflow state lives in version_states (mutable, one row per version) and every change of it
-- is appended to version_transitions (append-only).

-- A module or program owned by a publishing organisation. `id` is the document's slug (its "id"
-- field), which programs use to reference modules. `released_version` is the catalog pointer:
-- releasing flips it, nothing else changes.
CREATE TABLE modules (
  id                TEXT PRIMARY KEY,
  organisation_id   TEXT NOT NULL REFERENCES organisations (id),
  kind              TEXT NOT NULL CHECK (kind IN ('module', 'program')),
  title             TEXT NOT NULL,
  created_by        TEXT NOT NULL REFERENCES people (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  released_version  INTEGER
) STRICT;

CREATE INDEX modules_by_organisation ON modules (organisation_id);

CREATE TRIGGER modules_identity_fixed BEFORE UPDATE OF id, organisation_id, kind, created_by, created_at ON modules
BEGIN
  SELECT RAISE(ABORT, 'a module''s identity, owner and kind never change');
END;

CREATE TRIGGER modules_no_delete BEFORE DELETE ON modules
BEGIN
  SELECT RAISE(ABORT, 'modules are never deleted');
END;

-- The live draft: the collaboration server's Yjs update log, one row per update (compaction
-- replaces a prefix by one merged update). `document` is the collaboration document name, which
-- for a module draft is the module id. person_id is who sent the update, when known.
CREATE TABLE draft_updates (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  document   TEXT NOT NULL,
  "update"   BLOB NOT NULL,
  person_id  TEXT,
  at         TEXT NOT NULL
) STRICT;

CREATE INDEX draft_updates_by_document ON draft_updates (document, seq);

-- Who changed each draft, and up to which update: survives compaction, and gives a version its
-- contributors (everyone with an update after the previous submission).
CREATE TABLE draft_contributors (
  document   TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  last_seq   INTEGER NOT NULL,
  last_at    TEXT NOT NULL,
  PRIMARY KEY (document, person_id)
) STRICT;

-- A submitted snapshot of the draft. Never changes, never goes away.
CREATE TABLE versions (
  module_id     TEXT NOT NULL REFERENCES modules (id),
  number        INTEGER NOT NULL CHECK (number >= 1),
  -- Canonical JSON (sorted keys, no insignificant whitespace): the text the hash is taken of.
  content       TEXT NOT NULL CHECK (json_valid(content)),
  content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
  change_note   TEXT NOT NULL,
  authored_by   TEXT NOT NULL REFERENCES people (id),
  -- JSON array of person ids who edited the draft since the previous submission.
  contributors  TEXT NOT NULL CHECK (json_valid(contributors) AND json_type(contributors) = 'array'),
  draft_seq     INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (module_id, number)
) STRICT;

CREATE TRIGGER versions_numbered_in_order BEFORE INSERT ON versions
WHEN NEW.number <> (SELECT ifnull(max(number), 0) + 1 FROM versions WHERE module_id = NEW.module_id)
BEGIN
  SELECT RAISE(ABORT, 'versions are numbered 1, 2, … without gaps');
END;

CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
BEGIN
  SELECT RAISE(ABORT, 'versions are immutable: submit a new version instead');
END;

CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN
  SELECT RAISE(ABORT, 'versions are never deleted');
END;

-- Where each version is in the review workflow (domain/authoring/workflow.ts). The only mutable
-- part of a version.
CREATE TABLE version_states (
  module_id   TEXT NOT NULL,
  number      INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('submitted', 'in_review', 'changes_requested', 'approved_for_test', 'released', 'retired', 'withdrawn')),
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL REFERENCES people (id),
  PRIMARY KEY (module_id, number),
  FOREIGN KEY (module_id, number) REFERENCES versions (module_id, number)
) STRICT;

-- A second line of defence behind the state machine: final states stay final, and only an
-- approved version can be released.
CREATE TRIGGER version_states_final BEFORE UPDATE OF state ON version_states
WHEN OLD.state IN ('changes_requested', 'retired', 'withdrawn')
  OR (NEW.state = 'released' AND OLD.state <> 'approved_for_test')
  OR (NEW.state = 'retired' AND OLD.state <> 'released')
BEGIN
  SELECT RAISE(ABORT, 'illegal version state change');
END;

CREATE TRIGGER version_states_no_delete BEFORE DELETE ON version_states
BEGIN
  SELECT RAISE(ABORT, 'version states are never deleted');
END;

-- Every state change, in order (the first row of a version is its submission).
CREATE TABLE version_transitions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  module_id   TEXT NOT NULL,
  number      INTEGER NOT NULL,
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  actor_id    TEXT NOT NULL REFERENCES people (id),
  at          TEXT NOT NULL,
  note        TEXT,
  FOREIGN KEY (module_id, number) REFERENCES versions (module_id, number)
) STRICT;

CREATE INDEX version_transitions_by_version ON version_transitions (module_id, number, id);

CREATE TRIGGER version_transitions_append_only BEFORE UPDATE ON version_transitions
BEGIN
  SELECT RAISE(ABORT, 'the transition history is append-only');
END;

CREATE TRIGGER version_transitions_no_delete BEFORE DELETE ON version_transitions
BEGIN
  SELECT RAISE(ABORT, 'the transition history is append-only');
END;

-- The release of a version: notes, class and, for a program, the pinned module versions. Immutable.
CREATE TABLE releases (
  module_id        TEXT NOT NULL,
  number           INTEGER NOT NULL,
  released_at      TEXT NOT NULL,
  released_by      TEXT NOT NULL REFERENCES people (id),
  release_class    TEXT NOT NULL CHECK (release_class IN ('major', 'minor')),
  suggested_class  TEXT NOT NULL CHECK (suggested_class IN ('major', 'minor', 'none')),
  release_notes    TEXT NOT NULL,
  pins             TEXT NOT NULL CHECK (json_valid(pins)),
  PRIMARY KEY (module_id, number),
  FOREIGN KEY (module_id, number) REFERENCES versions (module_id, number)
) STRICT;

CREATE TRIGGER releases_immutable BEFORE UPDATE ON releases
BEGIN
  SELECT RAISE(ABORT, 'releases are immutable');
END;

CREATE TRIGGER releases_no_delete BEFORE DELETE ON releases
BEGIN
  SELECT RAISE(ABORT, 'releases are never deleted');
END;

-- The catalog pointer only ever points at a released version.
CREATE TRIGGER modules_pointer_released BEFORE UPDATE OF released_version ON modules
WHEN NEW.released_version IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM version_states WHERE module_id = NEW.id AND number = NEW.released_version AND state = 'released'
)
BEGIN
  SELECT RAISE(ABORT, 'the catalog pointer must point at a released version');
END;

-- Review comments: threads anchored to a page/block/item id (or the whole document), on a version
-- or on the draft (version_number NULL). Resolving is the only change.
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
) STRICT;

CREATE INDEX comments_by_module ON comments (module_id, created_at);

CREATE TRIGGER comments_body_fixed BEFORE UPDATE OF id, module_id, version_number, anchor, parent_id, author_id, body, created_at ON comments
BEGIN
  SELECT RAISE(ABORT, 'a comment''s text and place never change');
END;

-- A tester (or publisher) going through a version as a patient would.
CREATE TABLE test_enrollments (
  id               TEXT PRIMARY KEY,
  module_id        TEXT NOT NULL,
  version_number   INTEGER NOT NULL,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  created_by       TEXT NOT NULL REFERENCES people (id),
  created_at       TEXT NOT NULL,
  FOREIGN KEY (module_id, version_number) REFERENCES versions (module_id, number)
) STRICT;
