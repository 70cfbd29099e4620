import type Database from 'better-sqlite3';
import { DomainError } from '../../domain/errors.js';
import type { StagedWebhookEvent } from '../../domain/webhooks/webhook-events.js';
import type { DueWebhookDelivery, WebhookAudit, WebhookDispatchQueue, WebhookStore } from '../../domain/webhooks/webhook-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import type { SecretBox } from '../../mail/secret-box.js';
import { isUniqueViolation } from './accounts-rows.js';
import { runOnlyBox } from './sqlite-mail-outbox.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import { DELIVERY_LIMIT_MAX, openSecrets, SECRET_LOST, toDelivery, toSubscription, type AttemptRow, type DeliveryRow, type DueRow, type SubscriptionRow } from './webhook-rows.js';

/** Writes webhook events inside the caller's transaction (the care store's writes). */
export interface SqliteWebhookEvents {
  /**
   * Inserts the event and one pending delivery per enabled subscription of the unit's care provider
   * that wants its type, synchronously, so it commits or rolls back with the caller's rows. Nothing
   * is written when no subscription wants it. Call `notify` after the commit.
   */
  stage(event: StagedWebhookEvent): void;
  /**
   * Whether an enabled subscription of the enrollment's care provider wants events of this type,
   * read in the caller's transaction. A hot write asks first so that it builds no event (an id, a
   * JSON payload) that nobody subscribed to.
   */
  wantedForEnrollment(type: StagedWebhookEvent['type'], enrollmentId: string): boolean;
  /** Tells the webhook dispatcher that deliveries are waiting. */
  notify(): void;
}

const WANTED = `EXISTS (SELECT 1 FROM json_each(s.event_types) WHERE value = e.type)`;

/**
 * The webhook outbox's writer on SQLite (migration 060): events are rows before anything is sent,
 * written in the transaction of the change they describe (transactional outbox, like mail_outbox).
 *
 * @example
 * const events = createSqliteWebhookEvents(db, { onQueued: () => dispatcher.wake() });
 * db.transaction(() => { insertResponse.run(…); events.stage(responseRecordedEvent(response, enrollment)); })();
 * events.notify();
 */
export function createSqliteWebhookEvents(db: Database.Database, options: { onQueued?: () => void } = {}): SqliteWebhookEvents {
  const insertEvent = db.prepare(
    `INSERT INTO webhook_events (id, organisation_id, type, patient_id, payload, created_at)
     SELECT @id, o.organisation_id, @type, @patientId, @payload, @createdAt
       FROM (SELECT coalesce(@organisationId, (SELECT organisation_id FROM care_units WHERE id = @unitId)) AS organisation_id) o
      WHERE o.organisation_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.organisation_id = o.organisation_id AND s.status = 'enabled'
                      AND EXISTS (SELECT 1 FROM json_each(s.event_types) WHERE value = @type))`,
  );
  const insertDeliveries = db.prepare(
    `INSERT INTO webhook_deliveries (id, event_id, subscription_id, status, attempts, next_attempt_at, created_at)
     SELECT 'dlv_' || lower(hex(randomblob(12))), e.id, s.id, 'pending', 0, e.created_at, e.created_at
       FROM webhook_events e JOIN webhook_subscriptions s ON s.organisation_id = e.organisation_id
      WHERE e.id = ? AND s.status = 'enabled' AND ${WANTED}
      ORDER BY s.created_at, s.id`,
  );
  const wanted = db.prepare<[string, string], { wanted: number }>(
    `SELECT EXISTS (SELECT 1 FROM enrollments e JOIN care_units u ON u.id = e.unit_id
                      JOIN webhook_subscriptions s ON s.organisation_id = u.organisation_id
                     WHERE e.id = ? AND s.status = 'enabled' AND EXISTS (SELECT 1 FROM json_each(s.event_types) WHERE value = ?)) AS wanted`,
  );
  // Wake the dispatcher only when something was queued: most recorded answers interest no
  // subscription, and a wake per answer made the dispatcher look for due deliveries every time.
  let queued = false;
  return {
    stage(event) {
      const inserted = insertEvent.run({ id: event.id, type: event.type, patientId: event.patientId, payload: event.payload, createdAt: event.createdAt, organisationId: event.organisationId ?? null, unitId: event.unitId });
      if (inserted.changes > 0) {
        insertDeliveries.run(event.id);
        queued = true;
      }
    },
    wantedForEnrollment: (type, enrollmentId) => wanted.get(enrollmentId, type)!.wanted === 1,
    notify: () => {
      if (!queued) return;
      queued = false;
      options.onQueued?.();
    },
  };
}

/**
 * Webhook subscriptions and the delivery log on SQLite. Each write is one synchronous transaction
 * with its audit row; the signing secret is sealed under `box` (the mail key), bound to the
 * subscription's id.
 */
export function createSqliteWebhookStore(db: Database.Database, options: { box?: SecretBox; ids?: IdGenerator; onQueued?: () => void } = {}): WebhookStore {
  const box = options.box ?? runOnlyBox();
  const ids = options.ids ?? uuidGenerator;
  const audit = (context: WebhookAudit, row: { action: string; objectId: string; organisationId: string; details?: Record<string, unknown> }) =>
    writeAuditEntry(db, { id: ids.newId(), ...context, objectType: 'webhook_subscription', ...row });
  const select = db.prepare<[string, string], SubscriptionRow>("SELECT * FROM webhook_subscriptions WHERE id = ? AND organisation_id = ? AND status <> 'deleted'");
  const live = (organisationId: string, id: string) => select.get(id, organisationId);

  const create = db.transaction((input: Parameters<WebhookStore['createSubscription']>[0]) => {
    const { subscription } = input;
    try {
      db.prepare(
        `INSERT INTO webhook_subscriptions (id, organisation_id, url, description, event_types, status, secret_sealed, previous_secret_sealed, previous_secret_until, created_by, created_at, updated_at, secret_rotated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL)`,
      ).run(subscription.id, subscription.organisationId, subscription.url, subscription.description, JSON.stringify(subscription.eventTypes), subscription.status, box.seal(input.secret, subscription.id), subscription.createdBy, subscription.createdAt, subscription.updatedAt);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', 'A webhook subscription with this id already exists.', { cause: error });
      throw error;
    }
    audit(input.audit, { action: 'webhook.create', objectId: subscription.id, organisationId: subscription.organisationId, details: { eventTypes: subscription.eventTypes } });
  });

  const update = db.transaction((input: Parameters<WebhookStore['updateSubscription']>[0]) => {
    const row = live(input.organisationId, input.id);
    if (!row) return undefined;
    const { changes } = input;
    db.prepare('UPDATE webhook_subscriptions SET url = ?, description = ?, event_types = ?, status = ?, updated_at = ? WHERE id = ?').run(
      changes.url ?? row.url,
      changes.description ?? row.description,
      changes.eventTypes ? JSON.stringify(changes.eventTypes) : row.event_types,
      changes.status ?? row.status,
      input.at,
      row.id,
    );
    audit(input.audit, { action: 'webhook.update', objectId: row.id, organisationId: row.organisation_id, details: { changed: Object.keys(changes).sort(), ...(changes.status ? { status: changes.status } : {}) } });
    return toSubscription(live(input.organisationId, input.id)!);
  });

  const rotate = db.transaction((input: Parameters<WebhookStore['rotateSecret']>[0]) => {
    const row = live(input.organisationId, input.id);
    if (!row) return undefined;
    db.prepare('UPDATE webhook_subscriptions SET secret_sealed = ?, previous_secret_sealed = secret_sealed, previous_secret_until = ?, secret_rotated_at = ?, updated_at = ? WHERE id = ?').run(box.seal(input.secret, row.id), input.previousValidUntil, input.at, input.at, row.id);
    audit(input.audit, { action: 'webhook.rotate', objectId: row.id, organisationId: row.organisation_id, details: { previousValidUntil: input.previousValidUntil } });
    return toSubscription(live(input.organisationId, input.id)!);
  });

  const remove = db.transaction((input: Parameters<WebhookStore['deleteSubscription']>[0]) => {
    const row = live(input.organisationId, input.id);
    if (!row) return false;
    db.prepare("UPDATE webhook_subscriptions SET status = 'deleted', secret_sealed = NULL, previous_secret_sealed = NULL, previous_secret_until = NULL, updated_at = ? WHERE id = ?").run(input.at, row.id);
    const cancelled = db.prepare("UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, finished_at = ? WHERE subscription_id = ? AND status = 'pending'").run(input.at, row.id).changes;
    audit(input.audit, { action: 'webhook.delete', objectId: row.id, organisationId: row.organisation_id, details: { cancelledDeliveries: cancelled } });
    return true;
  });

  const queueTest = db.transaction((input: Parameters<WebhookStore['queueTestEvent']>[0]) => {
    const row = live(input.organisationId, input.subscriptionId);
    if (!row || row.status !== 'enabled') return false;
    const { event } = input;
    db.prepare('INSERT INTO webhook_events (id, organisation_id, type, patient_id, payload, created_at) VALUES (?, ?, ?, NULL, ?, ?)').run(event.id, row.organisation_id, event.type, event.payload, event.createdAt);
    db.prepare("INSERT INTO webhook_deliveries (id, event_id, subscription_id, status, attempts, next_attempt_at, created_at) VALUES ('dlv_' || lower(hex(randomblob(12))), ?, ?, 'pending', 0, ?, ?)").run(event.id, row.id, event.createdAt, event.createdAt);
    audit(input.audit, { action: 'webhook.test', objectId: row.id, organisationId: row.organisation_id, details: { eventId: event.id } });
    return true;
  });

  return {
    async createSubscription(input) {
      create(input);
    },
    async listSubscriptions(organisationId) {
      return (db.prepare("SELECT * FROM webhook_subscriptions WHERE organisation_id = ? AND status <> 'deleted' ORDER BY created_at, id").all(organisationId) as SubscriptionRow[]).map(toSubscription);
    },
    async getSubscription(organisationId, id) {
      const row = live(organisationId, id);
      return row ? toSubscription(row) : undefined;
    },
    updateSubscription: async (input) => update(input),
    rotateSecret: async (input) => rotate(input),
    deleteSubscription: async (input) => remove(input),
    async queueTestEvent(input) {
      const queued = queueTest(input);
      if (queued) options.onQueued?.();
      return queued;
    },
    async listDeliveries(input) {
      const limit = Math.min(Math.max(1, Math.trunc(input.limit)), DELIVERY_LIMIT_MAX);
      const rows = db
        .prepare(
          `SELECT d.*, e.type AS event_type FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            JOIN webhook_subscriptions s ON s.id = d.subscription_id
           WHERE d.subscription_id = ? AND s.organisation_id = ? AND (? IS NULL OR d.status = ?)
           ORDER BY d.seq DESC LIMIT ?`,
        )
        .all(input.subscriptionId, input.organisationId, input.status ?? null, input.status ?? null, limit) as DeliveryRow[];
      if (rows.length === 0) return [];
      const attempts = db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY delivery_id, attempt').all(JSON.stringify(rows.map((row) => row.id))) as AttemptRow[];
      return rows.map((row) => toDelivery(row, attempts));
    },
  };
}

/**
 * The webhook dispatcher's view on SQLite: due deliveries (with their secrets opened) and the record
 * of each attempt, one transaction each. One process owns a SQLite file, so no claim is needed: a
 * crash before `recordAttempt` leaves the delivery pending, and it is sent again after the restart
 * with the same webhook-id (at least once).
 */
export function createSqliteWebhookQueue(db: Database.Database, options: { box?: SecretBox; ids?: IdGenerator } = {}): WebhookDispatchQueue {
  const box = options.box ?? runOnlyBox();
  const ids = options.ids ?? uuidGenerator;
  const due = db.prepare(
    `SELECT d.id, d.event_id, e.type, e.payload, d.attempts, s.url, s.id AS subscription_id, s.secret_sealed, s.previous_secret_sealed, s.previous_secret_until
       FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id JOIN webhook_events e ON e.id = d.event_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND s.status = 'enabled'
      ORDER BY d.next_attempt_at, d.seq LIMIT ?`,
  );
  const next = db.prepare("SELECT min(d.next_attempt_at) AS at FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.status = 'pending' AND s.status = 'enabled'");
  const insertAttempt = db.prepare('INSERT INTO webhook_attempts (delivery_id, attempt, at, outcome, status_code, error, duration_ms) VALUES (@deliveryId, @attempt, @at, @outcome, @statusCode, @error, @durationMs)');
  const updateDelivery = db.prepare(
    `UPDATE webhook_deliveries SET status = @status, attempts = @attempt, last_attempt_at = @at, last_status_code = @statusCode, last_error = @error,
            next_attempt_at = @nextAttemptAt, finished_at = @finishedAt WHERE id = @deliveryId AND status = 'pending'`,
  );
  const disclosed = db.prepare('SELECT e.id AS event_id, e.type, e.organisation_id, e.patient_id, d.subscription_id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = ?');
  const record = db.transaction((result: Parameters<WebhookDispatchQueue['recordAttempt']>[0]) => {
    const status = result.outcome === 'retry' ? 'pending' : result.outcome;
    const changed = updateDelivery.run({ ...result, status, nextAttemptAt: result.outcome === 'retry' ? result.nextAttemptAt : null, finishedAt: result.outcome === 'retry' ? null : result.at }).changes;
    // A delivery cancelled (its subscription deleted) while in flight keeps its state; the attempt is still logged.
    insertAttempt.run(result);
    if (changed > 0 && result.outcome === 'delivered') {
      const row = disclosed.get(result.deliveryId) as { event_id: string; type: string; organisation_id: string; patient_id: string | null; subscription_id: string };
      if (row.patient_id !== null) {
        writeAuditEntry(db, { id: ids.newId(), at: result.at, action: 'webhook.delivered', objectType: 'webhook_subscription', objectId: row.subscription_id, organisationId: row.organisation_id, patientId: row.patient_id, details: { eventId: row.event_id, eventType: row.type } });
      }
    }
  });
  return {
    async due(at, limit) {
      const ready: DueWebhookDelivery[] = [];
      for (const row of due.all(at, limit) as DueRow[]) {
        const secrets = openSecrets(box, row, at);
        if (!secrets) {
          record({ deliveryId: row.id, attempt: row.attempts + 1, at, outcome: 'failed', statusCode: null, error: SECRET_LOST, durationMs: 0, nextAttemptAt: null });
          continue;
        }
        ready.push({ deliveryId: row.id, eventId: row.event_id, eventType: row.type, url: row.url, secrets, payload: row.payload, attempts: row.attempts });
      }
      return ready;
    },
    nextAttemptAt: async () => (next.get() as { at: string | null }).at ?? undefined,
    // Nothing is claimed on SQLite: what was not attempted is still due.
    release: async () => undefined,
    recordAttempt: async (result) => record(result),
  };
}
