-- Webhooks (transactional outbox, like mail_outbox): a care-provider admin subscribes an endpoint to
-- event types; the write that causes an event (a recorded response, a raised alert, …) inserts the
-- event and one delivery per matching enabled subscription in its own transaction, and the webhook
-- dispatcher sends the pending deliveries, signed per the Standard Webhooks specification.
CREATE TABLE webhook_subscriptions (
  id                     TEXT PRIMARY KEY,
  organisation_id        TEXT NOT NULL REFERENCES organisations (id),
  url                    TEXT NOT NULL,
  description            TEXT NOT NULL,
  -- JSON array of event types ('response.recorded', 'alert.raised', …).
  event_types            TEXT NOT NULL,
  --   enabled   receives new events; its pending deliveries are sent
  --   disabled  receives nothing new; its pending deliveries wait until it is enabled again
  --   deleted   gone for the admin; its secret erased, its pending deliveries cancelled
  status                 TEXT NOT NULL CHECK (status IN ('enabled', 'disabled', 'deleted')),
  -- The signing secret (whsec_…) sealed with AES-256-GCM under the mail key, which is never in this
  -- database (mail/secret-box.ts, bound to the subscription's id); NULL once deleted.
  secret_sealed          TEXT,
  -- After a rotation the previous secret keeps signing beside the new one until previous_secret_until,
  -- so the receiver can switch without missing an event.
  previous_secret_sealed TEXT,
  previous_secret_until  TEXT,
  created_by             TEXT NOT NULL REFERENCES people (id),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  secret_rotated_at      TEXT
);
CREATE INDEX webhook_subscriptions_organisation ON webhook_subscriptions (organisation_id, status);

-- One thing that happened, with its payload exactly as sent (ids and FHIR references, never answers
-- or names); `id` is the webhook-id every delivery and retry carries, for the receiver's de-duplication.
CREATE TABLE webhook_events (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  type             TEXT NOT NULL,
  -- The patient the event is about, if any: a delivery is audited as a disclosure about them.
  patient_id       TEXT,
  payload          TEXT NOT NULL,
  created_at       TEXT NOT NULL
);

--   pending    waiting for the dispatcher; next_attempt_at says when it may try (again)
--   delivered  the endpoint answered 2xx at finished_at
--   failed     given up after the last retry (or its secret no longer opens)
--   cancelled  its subscription was deleted first
CREATE TABLE webhook_deliveries (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  event_id         TEXT NOT NULL REFERENCES webhook_events (id),
  subscription_id  TEXT NOT NULL REFERENCES webhook_subscriptions (id),
  status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT,
  last_attempt_at  TEXT,
  last_status_code INTEGER,
  last_error       TEXT,
  finished_at      TEXT,
  created_at       TEXT NOT NULL,
  UNIQUE (event_id, subscription_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, seq);

-- The delivery log: one row per attempt, with the endpoint's status code or the connection error.
-- The receiver's answer body is never kept.
CREATE TABLE webhook_attempts (
  seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries (id),
  attempt      INTEGER NOT NULL,
  at           TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
  status_code  INTEGER,
  error        TEXT,
  duration_ms  INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, attempt);
