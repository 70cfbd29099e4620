import type pg from 'pg';
import { createSequentialIds } from '../../ids.js';
import { runWebhookStoreContract } from '../contract/webhook-store.contract.js';
import { createPostgresAlertSafetyStore } from './postgres-alert-safety-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresCareStore } from './postgres-care-store.js';
import { createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { createPostgresWebhookEvents, createPostgresWebhookQueue, createPostgresWebhookStore } from './postgres-webhook-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

/** The contract's fixture: two care providers, an admin, a therapist, a patient and module phq-9 version 1. */
const FIXTURE = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher', 'publisher', 'x'), ('care-1', 'care-1', 'Care', 'care_provider', 'x'), ('care-2', 'care-2', 'Care 2', 'care_provider', 'x')",
  "INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ('person-care-admin', 'a@example.org', 'Admin', 'h', 'x', 'x'), ('person-therapist', 't@example.org', 'Therapist', 'h', 'x', 'x'), ('person-patient', 'p@example.org', 'Patient', 'h', 'x', 'x')",
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('phq-9', 'org-a', 'module', 'PHQ-9', 'person-therapist', 'x', 'x')",
  `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('phq-9', 1, '{}', '${'f'.repeat(64)}', '', 'person-therapist', '[]', 0, 'x')`,
  "INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES ('phq-9', 1, 'submitted', 'x', 'person-therapist')",
];

runWebhookStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  for (const sql of FIXTURE) await pool.query(sql);
  const events = createPostgresWebhookEvents();
  let failing = false;
  const webhooks = {
    stage: async (client: pg.ClientBase | pg.Pool, event: Parameters<typeof events.stage>[1]) => {
      if (failing) throw new Error('connection lost');
      await events.stage(client, event);
    },
    notify: () => undefined,
  };
  const mail = createPostgresMailOutbox(pool, { now: () => new Date(), newId: () => crypto.randomUUID() });
  const audit = createPostgresAuditLog(pool);
  const ids = createSequentialIds('audit-webhook');
  let woken = 0;
  return {
    webhooks: createPostgresWebhookStore(pool, { ids, onQueued: () => woken++ }),
    woken: () => woken,
    queue: createPostgresWebhookQueue(pool, { ids }),
    care: createPostgresCareStore(pool, { mail, webhooks }),
    alertSafety: createPostgresAlertSafetyStore(pool, { mail, webhooks }),
    readAudit: () => audit.list({ limit: 1000 }),
    failEvents: (value) => {
      failing = value;
    },
    close: async () => undefined,
  };
});
