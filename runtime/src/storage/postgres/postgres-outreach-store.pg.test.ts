import { createSequentialIds } from '../../ids.js';
import { OUTREACH_FIXTURE, runOutreachStoreContract } from '../contract/outreach-store.contract.js';
import { createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { createPostgresPatientNoticeStore, createPostgresStaffNoticeStore } from './postgres-outreach-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

runOutreachStoreContract('postgresql', async () => {
  const { pool } = await fresh.open();
  for (const sql of OUTREACH_FIXTURE) await pool.query(sql);
  const ids = createSequentialIds('outbox');
  const mail = createPostgresMailOutbox(pool, { now: () => new Date('2026-03-02T08:00:00.000Z'), newId: () => ids.newId() });
  return {
    notices: createPostgresPatientNoticeStore(pool, { mail }),
    staff: createPostgresStaffNoticeStore(pool, { mail }),
    run: async (sql) => void (await pool.query(sql)),
    count: async (sql) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n),
  };
});
