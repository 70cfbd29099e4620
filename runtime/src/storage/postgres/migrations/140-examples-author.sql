-- The author of the examples shipped with Careloom: the twin of SQLite migration
-- 180-examples-author.sql (whose comments explain it). Nobody can sign in as it: disabled, a
-- password hash that never verifies, an address under .invalid, no memberships.
INSERT INTO people (id, email, name, password_hash, created_at, disabled_at, password_chosen_at)
VALUES ('careloom-examples', 'examples@careloom.invalid', 'Careloom examples', '!', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
ON CONFLICT DO NOTHING;
