// What the store's own work for one recorded response costs, measured in this process on a copy of
// the database the recording runs wrote: the attempt in progress read and the response + audit rows
// (+ the enrollment's last activity) written with the real SQLite care store, sixteen writers per
// group commit as under wrk's sixteen connections, with synchronous = OFF so the fsyncs (off the
// event loop in the server) do not count. Set beside bare Hono's CPU per request it shows what is
// left of a 0.5× budget for HTTP, the session, the checks and the scoring.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { createUuidV7Ids } from '@careloom/server/ids';
import { createSqliteCareStore } from '@careloom/server/sqlite-care-store';

export interface StoreFloor {
  /** CPU (user + system) of this process per recorded response, microseconds. */
  cpuPerResponseUs: number;
  responses: number;
}

/** Runs `rounds` × 16 recordings on a copy of `databaseFile` (the server stopped) for `enrollmentId`. */
export async function storeFloor(databaseFile: string, enrollmentId: string, rounds = 600): Promise<StoreFloor> {
  const copy = `${databaseFile}.floor`;
  copyFileSync(databaseFile, copy);
  if (existsSync(`${databaseFile}-wal`)) copyFileSync(`${databaseFile}-wal`, `${copy}-wal`);
  const db = new Database(copy);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    // As in the server, whose checkpoints run in a thread of their own (wal-checkpointer.ts).
    db.pragma('wal_autocheckpoint = 0');
    const store = createSqliteCareStore(db);
    // The server's ids (time-ordered); the client ids are random, as a patient's device makes them.
    const ids = createUuidV7Ids();
    const enrollment = db.prepare('SELECT e.id, e.unit_id, e.patient_id, u.organisation_id FROM enrollments e JOIN care_units u ON u.id = e.unit_id WHERE e.id = ?').get(enrollmentId) as { id: string; unit_id: string; patient_id: string; organisation_id: string };
    const last = db.prepare('SELECT * FROM responses WHERE enrollment_id = ? ORDER BY seq DESC LIMIT 1').get(enrollmentId) as { module_id: string; module_version: number; answers: string; scores: string; answered_at: string; local_date: string; body_hash: string };
    const one = async () => {
      await store.openAttempt(enrollment.id, last.module_id);
      const at = new Date().toISOString();
      const id = ids.newId();
      await store.recordResponse({
        response: { id, enrollmentId: enrollment.id, clientId: crypto.randomUUID(), bodyHash: last.body_hash, moduleId: last.module_id, moduleVersion: last.module_version, pageId: null, registrationId: null, answers: JSON.parse(last.answers), completes: true, answeredAt: last.answered_at, receivedAt: at, localDate: last.local_date, scores: JSON.parse(last.scores), zones: [] },
        alerts: [],
        audit: { id: ids.newId(), at, actorId: enrollment.patient_id, actorRole: 'patient', action: 'response.record', objectType: 'response', objectId: id, organisationId: enrollment.organisation_id, unitId: enrollment.unit_id, patientId: enrollment.patient_id, requestId: ids.newId(), ip: '127.0.0.1', details: { enrollmentId: enrollment.id, moduleId: last.module_id, moduleVersion: last.module_version, completes: true, alertCount: 0 } },
      });
    };
    const round = () => Promise.all(Array.from({ length: 16 }, one));
    for (let warm = 0; warm < 100; warm += 1) await round();
    const before = process.cpuUsage();
    for (let index = 0; index < rounds; index += 1) await round();
    const used = process.cpuUsage(before);
    return { cpuPerResponseUs: (used.user + used.system) / (rounds * 16), responses: rounds * 16 };
  } finally {
    db.close();
  }
}
