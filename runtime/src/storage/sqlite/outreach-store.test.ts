import { createSequentialIds } from '../../ids.js';
import { OUTREACH_FIXTURE, runOutreachStoreContract } from '../contract/outreach-store.contract.js';
import { openDatabase } from './open-database.js';
import { createSqliteMailOutbox } from './sqlite-mail-outbox.js';
import { createSqlitePatientNoticeStore, createSqliteStaffNoticeStore } from './outreach-store.js';

runOutreachStoreContract('sqlite', async () => {
  const { db } = openDatabase({ file: ':memory:' });
  for (const sql of OUTREACH_FIXTURE) db.exec(sql);
  const ids = createSequentialIds('outbox');
  const mail = createSqliteMailOutbox(db, { now: () => new Date('2026-03-02T08:00:00.000Z'), newId: () => ids.newId() });
  return {
    notices: createSqlitePatientNoticeStore(db, { mail }),
    staff: createSqliteStaffNoticeStore(db, { mail }),
    run: async (sql) => void db.exec(sql),
    count: async (sql) => (db.prepare(sql).get() as { n: number }).n,
  };
});
