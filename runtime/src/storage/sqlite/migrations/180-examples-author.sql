-- The author of the examples shipped with Careloom: the demo seed creates, submits and releases
-- them as this person, so the designer's library says "Last edited: Careloom examples" instead of
-- naming a demo account (which then read "you" to the demo designer, who never edited them).
-- Nobody can sign in as it: it is disabled (a password login, a session and a password reset all
-- refuse a disabled person), its password hash is no hash at all (it never verifies), its address
-- is under .invalid (RFC 2606: never delivered), and it belongs to no organisation, so it is in no
-- people list to invite, change or remove. Its id is fixed (EXAMPLES_AUTHOR in
-- runtime/src/domain/examples-author.ts). Examples seeded by an earlier start keep the author they
-- were recorded with: who made a draft is history, not something to rewrite.
INSERT INTO people (id, email, name, password_hash, created_at, disabled_at, password_chosen_at)
VALUES ('careloom-examples', 'examples@careloom.invalid', 'Careloom examples', '!', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
ON CONFLICT DO NOTHING;
