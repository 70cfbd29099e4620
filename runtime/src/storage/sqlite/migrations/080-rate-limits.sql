-- Login throttling and the public forms' rate limits, kept in the database rather than in one
-- process's memory, so every process behind a load balancer counts the same tries (and a restart
-- forgets nothing). Times are milliseconds since the epoch. Rows expire: each write sweeps the
-- expired ones, so an attacker's spray leaves nothing behind for longer than its window.

-- Failed logins per account ('account:<e-mail>') or per known device and account ('device:<id>|account:<e-mail>').
CREATE TABLE login_backoffs (
  key       TEXT PRIMARY KEY,
  failures  INTEGER NOT NULL CHECK (failures > 0),
  last_at   INTEGER NOT NULL
);
CREATE INDEX login_backoffs_by_time ON login_backoffs (last_at);

-- The accounts that failed from one IP address (IPv6: its /64), the last failure of each.
CREATE TABLE login_ip_failures (
  ip         TEXT NOT NULL,
  account    TEXT NOT NULL,
  failed_at  INTEGER NOT NULL,
  PRIMARY KEY (ip, account)
);
CREATE INDEX login_ip_failures_by_time ON login_ip_failures (failed_at);

-- Fixed windows of a public form ('invitation-code', 'self-referral') per key (a client IP).
CREATE TABLE attempt_windows (
  scope         TEXT NOT NULL,
  key           TEXT NOT NULL,
  window_start  INTEGER NOT NULL,
  attempts      INTEGER NOT NULL CHECK (attempts >= 0),
  expires_at    INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX attempt_windows_by_expiry ON attempt_windows (expires_at);
