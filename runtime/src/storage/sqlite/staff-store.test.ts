import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createSequentialIds } from '../../ids.js';
import { runStaffStoreContract } from '../contract/staff-store.contract.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';
import { createSqliteStaffStore } from './staff-store.js';

function harness(file: string) {
  const { db } = openDatabase({ file });
  const audit = createSqliteAuditLog(db);
  const unit = db.prepare("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, intake_deployment_id, created_at, updated_at) VALUES (?, ?, ?, 1, 'Europe/Stockholm', '{}', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return {
    staff: createSqliteStaffStore(db, { ids: createSequentialIds('audit-staff') }),
    accounts: createSqliteAccountsStore(db, { ids: createSequentialIds('audit') }),
    createUnit: async (id: string, organisationId: string) => {
      unit.run(id, organisationId, `Unit ${id}`);
    },
    readAudit: () => audit.list({ limit: 1000 }),
    close: async () => {
      db.close();
    },
  };
}

runStaffStoreContract('sqlite in memory', async () => harness(':memory:'));

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

runStaffStoreContract('sqlite file (WAL)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'careloom-staff-'));
  folders.push(folder);
  return harness(join(folder, 'test.sqlite'));
});
