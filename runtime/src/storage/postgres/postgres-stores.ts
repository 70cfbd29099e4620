import { createPostgresRateLimits } from './postgres-rate-limits.js';
import type pg from 'pg';
import { uuidGenerator } from '../../ids.js';
import type { SqliteStoresOptions } from '../sqlite/sqlite-stores.js';
import type { Stores } from '../types.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresAlertSafetyStore } from './postgres-alert-safety-store.js';
import { createPostgresVersionMoveStore } from './postgres-version-move-store.js';
import { createPostgresPatientScheduleStore } from './postgres-patient-schedule-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresAuthoringStore } from './postgres-authoring-store.js';
import { createPostgresMediaStore } from './postgres-media-store.js';
import { createPostgresCareStore } from './postgres-care-store.js';
import { createPostgresPatientNoticeStore, createPostgresStaffNoticeStore } from './postgres-outreach-store.js';
import { createPostgresDataAdminStore } from './postgres-data-admin-store.js';
import { createPostgresDraftUpdateStore } from './postgres-draft-update-store.js';
import { createPostgresDispatchQueue, createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { createPostgresMemberInvitationStore } from './postgres-member-invitation-store.js';
import { createPostgresSecondFactorStore } from './postgres-second-factor-store.js';
import { createPostgresExternalIdentityStore } from './postgres-external-identity-store.js';
import { createPostgresApiTokenStore } from './postgres-api-token-store.js';
import { createPostgresResponseLookup } from './postgres-response-lookup.js';
import { createPostgresStaffStore } from './postgres-staff-store.js';
import { createPostgresWebhookEvents, createPostgresWebhookQueue, createPostgresWebhookStore } from './postgres-webhook-store.js';

/**
 * Every store on one PostgreSQL connection pool (opened and migrated by `openPostgres`), each built
 * once; the same options as the SQLite stores.
 *
 * @example
 * const { pool } = await openPostgres({ url });
 * const stores = createPostgresStores(pool, { box });
 */
export function createPostgresStores(pool: pg.Pool, options: SqliteStoresOptions = {}): Stores {
  const ids = options.ids ?? uuidGenerator;
  const now = options.now ?? (() => new Date());
  const mail = createPostgresMailOutbox(pool, {
    now,
    newId: () => ids.newId(),
    ...(options.box ? { box: options.box } : {}),
    ...(options.mailMode ? { mode: options.mailMode } : {}),
    ...(options.onMailQueued ? { onQueued: options.onMailQueued } : {}),
  });
  const webhookWake = options.onWebhookQueued ? { onQueued: options.onWebhookQueued } : {};
  const webhooks = createPostgresWebhookEvents(webhookWake);
  const sealing = { ids, ...(options.box ? { box: options.box } : {}) };
  let open = true;
  return {
    audit: createPostgresAuditLog(pool),
    accounts: createPostgresAccountsStore(pool, { ids }),
    memberInvitations: createPostgresMemberInvitationStore(pool, { ids, mail }),
    apiTokens: createPostgresApiTokenStore(pool, { ids }),
    externalIdentities: createPostgresExternalIdentityStore(pool, { ids }),
    secondFactors: createPostgresSecondFactorStore(pool, { ids }),
    authoring: createPostgresAuthoringStore(pool),
    media: createPostgresMediaStore(pool, { ids }),
    drafts: createPostgresDraftUpdateStore(pool, () => now().toISOString()),
    care: createPostgresCareStore(pool, { mail, webhooks }),
    responses: createPostgresResponseLookup(pool),
    alertSafety: createPostgresAlertSafetyStore(pool, { mail, webhooks }),
    patientSchedules: createPostgresPatientScheduleStore(pool, { webhooks }),
    versionMoves: createPostgresVersionMoveStore(pool),
    patientNotices: createPostgresPatientNoticeStore(pool, { mail }),
    staffNotices: createPostgresStaffNoticeStore(pool, { mail }),
    staff: createPostgresStaffStore(pool, { ids, mail }),
    dataAdmin: createPostgresDataAdminStore(pool),
    mailOutbox: mail,
    mailQueue: createPostgresDispatchQueue(pool, options.box),
    rateLimits: createPostgresRateLimits(pool),
    webhooks: createPostgresWebhookStore(pool, { ...sealing, ...webhookWake }),
    webhookQueue: createPostgresWebhookQueue(pool, sealing),
    async ping() {
      if (!open) throw new Error('The database connection is closed.');
      await pool.query('SELECT 1');
    },
    async close() {
      if (!open) return;
      open = false;
      await pool.end();
    },
  };
}
