import { createSequentialIds } from '../../ids.js';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { StagedWebhookEvent } from '../../domain/webhooks/webhook-events.js';
import { runWebhookStoreContract } from '../contract/webhook-store.contract.js';
import { createSqliteAlertSafetyStore } from './alert-safety-store.js';
import { createSqliteCareStore } from './care-store.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';
import { createSqliteMailOutbox } from './sqlite-mail-outbox.js';
import { createSqliteWebhookEvents, createSqliteWebhookQueue, createSqliteWebhookStore } from './sqlite-webhook-store.js';

runWebhookStoreContract('sqlite in memory', async () => {
  const { db } = await createCareTestApp();
  const events = createSqliteWebhookEvents(db);
  let failing = false;
  const webhooks = {
    stage: (event: StagedWebhookEvent) => {
      if (failing) throw new Error('disk I/O error');
      events.stage(event);
    },
    wantedForEnrollment: events.wantedForEnrollment,
    notify: () => undefined,
  };
  const audit = createSqliteAuditLog(db);
  const ids = createSequentialIds('audit-webhook');
  return {
    webhooks: createSqliteWebhookStore(db, { ids }),
    queue: createSqliteWebhookQueue(db, { ids }),
    care: createSqliteCareStore(db, { webhooks }),
    alertSafety: createSqliteAlertSafetyStore(db, { mail: createSqliteMailOutbox(db, { now: () => new Date(), newId: () => crypto.randomUUID() }), webhooks }),
    readAudit: () => audit.list({ limit: 1000 }),
    failEvents: (value) => {
      failing = value;
    },
    close: async () => {
      db.close();
    },
  };
});
