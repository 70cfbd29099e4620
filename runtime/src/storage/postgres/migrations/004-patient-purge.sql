-- Purging one patient: the twin of SQLite migration 021-patient-purge.sql. Responses, messages and
-- alerts are never deleted, except by the data administrator's purge of that patient: the purge's
-- transaction writes the patient's id into `patient_purges`, deletes, and removes that row again
-- before committing, so outside a purge the triggers refuse as before, and inside one they allow
-- the rows of that patient only. The audit log stays append-only without exception.
CREATE TABLE patient_purges (
  patient_id  TEXT PRIMARY KEY
);

-- PostgreSQL trigger conditions cannot hold subqueries, so each check is a function; the message
-- is the trigger's argument, as with careloom_refuse.
CREATE FUNCTION careloom_refuse_unless_enrollment_purged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM patient_purges p JOIN enrollments e ON e.patient_id = p.patient_id WHERE e.id = OLD.enrollment_id) THEN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;
CREATE FUNCTION careloom_refuse_unless_patient_purged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM patient_purges p WHERE p.patient_id = OLD.patient_id) THEN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;

DROP TRIGGER responses_no_delete ON responses;
CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses FOR EACH ROW
  EXECUTE FUNCTION careloom_refuse_unless_enrollment_purged('responses are append-only: rows cannot be deleted');
DROP TRIGGER messages_no_delete ON messages;
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages FOR EACH ROW
  EXECUTE FUNCTION careloom_refuse_unless_enrollment_purged('messages are never deleted');
DROP TRIGGER alerts_no_delete ON alerts;
CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts FOR EACH ROW
  EXECUTE FUNCTION careloom_refuse_unless_patient_purged('alerts are never deleted');

-- TRUNCATE fires no row triggers (SQLite has no TRUNCATE), so it is refused outright: a purge
-- deletes row by row.
CREATE TRIGGER responses_no_truncate BEFORE TRUNCATE ON responses FOR EACH STATEMENT EXECUTE FUNCTION careloom_refuse('responses are append-only: they cannot be truncated');
CREATE TRIGGER messages_no_truncate BEFORE TRUNCATE ON messages FOR EACH STATEMENT EXECUTE FUNCTION careloom_refuse('messages are never deleted');
CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON alerts FOR EACH STATEMENT EXECUTE FUNCTION careloom_refuse('alerts are never deleted');

-- The data administrator's searches: by action and time within a care provider.
CREATE INDEX audit_log_organisation_action ON audit_log (organisation_id, action, at);
