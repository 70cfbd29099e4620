-- Membership invitations: a permissions admin invites an e-mail address into an organisation with
-- roles; nobody becomes a member until the person behind the address accepts (an existing account
-- by signing in with its own password, a new person by choosing a name and a password). Adding an
-- account directly by e-mail is gone: it let any admin pull in any account and told them which
-- addresses had one.
CREATE TABLE member_invitations (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  -- The address the link was sent to; only a person signed in with this address may accept.
  email            TEXT NOT NULL COLLATE NOCASE,
  -- JSON array of organisation-wide role names, granted on acceptance.
  roles            TEXT NOT NULL,
  -- 'en' | 'sv' | 'nb': the language of the e-mail, kept for a resend.
  language         TEXT NOT NULL,
  -- SHA-256 (hex) of the random token in the link: a leaked database yields no usable invitation.
  -- A resend replaces it, so only the newest link works.
  token_hash       TEXT NOT NULL UNIQUE,
  invited_by       TEXT NOT NULL REFERENCES people (id),
  created_at       TEXT NOT NULL,
  sent_at          TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  accepted_at      TEXT,
  accepted_by      TEXT REFERENCES people (id),
  revoked_at       TEXT,
  revoked_by       TEXT REFERENCES people (id)
) STRICT;

-- At most one open invitation per address and organisation: inviting again replaces it.
CREATE UNIQUE INDEX member_invitations_open ON member_invitations (organisation_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
