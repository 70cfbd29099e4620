-- The language the therapist chose for the patient when enrolling them: the invitation e-mail (and
-- a new one sent later) is written in it. NULL on enrollments made before the choice existed: their
-- mail stays in the program's default language.
ALTER TABLE enrollments ADD COLUMN language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 35);
