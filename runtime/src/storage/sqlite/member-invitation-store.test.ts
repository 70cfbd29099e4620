import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createSequentialIds } from '../../ids.js';
import { runMemberInvitationStoreContract } from '../contract/member-invitation-store.contract.js';
import { createSqliteAccountsStore } from './accounts-store.js';
import { createSqliteMemberInvitationStore } from './member-invitation-store.js';
import { openDatabase } from './open-database.js';
import { createSqliteAuditLog } from './sqlite-audit-log.js';

function harness(file: string) {
  const { db } = openDatabase({ file });
  const audit = createSqliteAuditLog(db);
  return {
    invitations: createSqliteMemberInvitationStore(db, { ids: createSequentialIds('audit-invitation') }),
    accounts: createSqliteAccountsStore(db, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    readMailIds: async () => (db.prepare('SELECT id FROM mail_outbox ORDER BY seq').all() as Array<{ id: string }>).map((row) => row.id),
    close: async () => {
      db.close();
    },
  };
}

runMemberInvitationStoreContract('sqlite in memory', async () => harness(':memory:'));

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

runMemberInvitationStoreContract('sqlite file (WAL)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'careloom-invitations-'));
  folders.push(folder);
  return harness(join(folder, 'test.sqlite'));
});
