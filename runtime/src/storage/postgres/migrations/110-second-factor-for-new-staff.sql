-- The twin of SQLite's 150-second-factor-for-new-staff.sql. A staff role granted in an organisation
-- that requires a second factor marks the person's open password sessions as owing one, unless they
-- have one already; losing the last such role frees them again. Triggers, so no store method that
-- adds or removes a membership can forget it.
CREATE FUNCTION careloom_second_factor_owed_on_join() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role <> 'patient' AND EXISTS (SELECT 1 FROM organisation_security WHERE organisation_id = NEW.organisation_id AND second_factor_required = 1) THEN
    UPDATE sessions SET second_factor_owed = 1
    WHERE person_id = NEW.person_id AND second_factor_owed = 0 AND sign_in_method = 'password'
      AND NOT EXISTS (SELECT 1 FROM second_factors WHERE person_id = NEW.person_id AND confirmed_at IS NOT NULL);
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION careloom_second_factor_freed_on_leave() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role <> 'patient' THEN
    UPDATE sessions SET second_factor_owed = 0
    WHERE person_id = OLD.person_id AND second_factor_owed = 1
      AND NOT EXISTS (
        SELECT 1 FROM memberships m JOIN organisation_security s ON s.organisation_id = m.organisation_id
        WHERE m.person_id = OLD.person_id AND m.role <> 'patient' AND s.second_factor_required = 1
      );
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER memberships_second_factor_owed AFTER INSERT ON memberships FOR EACH ROW EXECUTE FUNCTION careloom_second_factor_owed_on_join();
CREATE TRIGGER memberships_second_factor_freed AFTER DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION careloom_second_factor_freed_on_leave();
