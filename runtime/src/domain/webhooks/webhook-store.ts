import type { AuditContext } from '../accounts/accounts-store.js';
import type { StagedWebhookEvent, WebhookEventType } from './webhook-events.js';

export type WebhookSubscriptionStatus = 'enabled' | 'disabled' | 'deleted';

/** A subscription as stored, without its secret (which the store keeps sealed). */
export interface WebhookSubscriptionRecord {
  id: string;
  organisationId: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  status: WebhookSubscriptionStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** One attempt of the delivery log: never the receiver's answer body. */
export interface WebhookAttemptRecord {
  attempt: number;
  at: string;
  outcome: 'delivered' | 'retry' | 'failed';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  subscriptionId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  finishedAt: string | null;
  log: WebhookAttemptRecord[];
}

/** Audit fields of an admin's change (who, when, from where). */
export type WebhookAudit = AuditContext;

/**
 * Webhook subscriptions and their delivery log. Each method is one transaction with its audit row;
 * secrets are sealed by the store under a key outside the database. Implementations:
 * storage/sqlite/sqlite-webhook-store.ts, storage/postgres/postgres-webhook-store.ts; behaviour
 * pinned by storage/contract/webhook-store.contract.ts. Events themselves are written by the care
 * stores, in the transaction of the write that causes them.
 */
export interface WebhookStore {
  createSubscription(input: { subscription: WebhookSubscriptionRecord; secret: string; audit: WebhookAudit }): Promise<void>;
  /** The provider's subscriptions that are not deleted, oldest first. */
  listSubscriptions(organisationId: string): Promise<WebhookSubscriptionRecord[]>;
  getSubscription(organisationId: string, id: string): Promise<WebhookSubscriptionRecord | undefined>;
  /** Changes a live subscription of the provider; undefined when there is none with this id. */
  updateSubscription(input: { id: string; organisationId: string; changes: Partial<Pick<WebhookSubscriptionRecord, 'url' | 'description' | 'eventTypes'>> & { status?: 'enabled' | 'disabled' }; at: string; audit: WebhookAudit }): Promise<WebhookSubscriptionRecord | undefined>;
  /** A new secret; the previous one keeps signing beside it until `previousValidUntil`. */
  rotateSecret(input: { id: string; organisationId: string; secret: string; previousValidUntil: string; at: string; audit: WebhookAudit }): Promise<WebhookSubscriptionRecord | undefined>;
  /** Deletes a live subscription: erases its secrets and cancels its pending deliveries. False when there is none. */
  deleteSubscription(input: { id: string; organisationId: string; at: string; audit: WebhookAudit }): Promise<boolean>;
  /** Queues a test event for this one enabled subscription; false when there is no enabled subscription with this id. */
  queueTestEvent(input: { subscriptionId: string; organisationId: string; event: StagedWebhookEvent; audit: WebhookAudit }): Promise<boolean>;
  /**
   * Puts a failed delivery of a live subscription back in the queue, due at `at`, with the same event
   * (so the same webhook-id): it gets one more attempt and stays failed if that fails too. Audited
   * as `webhook.resend`. Says why not when the delivery is not this provider's subscription's, did
   * not fail, or its subscription is turned off.
   */
  resendDelivery(input: { organisationId: string; subscriptionId: string; deliveryId: string; at: string; audit: WebhookAudit }): Promise<'queued' | 'not-found' | 'not-failed' | 'subscription-off'>;
  /** The subscription's newest deliveries first, each with its attempts. */
  listDeliveries(input: { organisationId: string; subscriptionId: string; status?: WebhookDeliveryStatus; limit: number }): Promise<WebhookDeliveryRecord[]>;
}

/** A pending delivery whose time has come, with what the dispatcher needs to send it. */
export interface DueWebhookDelivery {
  deliveryId: string;
  eventId: string;
  eventType: string;
  url: string;
  /** The subscription's current secret, and the previous one while it is still valid. */
  secrets: string[];
  payload: string;
  attempts: number;
}

/** The outcome of one attempt, recorded in one transaction with the delivery's new state. */
export interface WebhookAttemptResult {
  deliveryId: string;
  attempt: number;
  at: string;
  outcome: 'delivered' | 'retry' | 'failed';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** When to try again (outcome `retry`). */
  nextAttemptAt: string | null;
}

/** The webhook outbox as the dispatcher sees it (like mail/mail-dispatcher.ts `DispatchQueue`). */
export interface WebhookDispatchQueue {
  /**
   * Pending deliveries of enabled subscriptions with next_attempt_at ≤ `at`, oldest first. Where
   * several processes dispatch from one database (PostgreSQL), the returned deliveries are claimed:
   * no other process gets them until this one records the attempt or its claim runs out.
   */
  due(at: string, limit: number): Promise<DueWebhookDelivery[]>;
  /** The earliest next_attempt_at of a pending delivery of an enabled subscription, if any. */
  nextAttemptAt(): Promise<string | undefined>;
  /** Gives back claimed deliveries not attempted (the dispatcher is stopping), so another process or the next start sends them without waiting for the claim to run out. */
  release(deliveryIds: readonly string[], at: string): Promise<void>;
  /** Appends the attempt to the delivery log and moves the delivery on; a delivered event about a patient is audited as a disclosure. */
  recordAttempt(result: WebhookAttemptResult): Promise<void>;
}
