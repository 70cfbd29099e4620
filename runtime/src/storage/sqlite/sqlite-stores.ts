import type Database from 'better-sqlite3';
import { createSqliteSecondFactorStore } from './second-factor-store.js';
import { createSqliteExternalIdentityStore } from './external-identity-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import type { SecretBox } from '../../mail/secret-box.js';
import type { Stores } from '../types.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { createSqliteApiTokenStore } from './sqlite-api-token-store.js';
import { createSqliteAuthoringStore } from './authoring-store.js';
import { createSqliteMediaStore } from './sqlite-media-store.js';
import { createSqliteAlertSafetyStore } from './alert-safety-store.js';
import { createSqliteVersionMoveStore } from './version-move-store.js';
import { createSqlitePatientScheduleStore } from './patient-schedule-store.js';
import { createSqliteCareStore } from './care-store.js';
import { createSqlitePatientNoticeStore, createSqliteStaffNoticeStore } from './outreach-store.js';
import { createSqliteDraftUpdateStore } from './draft-update-store.js';
import { createSqliteMemberInvitationStore } from './member-invitation-store.js';
import { createSqliteResponseLookup } from './response-lookup.js';
import type { WalSync } from './wal-sync.js';
import { changeHooksOf } from './change-hooks.js';
import { createReadCache } from './read-cache.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';
import { createSqliteStaffStore } from './staff-store.js';
import { createSqliteRateLimits } from './sqlite-rate-limits.js';
import { createSqliteDataAdminStore } from './data-admin-store.js';
import { createSqliteWebhookEvents, createSqliteWebhookQueue, createSqliteWebhookStore } from './sqlite-webhook-store.js';
import { createSqliteDispatchQueue, createSqliteMailOutbox, type OutboxMode } from './sqlite-mail-outbox.js';

export interface SqliteStoresOptions {
  /** Ids of audit rows and outbox rows; random UUIDs unless a test wants them predictable. */
  ids?: IdGenerator;
  /** The injected clock. */
  now?: () => Date;
  /** Seals the secret of a queued e-mail (an invitation code) under a key outside the database; see mail/secret-box.ts. */
  box?: SecretBox;
  /** `pending` when a dispatcher sends the outbox (SMTP), `held` for the development outbox (the default). */
  mailMode?: OutboxMode;
  /** Called after a commit that queued an e-mail, to wake the dispatcher. */
  onMailQueued?: () => void;
  /** Called after a commit that queued a webhook delivery, to wake the webhook dispatcher. */
  onWebhookQueued?: () => void;
  /**
   * Flushes the write-ahead log off the event loop (wal-sync.ts): recorded answers then commit
   * without an fsync inside COMMIT and are acknowledged once this has flushed the log. Without it
   * every commit fsyncs on the event loop (`synchronous = FULL`).
   */
  wal?: Pick<WalSync, 'sync'>;
}

/**
 * Every store on one better-sqlite3 connection (opened and migrated by `openDatabase`), each built
 * once. Every write runs synchronously inside its own transaction, writes its audit row there
 * (`writeAuditEntry`) and never awaits inside one.
 *
 * @example
 * const stores = createSqliteStores(openDatabase({ file: ':memory:' }).db);
 * await stores.ping();
 */
export function createSqliteStores(db: Database.Database, options: SqliteStoresOptions = {}): Stores {
  const hooks = changeHooksOf(db);
  const ids = options.ids ?? uuidGenerator;
  const now = options.now ?? (() => new Date());
  const mail = createSqliteMailOutbox(db, {
    now,
    newId: () => ids.newId(),
    ...(options.box ? { box: options.box } : {}),
    ...(options.mailMode ? { mode: options.mailMode } : {}),
    ...(options.onMailQueued ? { onQueued: options.onMailQueued } : {}),
  });
  const webhookWake = options.onWebhookQueued ? { onQueued: options.onWebhookQueued } : {};
  const webhooks = createSqliteWebhookEvents(db, webhookWake);
  const sealing = { ids, ...(options.box ? { box: options.box } : {}) };
  const ping = db.prepare('SELECT 1 AS ok');
  // Every request reads its caller's memberships, and a patient's every request their enrollments:
  // kept for a moment, and forgotten inside any write of this connection that changes them
  // (change-hooks.ts); another process's writes are seen when the entry expires (one second).
  const accounts = createSqliteAccountsStore(db, { ids });
  const care = createSqliteCareStore(db, { mail, webhooks, ...(options.wal ? { groupCommit: { wal: options.wal } } : {}) });
  const memberships = createReadCache<Awaited<ReturnType<typeof accounts.listMemberships>>>();
  const enrollments = createReadCache<Awaited<ReturnType<typeof care.listEnrollmentsOfPatient>>>();
  // A patient's every answer also reads the unit (its time zone, its organisation for the audit row).
  const units = createReadCache<Awaited<ReturnType<typeof care.getUnit>>>();
  hooks.onAccessChanged((personId) => memberships.forget(personId));
  hooks.onEnrollmentsChanged((patientId) => enrollments.forget(patientId));
  hooks.onUnitChanged((unitId) => units.forget(unitId));
  const listMemberships = accounts.listMemberships.bind(accounts);
  const listEnrollmentsOfPatient = care.listEnrollmentsOfPatient.bind(care);
  const getUnit = care.getUnit.bind(care);
  return {
    audit: createSqliteAuditLog(db),
    accounts: { ...accounts, listMemberships: (personId) => memberships.get(personId, () => listMemberships(personId)) },
    memberInvitations: createSqliteMemberInvitationStore(db, { ids, mail }),
    apiTokens: createSqliteApiTokenStore(db, { ids }),
    externalIdentities: createSqliteExternalIdentityStore(db, { ids }),
    secondFactors: createSqliteSecondFactorStore(db, { ids }),
    authoring: createSqliteAuthoringStore(db),
    media: createSqliteMediaStore(db, { ids }),
    drafts: createSqliteDraftUpdateStore(db, () => now().toISOString()),
    care: { ...care, listEnrollmentsOfPatient: (patientId) => enrollments.get(patientId, () => listEnrollmentsOfPatient(patientId)), getUnit: (unitId) => units.get(unitId, () => getUnit(unitId)) },
    responses: createSqliteResponseLookup(db),
    staff: createSqliteStaffStore(db, { ids, mail }),
    dataAdmin: createSqliteDataAdminStore(db),
    alertSafety: createSqliteAlertSafetyStore(db, { mail, webhooks }),
    patientSchedules: createSqlitePatientScheduleStore(db, { webhooks }),
    versionMoves: createSqliteVersionMoveStore(db),
    patientNotices: createSqlitePatientNoticeStore(db, { mail }),
    staffNotices: createSqliteStaffNoticeStore(db, { mail }),
    mailOutbox: mail,
    mailQueue: createSqliteDispatchQueue(db, options.box),
    rateLimits: createSqliteRateLimits(db),
    webhooks: createSqliteWebhookStore(db, { ...sealing, ...webhookWake }),
    webhookQueue: createSqliteWebhookQueue(db, sealing),
    async ping() {
      ping.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
