import type { WebhookEventType } from '../../domain/webhooks/webhook-events.js';
import type { WebhookAttemptRecord, WebhookDeliveryRecord, WebhookSubscriptionRecord } from '../../domain/webhooks/webhook-store.js';
import type { SecretBox } from '../../mail/secret-box.js';

/** webhook_subscriptions as SQLite and PostgreSQL return it (migration 060 / 020). */
export interface SubscriptionRow {
  id: string;
  organisation_id: string;
  url: string;
  description: string;
  event_types: string;
  status: WebhookSubscriptionRecord['status'];
  secret_sealed: string | null;
  previous_secret_sealed: string | null;
  previous_secret_until: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  secret_rotated_at: string | null;
}

export function toSubscription(row: SubscriptionRow): WebhookSubscriptionRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretRotatedAt: row.secret_rotated_at,
  };
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  subscription_id: string;
  status: WebhookDeliveryRecord['status'];
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  finished_at: string | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: string;
  outcome: WebhookAttemptRecord['outcome'];
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export function toDelivery(row: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDeliveryRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    subscriptionId: row.subscription_id,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    finishedAt: row.finished_at,
    log: attempts
      .filter((attempt) => attempt.delivery_id === row.id)
      .map((attempt) => ({ attempt: attempt.attempt, at: attempt.at, outcome: attempt.outcome, statusCode: attempt.status_code, error: attempt.error, durationMs: attempt.duration_ms })),
  };
}

/** A due delivery's joined row: the delivery, its event and its subscription's sealed secrets. */
export interface DueRow {
  id: string;
  event_id: string;
  type: string;
  payload: string;
  attempts: number;
  url: string;
  subscription_id: string;
  secret_sealed: string | null;
  previous_secret_sealed: string | null;
  previous_secret_until: string | null;
}

/** The secrets a due delivery is signed with, or undefined when the current one no longer opens (another mail key). */
export function openSecrets(box: SecretBox, row: DueRow, at: string): string[] | undefined {
  const current = row.secret_sealed === null ? undefined : box.open(row.secret_sealed, row.subscription_id);
  if (current === undefined) return undefined;
  const previous = row.previous_secret_sealed !== null && row.previous_secret_until !== null && row.previous_secret_until > at ? box.open(row.previous_secret_sealed, row.subscription_id) : undefined;
  return previous === undefined ? [current] : [current, previous];
}

export const SECRET_LOST = 'The signing secret was sealed under another mail key (CARELOOM_MAIL_KEY or the key file changed): rotate the secret.';
export const DELIVERY_LIMIT_MAX = 500;
