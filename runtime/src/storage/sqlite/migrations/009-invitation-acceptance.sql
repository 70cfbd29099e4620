-- A care invitation never takes over an account (issue 9, finding 1). Before this migration,
-- redeeming an enrollment's invitation code set the password of whichever account had the
-- address and signed its holder in as that person. Now:
--   people.password_chosen_at       when the person chose (or an admin set) a password; NULL for an
--                                   account made for an invitation that was never redeemed, whose
--                                   hash is of a secret nobody knows. Only such an account gets its
--                                   first password through an invitation.
--   enrollments.accepted_at         when the patient took the invitation up (redeemed it, or accepted
--                                   it signed in with their own account); until then the enrollment
--                                   is not theirs to see and carries no patient role.
--   enrollments.invited_name        the name the therapist typed; the clinic shows it until the
--                                   patient accepts, so an enrollment never tells the therapist the
--                                   name of an account that already had the address.
ALTER TABLE people ADD COLUMN password_chosen_at TEXT;
ALTER TABLE enrollments ADD COLUMN accepted_at TEXT;
ALTER TABLE enrollments ADD COLUMN invited_name TEXT;

-- Existing accounts: the only ones without a chosen password are those created for an invitation
-- (they have one), that never redeemed any, and that hold no role but patient. Everyone else
-- (demo and admin-created accounts, patients who redeemed) chose theirs, or had it set by an admin.
UPDATE people SET password_chosen_at = created_at
 WHERE NOT (
   EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = people.id)
   AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = people.id AND i.redeemed_at IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = people.id AND m.role <> 'patient')
 );

-- Existing enrollments were accepted when their invitation was redeemed.
UPDATE enrollments SET accepted_at = (SELECT min(i.redeemed_at) FROM invitations i WHERE i.enrollment_id = enrollments.id);
