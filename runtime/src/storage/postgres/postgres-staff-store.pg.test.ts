import { createSequentialIds } from '../../ids.js';
import { runStaffStoreContract } from '../contract/staff-store.contract.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { createPostgresStaffStore } from './postgres-staff-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runStaffStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  const mail = createPostgresMailOutbox(pool, { now: () => new Date(), newId: () => 'unused' });
  return {
    staff: createPostgresStaffStore(pool, { mail, ids: createSequentialIds('audit-staff') }),
    accounts: createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') }),
    createUnit: async (id: string, organisationId: string) => {
      await pool.query(
        "INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, intake_deployment_id, created_at, updated_at) VALUES ($1, $2, $3, 1, 'Europe/Stockholm', '{}', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
        [id, organisationId, `Unit ${id}`],
      );
    },
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => undefined,
  };
});
