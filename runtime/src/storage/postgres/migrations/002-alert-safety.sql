-- The safety protocol of alerts: the twin of SQLite migration 030-alert-safety.sql (whose comments
-- explain the columns).
ALTER TABLE alerts ADD COLUMN escalated_at TEXT;
ALTER TABLE alerts ADD COLUMN notified_at TEXT;
ALTER TABLE alerts ADD COLUMN action_taken TEXT CHECK (action_taken IS NULL OR (careloom_json_is(action_taken, 'object') AND (action_taken::jsonb ->> 'kind') IN ('contacted', 'risk_assessed', 'referred', 'other')));

UPDATE alerts SET notified_at = created_at;

CREATE TRIGGER alerts_escalated_once BEFORE UPDATE OF escalated_at ON alerts FOR EACH ROW
  WHEN (OLD.escalated_at IS NOT NULL AND NEW.escalated_at IS DISTINCT FROM OLD.escalated_at)
  EXECUTE FUNCTION careloom_refuse('an alert is escalated once');
CREATE TRIGGER alerts_notified_once BEFORE UPDATE OF notified_at ON alerts FOR EACH ROW
  WHEN (OLD.notified_at IS NOT NULL AND NEW.notified_at IS DISTINCT FROM OLD.notified_at)
  EXECUTE FUNCTION careloom_refuse('the therapists are told of an alert once');
CREATE TRIGGER alerts_action_with_acknowledgement BEFORE UPDATE OF action_taken ON alerts FOR EACH ROW
  WHEN ((OLD.action_taken IS NOT NULL OR OLD.acknowledged_at IS NOT NULL) AND NEW.action_taken IS DISTINCT FROM OLD.action_taken)
  EXECUTE FUNCTION careloom_refuse('the action taken is recorded once, with the acknowledgement');

CREATE INDEX alerts_open_protocol ON alerts (created_at) WHERE acknowledged_at IS NULL AND (escalated_at IS NULL OR notified_at IS NULL);
