import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.js';
import { createCareTestApp } from '../../testing/care-test-app.js';
import { runCareStoreContract } from '../contract/care-store.contract.js';
import type { QueuedMail } from '../../domain/care/ports.js';
import { createSqliteCareStore } from './care-store.js';
import { outboxWriter } from './sqlite-mail-outbox.js';

runCareStoreContract(async () => {
  const { db } = await createCareTestApp();
  const write = outboxWriter(db, 'held');
  let failing = false;
  const stage = (mail: QueuedMail) => {
    if (failing) throw new Error('disk I/O error');
    write(mail);
  };
  return {
    store: createSqliteCareStore(db, { mail: { stage, notify: () => undefined } }),
    organisationId: 'care-1',
    therapistId: 'person-therapist',
    patientId: 'person-patient',
    moduleId: 'phq-9',
    auditActions: async () => (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((row) => row.action),
    queuedMail: async () => (db.prepare('SELECT id, to_address AS "to", subject, text, organisation_id AS organisationId, created_at AS createdAt FROM mail_outbox ORDER BY seq').all() as QueuedMail[]),
    failMail: (value) => {
      failing = value;
    },
  };
});

describe('the SQLite care schema', () => {
  it('refuses to change or delete a recorded response, even with raw SQL', async () => {
    const t = await createCareTestApp();
    const store = createSqliteCareStore(t.db);
    t.db.prepare("INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u', 'care-1', 'U', 1, 'UTC', '{}', 'x', 'x')").run();
    const deployment = t.db.prepare("INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'u', 'module', 'phq-9', 1, 'PHQ-9', ?, '[]', 'active', 'x', 'person-therapist')");
    deployment.run('b'.repeat(64));
    t.db.prepare("INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'u', 'd', 'person-patient', 'active', '2026-03-02', 'x', '[]', 'person-therapist', 'x', 'x')").run();
    await store.recordResponse({
      response: { id: 'r', enrollmentId: 'e', clientId: 'c', bodyHash: 'c'.repeat(64), moduleId: 'phq-9', moduleVersion: 1, pageId: null, registrationId: null, answers: {}, completes: false, answeredAt: 'x', receivedAt: 'x', localDate: '2026-03-02', scores: [], zones: [] },
      alerts: [],
      audit: { id: 'a', at: 'x', actorId: null, actorRole: null, action: 'response.record', objectType: 'response', objectId: 'r', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} },
    });
    expect(() => t.db.prepare("UPDATE responses SET answers = '{\"q\":1}' WHERE id = 'r'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare("DELETE FROM responses WHERE id = 'r'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare("UPDATE enrollments SET started_on = '2026-04-01' WHERE id = 'e'").run()).toThrow(/stays on/);
    // A deployment changes only with a recorded version move (migration 110).
    expect(() => t.db.prepare("UPDATE enrollments SET deployment_id = 'd' WHERE id = 'e'").run()).toThrow(/recorded version move/);
  });
});

describe('the SQLite care store and the audit details guard', () => {
  const audit = (id: string, details: Record<string, unknown>) => ({ id, at: '2026-03-02T08:00:00.000Z', actorId: 'person-care-admin', actorRole: 'care_provider_admin' as const, action: 'unit.create', objectType: 'unit', objectId: 'u-new', organisationId: 'care-1', unitId: 'u-new', patientId: null, requestId: null, ip: null, details });
  const unit = { id: 'u-new', organisationId: 'care-1', name: 'New unit', active: true, timeZone: 'UTC', settings: {}, intakeDeploymentId: null, createdAt: 'x', updatedAt: 'x' };
  const rows = (t: { db: Database.Database }) => ({
    units: (t.db.prepare("SELECT count(*) AS n FROM care_units WHERE id = 'u-new'").get() as { n: number }).n,
    audit: (t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE object_id IN ('u-new', 'r-new')").get() as { n: number }).n,
    responses: (t.db.prepare("SELECT count(*) AS n FROM responses WHERE id = 'r-new'").get() as { n: number }).n,
  });

  it('refuses a write whose audit details hold a secret, a name or an answer, and keeps neither the change nor the row', async () => {
    const t = await createCareTestApp();
    const store = createSqliteCareStore(t.db);
    for (const details of [{ password: 'x' }, { name: 'New unit' }, { changedBy: 'admin@example.org' }]) {
      const error = await store.createUnit({ unit, audit: audit('a-unit', details) }).catch((caught: unknown) => caught);
      expect(isDomainError(error, 'invalid')).toBe(true);
    }
    expect(rows(t)).toMatchObject({ units: 0, audit: 0 });
    await store.createUnit({ unit, audit: audit('a-unit', { timeZone: 'UTC' }) });
    expect(rows(t)).toMatchObject({ units: 1, audit: 1 });
  });

  it('refuses a response whose audit row carries the answers, without storing the response', async () => {
    const t = await createCareTestApp();
    const store = createSqliteCareStore(t.db);
    t.db.prepare("INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'unit-1', 'module', 'phq-9', 1, 'PHQ-9', ?, '[]', 'active', 'x', 'person-therapist')").run('b'.repeat(64));
    t.db.prepare("INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at) VALUES ('e', 'unit-1', 'd', 'person-patient', 'active', '2026-03-02', 'x', '[]', 'person-therapist', 'x', 'x')").run();
    const error = await store.recordResponse({
      response: { id: 'r-new', enrollmentId: 'e', clientId: 'c', bodyHash: 'c'.repeat(64), moduleId: 'phq-9', moduleVersion: 1, pageId: null, registrationId: null, answers: { q1: 2 }, completes: false, answeredAt: 'x', receivedAt: 'x', localDate: '2026-03-02', scores: [], zones: [] },
      alerts: [],
      audit: { ...audit('a-response', { answers: { q1: 2 } }), action: 'response.record', objectType: 'response', objectId: 'r-new' },
    }).catch((caught: unknown) => caught);
    expect(isDomainError(error, 'invalid')).toBe(true);
    expect(rows(t)).toMatchObject({ responses: 0, audit: 0 });
  });
});
