-- Purging one patient (issue 12): responses, messages and alerts are never deleted, except by the
-- data administrator's purge of that patient. The purge runs in one transaction that first writes
-- the patient's id into `patient_purges`, deletes, and removes that row again before committing,
-- so outside a purge the triggers refuse as before, and inside one they allow the rows of that
-- patient only. The audit log stays append-only without exception: it holds ids, never content.
CREATE TABLE patient_purges (
  patient_id  TEXT PRIMARY KEY
) STRICT;

DROP TRIGGER responses_no_delete;
CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses
WHEN NOT EXISTS (SELECT 1 FROM patient_purges p JOIN enrollments e ON e.patient_id = p.patient_id WHERE e.id = OLD.enrollment_id)
BEGIN
  SELECT RAISE(ABORT, 'responses are append-only: rows cannot be deleted');
END;

DROP TRIGGER messages_no_delete;
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages
WHEN NOT EXISTS (SELECT 1 FROM patient_purges p JOIN enrollments e ON e.patient_id = p.patient_id WHERE e.id = OLD.enrollment_id)
BEGIN
  SELECT RAISE(ABORT, 'messages are never deleted');
END;

DROP TRIGGER alerts_no_delete;
CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts
WHEN NOT EXISTS (SELECT 1 FROM patient_purges p WHERE p.patient_id = OLD.patient_id)
BEGIN
  SELECT RAISE(ABORT, 'alerts are never deleted');
END;

-- The data administrator's searches: by action and time within a care provider.
CREATE INDEX audit_log_organisation_action ON audit_log (organisation_id, action, at);
