-- The safety protocol of alerts (domain/care/alert-safety.ts). An alert's response deadline is
-- derived from its rule (kept in `details`) and the unit's time zone, so it is not stored here.
-- `escalated_at`: when the unacknowledged alert was e-mailed to the unit's other therapists and the
-- care provider's administrators (once). `notified_at`: when the unit's therapists were e-mailed
-- about an urgent alert (once; alerts from before this migration count as notified, so upgrading
-- sends no mail about old alerts). `action_taken`: what the acknowledging therapist did
-- ({ kind: 'contacted'|'risk_assessed'|'referred'|'other', note? }), set with the acknowledgement.
ALTER TABLE alerts ADD COLUMN escalated_at TEXT;
ALTER TABLE alerts ADD COLUMN notified_at TEXT;
ALTER TABLE alerts ADD COLUMN action_taken TEXT CHECK (action_taken IS NULL OR (json_valid(action_taken) AND json_type(action_taken) = 'object' AND json_extract(action_taken, '$.kind') IN ('contacted', 'risk_assessed', 'referred', 'other')));

UPDATE alerts SET notified_at = created_at;

CREATE TRIGGER alerts_escalated_once BEFORE UPDATE OF escalated_at ON alerts
WHEN OLD.escalated_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'an alert is escalated once');
END;

CREATE TRIGGER alerts_notified_once BEFORE UPDATE OF notified_at ON alerts
WHEN OLD.notified_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'the therapists are told of an alert once');
END;

CREATE TRIGGER alerts_action_with_acknowledgement BEFORE UPDATE OF action_taken ON alerts
WHEN OLD.action_taken IS NOT NULL OR OLD.acknowledged_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'the action taken is recorded once, with the acknowledgement');
END;

-- Open alerts the minute job looks at: unacknowledged and not yet escalated or notified.
CREATE INDEX alerts_open_protocol ON alerts (created_at) WHERE acknowledged_at IS NULL AND (escalated_at IS NULL OR notified_at IS NULL);
