-- An organisation's second-factor rule also reaches someone who joins it while signed in (issue 12):
-- a staff role granted in an organisation that requires a second factor (an accepted invitation, a
-- role given by an administrator, whatever path the write took) marks that person's open password
-- sessions as owing one, unless they have one already. Losing the last such role frees them again.
-- Triggers, so no store method that adds or removes a membership can forget it.
CREATE TRIGGER memberships_second_factor_owed
AFTER INSERT ON memberships
WHEN NEW.role <> 'patient'
  AND EXISTS (SELECT 1 FROM organisation_security WHERE organisation_id = NEW.organisation_id AND second_factor_required = 1)
BEGIN
  UPDATE sessions SET second_factor_owed = 1
  WHERE person_id = NEW.person_id AND second_factor_owed = 0 AND sign_in_method = 'password'
    AND NOT EXISTS (SELECT 1 FROM second_factors WHERE person_id = NEW.person_id AND confirmed_at IS NOT NULL);
END;

CREATE TRIGGER memberships_second_factor_freed
AFTER DELETE ON memberships
WHEN OLD.role <> 'patient'
BEGIN
  UPDATE sessions SET second_factor_owed = 0
  WHERE person_id = OLD.person_id AND second_factor_owed = 1
    AND NOT EXISTS (
      SELECT 1 FROM memberships m JOIN organisation_security s ON s.organisation_id = m.organisation_id
      WHERE m.person_id = OLD.person_id AND m.role <> 'patient' AND s.second_factor_required = 1
    );
END;
