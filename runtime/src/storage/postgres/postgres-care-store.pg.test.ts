import { describe, expect, it } from 'vitest';
import type { QueuedMail } from '../../domain/care/ports.js';
import { runCareStoreContract } from '../contract/care-store.contract.js';
import { createPostgresCareStore } from './postgres-care-store.js';
import { createPostgresMailOutbox } from './postgres-mail-outbox.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();

/** The contract's fixture: a care provider, a therapist, a patient and a module version 1. */
const FIXTURE = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher', 'publisher', 'x'), ('care-1', 'care-1', 'Care', 'care_provider', 'x')",
  "INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ('person-therapist', 't@example.org', 'Therapist', 'h', 'x', 'x'), ('person-patient', 'p@example.org', 'Patient', 'h', 'x', 'x')",
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('phq-9', 'org-a', 'module', 'PHQ-9', 'person-therapist', 'x', 'x')",
  `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('phq-9', 1, '{}', '${'f'.repeat(64)}', '', 'person-therapist', '[]', 0, 'x')`,
  "INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES ('phq-9', 1, 'submitted', 'x', 'person-therapist')",
];

async function fixture() {
  const { pool } = await fresh.open();
  for (const sql of FIXTURE) await pool.query(sql);
  return pool;
}

runCareStoreContract(async () => {
  const pool = await fixture();
  const outbox = createPostgresMailOutbox(pool, { now: () => new Date(), newId: () => 'unused' });
  let failing = false;
  return {
    store: createPostgresCareStore(pool, {
      mail: {
        stage: async (client, mail) => {
          if (failing) throw new Error('connection lost');
          await outbox.stage(client, mail);
        },
        notify: () => undefined,
      },
    }),
    organisationId: 'care-1',
    therapistId: 'person-therapist',
    patientId: 'person-patient',
    moduleId: 'phq-9',
    auditActions: async () => (await pool.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')).rows.map((row) => row.action),
    queuedMail: async () => (await pool.query<QueuedMail>('SELECT id, to_address AS "to", subject, text, organisation_id AS "organisationId", created_at AS "createdAt" FROM mail_outbox ORDER BY seq')).rows,
    failMail: (value) => {
      failing = value;
    },
  };
});

describe('the PostgreSQL care schema', () => {
  it('refuses to change or delete a recorded response, even with raw SQL', async () => {
    const pool = await fixture();
    const store = createPostgresCareStore(pool, { mail: createPostgresMailOutbox(pool, { now: () => new Date(), newId: () => 'x' }) });
    await pool.query("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'U', 1, 'UTC', '{}', 'x', 'x')");
    await pool.query(`INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'u', 'module', 'phq-9', 1, 'PHQ-9', '${'b'.repeat(64)}', '[]', 'active', 'x', 'person-therapist')`);
    await pool.query("INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'u', 'd', 'person-patient', 'active', '2026-03-02', 'x', '[]', 'person-therapist', 'x', 'x')");
    await store.recordResponse({
      response: { id: 'r', enrollmentId: 'e', clientId: 'c', bodyHash: 'c'.repeat(64), moduleId: 'phq-9', moduleVersion: 1, pageId: null, registrationId: null, answers: {}, completes: false, answeredAt: 'x', receivedAt: 'x', localDate: '2026-03-02', scores: [], zones: [] },
      alerts: [],
      audit: { id: 'a', at: 'x', actorId: null, actorRole: null, action: 'response.record', objectType: 'response', objectId: 'r', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} },
    });
    await expect(pool.query("UPDATE responses SET answers = '{\"q\":1}' WHERE id = 'r'")).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM responses WHERE id = 'r'")).rejects.toThrow(/append-only/);
    await expect(pool.query("UPDATE enrollments SET started_on = '2026-04-01' WHERE id = 'e'")).rejects.toThrow(/stays on/);
    // A deployment changes only with a recorded version move (migration 070).
    await expect(pool.query("UPDATE enrollments SET deployment_id = 'd2' WHERE id = 'e'")).rejects.toThrow(/recorded version move/);
  });
});
