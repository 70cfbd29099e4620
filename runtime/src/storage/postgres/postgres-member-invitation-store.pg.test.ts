import { createSequentialIds } from '../../ids.js';
import { runMemberInvitationStoreContract } from '../contract/member-invitation-store.contract.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresAuditLog } from './postgres-audit-log.js';
import { createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { createPostgresMemberInvitationStore } from './postgres-member-invitation-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runMemberInvitationStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  const audit = createPostgresAuditLog(pool);
  const mail = createPostgresMailOutbox(pool, { now: () => new Date(), newId: () => 'unused' });
  return {
    invitations: createPostgresMemberInvitationStore(pool, { mail, ids: createSequentialIds('audit-invitation') }),
    accounts: createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') }),
    readAudit: () => audit.list({ limit: 1000 }),
    readMailIds: async () => (await pool.query<{ id: string }>('SELECT id FROM mail_outbox ORDER BY seq')).rows.map((row) => row.id),
    close: async () => undefined,
  };
});
