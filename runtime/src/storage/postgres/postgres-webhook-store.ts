import type pg from 'pg';
import { DomainError } from '../../domain/errors.js';
import type { StagedWebhookEvent } from '../../domain/webhooks/webhook-events.js';
import type { DueWebhookDelivery, WebhookAudit, WebhookDispatchQueue, WebhookStore } from '../../domain/webhooks/webhook-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import type { SecretBox } from '../../mail/secret-box.js';
import { runOnlyBox } from '../sqlite/sqlite-mail-outbox.js';
import { DELIVERY_LIMIT_MAX, openSecrets, SECRET_LOST, toDelivery, toSubscription, type AttemptRow, type DeliveryRow, type DueRow, type SubscriptionRow } from '../sqlite/webhook-rows.js';
import { inTransaction, isUniqueViolation } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

type Db = pg.ClientBase | pg.Pool;

/** How long a dispatcher's claim on a delivery lasts: if its process dies mid-send, another retries after this. */
export const WEBHOOK_CLAIM_MS = 2 * 60_000;

/** Writes webhook events on the client of the caller's transaction (the care stores' writes). */
export interface PostgresWebhookEvents {
  /** Like the SQLite writer: the event and a pending delivery per enabled subscription that wants it, or nothing. Call `notify` after the commit. */
  stage(client: Db, event: StagedWebhookEvent): Promise<void>;
  notify(): void;
}

const NEW_DELIVERY_ID = `'dlv_' || substr(md5(random()::text || clock_timestamp()::text || e.id || s.id), 1, 24)`;

/** The webhook outbox's writer on PostgreSQL (migration 020), like storage/sqlite/sqlite-webhook-store.ts. */
export function createPostgresWebhookEvents(options: { onQueued?: () => void } = {}): PostgresWebhookEvents {
  // Wake the dispatcher only when something was queued (most writes interest no subscription).
  let queued = false;
  return {
    async stage(client, event) {
      const inserted = await client.query(
        `INSERT INTO webhook_events (id, organisation_id, type, patient_id, payload, created_at)
         SELECT $1, o.organisation_id, $2, $3, $4, $5
           FROM (SELECT coalesce($6::text, (SELECT organisation_id FROM care_units WHERE id = $7)) AS organisation_id) o
          WHERE o.organisation_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.organisation_id = o.organisation_id AND s.status = 'enabled' AND s.event_types::jsonb ? $2)`,
        [event.id, event.type, event.patientId, event.payload, event.createdAt, event.organisationId ?? null, event.unitId],
      );
      if ((inserted.rowCount ?? 0) === 0) return;
      await client.query(
        `INSERT INTO webhook_deliveries (id, event_id, subscription_id, status, attempts, next_attempt_at, created_at)
         SELECT ${NEW_DELIVERY_ID}, e.id, s.id, 'pending', 0, e.created_at, e.created_at
           FROM webhook_events e JOIN webhook_subscriptions s ON s.organisation_id = e.organisation_id
          WHERE e.id = $1 AND s.status = 'enabled' AND s.event_types::jsonb ? e.type`,
        [event.id],
      );
      queued = true;
    },
    notify: () => {
      if (!queued) return;
      queued = false;
      options.onQueued?.();
    },
  };
}

/** Webhook subscriptions and the delivery log on PostgreSQL, like the SQLite store; the subscription's row is locked by each change. */
export function createPostgresWebhookStore(pool: pg.Pool, options: { box?: SecretBox; ids?: IdGenerator; onQueued?: () => void } = {}): WebhookStore {
  const box = options.box ?? runOnlyBox();
  const ids = options.ids ?? uuidGenerator;
  const audit = (db: Db, context: WebhookAudit, row: { action: string; objectId: string; organisationId: string; details?: Record<string, unknown> }) =>
    writeAuditEntryPg(db, { id: ids.newId(), ...context, objectType: 'webhook_subscription', ...row });
  const live = async (db: Db, organisationId: string, id: string, lock = false) =>
    (await db.query<SubscriptionRow>(`SELECT * FROM webhook_subscriptions WHERE id = $1 AND organisation_id = $2 AND status <> 'deleted'${lock ? ' FOR UPDATE' : ''}`, [id, organisationId])).rows[0];

  return {
    createSubscription: (input) =>
      inTransaction(pool, async (db) => {
        const { subscription } = input;
        try {
          await db.query(
            `INSERT INTO webhook_subscriptions (id, organisation_id, url, description, event_types, status, secret_sealed, previous_secret_sealed, previous_secret_until, created_by, created_at, updated_at, secret_rotated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, $8, $9, $10, NULL)`,
            [subscription.id, subscription.organisationId, subscription.url, subscription.description, JSON.stringify(subscription.eventTypes), subscription.status, box.seal(input.secret, subscription.id), subscription.createdBy, subscription.createdAt, subscription.updatedAt],
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError('conflict', 'A webhook subscription with this id already exists.', { cause: error });
          throw error;
        }
        await audit(db, input.audit, { action: 'webhook.create', objectId: subscription.id, organisationId: subscription.organisationId, details: { eventTypes: subscription.eventTypes } });
      }),
    listSubscriptions: async (organisationId) =>
      (await pool.query<SubscriptionRow>("SELECT * FROM webhook_subscriptions WHERE organisation_id = $1 AND status <> 'deleted' ORDER BY created_at, id", [organisationId])).rows.map(toSubscription),
    getSubscription: async (organisationId, id) => {
      const row = await live(pool, organisationId, id);
      return row ? toSubscription(row) : undefined;
    },
    updateSubscription: (input) =>
      inTransaction(pool, async (db) => {
        const row = await live(db, input.organisationId, input.id, true);
        if (!row) return undefined;
        const { changes } = input;
        await db.query('UPDATE webhook_subscriptions SET url = $1, description = $2, event_types = $3, status = $4, updated_at = $5 WHERE id = $6', [
          changes.url ?? row.url,
          changes.description ?? row.description,
          changes.eventTypes ? JSON.stringify(changes.eventTypes) : row.event_types,
          changes.status ?? row.status,
          input.at,
          row.id,
        ]);
        await audit(db, input.audit, { action: 'webhook.update', objectId: row.id, organisationId: row.organisation_id, details: { changed: Object.keys(changes).sort(), ...(changes.status ? { status: changes.status } : {}) } });
        return toSubscription((await live(db, input.organisationId, input.id))!);
      }),
    rotateSecret: (input) =>
      inTransaction(pool, async (db) => {
        const row = await live(db, input.organisationId, input.id, true);
        if (!row) return undefined;
        await db.query('UPDATE webhook_subscriptions SET secret_sealed = $1, previous_secret_sealed = secret_sealed, previous_secret_until = $2, secret_rotated_at = $3, updated_at = $3 WHERE id = $4', [box.seal(input.secret, row.id), input.previousValidUntil, input.at, row.id]);
        await audit(db, input.audit, { action: 'webhook.rotate', objectId: row.id, organisationId: row.organisation_id, details: { previousValidUntil: input.previousValidUntil } });
        return toSubscription((await live(db, input.organisationId, input.id))!);
      }),
    deleteSubscription: (input) =>
      inTransaction(pool, async (db) => {
        const row = await live(db, input.organisationId, input.id, true);
        if (!row) return false;
        await db.query("UPDATE webhook_subscriptions SET status = 'deleted', secret_sealed = NULL, previous_secret_sealed = NULL, previous_secret_until = NULL, updated_at = $1 WHERE id = $2", [input.at, row.id]);
        const cancelled = (await db.query("UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, finished_at = $1 WHERE subscription_id = $2 AND status = 'pending'", [input.at, row.id])).rowCount ?? 0;
        await audit(db, input.audit, { action: 'webhook.delete', objectId: row.id, organisationId: row.organisation_id, details: { cancelledDeliveries: cancelled } });
        return true;
      }),
    async queueTestEvent(input) {
      const queued = await inTransaction(pool, async (db) => {
        const row = await live(db, input.organisationId, input.subscriptionId, true);
        if (!row || row.status !== 'enabled') return false;
        const { event } = input;
        await db.query('INSERT INTO webhook_events (id, organisation_id, type, patient_id, payload, created_at) VALUES ($1, $2, $3, NULL, $4, $5)', [event.id, row.organisation_id, event.type, event.payload, event.createdAt]);
        await db.query(
          `INSERT INTO webhook_deliveries (id, event_id, subscription_id, status, attempts, next_attempt_at, created_at)
           SELECT ${NEW_DELIVERY_ID}, e.id, s.id, 'pending', 0, e.created_at, e.created_at FROM webhook_events e, webhook_subscriptions s WHERE e.id = $1 AND s.id = $2`,
          [event.id, row.id],
        );
        await audit(db, input.audit, { action: 'webhook.test', objectId: row.id, organisationId: row.organisation_id, details: { eventId: event.id } });
        return true;
      });
      if (queued) options.onQueued?.();
      return queued;
    },
    async resendDelivery(input) {
      const outcome = await inTransaction(pool, async (db) => {
        const row = await live(db, input.organisationId, input.subscriptionId, true);
        if (!row) return 'not-found' as const;
        const delivery = (await db.query<{ status: string; event_id: string; attempts: number }>('SELECT status, event_id, attempts FROM webhook_deliveries WHERE id = $1 AND subscription_id = $2 FOR UPDATE', [input.deliveryId, row.id])).rows[0];
        if (!delivery) return 'not-found' as const;
        if (delivery.status !== 'failed') return 'not-failed' as const;
        if (row.status !== 'enabled') return 'subscription-off' as const;
        await db.query("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $1, finished_at = NULL WHERE id = $2", [input.at, input.deliveryId]);
        await audit(db, input.audit, { action: 'webhook.resend', objectId: row.id, organisationId: row.organisation_id, details: { deliveryId: input.deliveryId, eventId: delivery.event_id, attemptsBefore: delivery.attempts } });
        return 'queued' as const;
      });
      if (outcome === 'queued') options.onQueued?.();
      return outcome;
    },
    async listDeliveries(input) {
      const limit = Math.min(Math.max(1, Math.trunc(input.limit)), DELIVERY_LIMIT_MAX);
      const rows = (await pool.query<DeliveryRow>(
        `SELECT d.*, e.type AS event_type FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
           JOIN webhook_subscriptions s ON s.id = d.subscription_id
          WHERE d.subscription_id = $1 AND s.organisation_id = $2 AND ($3::text IS NULL OR d.status = $3)
          ORDER BY d.seq DESC LIMIT $4`,
        [input.subscriptionId, input.organisationId, input.status ?? null, limit],
      )).rows;
      if (rows.length === 0) return [];
      const attempts = (await pool.query<AttemptRow>('SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt', [rows.map((row) => row.id)])).rows;
      return rows.map((row) => toDelivery(row, attempts));
    },
  };
}

/**
 * The webhook dispatcher's view on PostgreSQL, safe with a dispatcher in every process: `due`
 * claims what it returns in one statement (`FOR UPDATE SKIP LOCKED`, then moves next_attempt_at
 * past the claim time), as the mail dispatch queue does; a process that dies before recording the
 * attempt leaves the delivery to be tried again when the claim runs out (at least once).
 */
export function createPostgresWebhookQueue(pool: pg.Pool, options: { box?: SecretBox; ids?: IdGenerator } = {}): WebhookDispatchQueue {
  const box = options.box ?? runOnlyBox();
  const ids = options.ids ?? uuidGenerator;
  const record = (result: Parameters<WebhookDispatchQueue['recordAttempt']>[0]) =>
    inTransaction(pool, async (db) => {
      const status = result.outcome === 'retry' ? 'pending' : result.outcome;
      const changed = (await db.query(
        `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_attempt_at = $4, last_status_code = $5, last_error = $6, next_attempt_at = $7, finished_at = $8
          WHERE id = $1 AND status = 'pending'`,
        [result.deliveryId, status, result.attempt, result.at, result.statusCode, result.error, result.outcome === 'retry' ? result.nextAttemptAt : null, result.outcome === 'retry' ? null : result.at],
      )).rowCount ?? 0;
      await db.query('INSERT INTO webhook_attempts (delivery_id, attempt, at, outcome, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)', [result.deliveryId, result.attempt, result.at, result.outcome, result.statusCode, result.error, result.durationMs]);
      if (changed > 0 && result.outcome === 'delivered') {
        const row = (await db.query<{ event_id: string; type: string; organisation_id: string; patient_id: string | null; subscription_id: string }>(
          'SELECT e.id AS event_id, e.type, e.organisation_id, e.patient_id, d.subscription_id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1',
          [result.deliveryId],
        )).rows[0]!;
        if (row.patient_id !== null) {
          await writeAuditEntryPg(db, { id: ids.newId(), at: result.at, action: 'webhook.delivered', objectType: 'webhook_subscription', objectId: row.subscription_id, organisationId: row.organisation_id, patientId: row.patient_id, details: { eventId: row.event_id, eventType: row.type } });
        }
      }
    });
  return {
    async due(at, limit) {
      const claimUntil = new Date(Date.parse(at) + WEBHOOK_CLAIM_MS).toISOString();
      const { rows } = await pool.query<DueRow & { seq: number }>(
        `WITH claimed AS (
           UPDATE webhook_deliveries SET next_attempt_at = $3
            WHERE id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                          WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND s.status = 'enabled'
                          ORDER BY d.next_attempt_at, d.seq LIMIT $2 FOR UPDATE OF d SKIP LOCKED)
           RETURNING id, event_id, subscription_id, attempts, seq)
         SELECT c.id, c.event_id, e.type, e.payload, c.attempts, c.seq, s.url, s.id AS subscription_id, s.secret_sealed, s.previous_secret_sealed, s.previous_secret_until
           FROM claimed c JOIN webhook_events e ON e.id = c.event_id JOIN webhook_subscriptions s ON s.id = c.subscription_id
          ORDER BY c.seq`,
        [at, limit, claimUntil],
      );
      const ready: DueWebhookDelivery[] = [];
      for (const row of rows) {
        const secrets = openSecrets(box, row, at);
        if (!secrets) {
          await record({ deliveryId: row.id, attempt: row.attempts + 1, at, outcome: 'failed', statusCode: null, error: SECRET_LOST, durationMs: 0, nextAttemptAt: null });
          continue;
        }
        ready.push({ deliveryId: row.id, eventId: row.event_id, eventType: row.type, url: row.url, secrets, payload: row.payload, attempts: row.attempts });
      }
      return ready;
    },
    async nextAttemptAt() {
      const { rows } = await pool.query<{ at: string | null }>("SELECT min(d.next_attempt_at) AS at FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.status = 'pending' AND s.status = 'enabled'");
      return rows[0]?.at ?? undefined;
    },
    async release(deliveryIds, at) {
      if (deliveryIds.length === 0) return;
      await pool.query("UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE id = ANY($1) AND status = 'pending'", [[...deliveryIds], at]);
    },
    recordAttempt: record,
  };
}
