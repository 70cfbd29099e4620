// Finding 8 of issue 9 (audit gaps): the patient, alert and referral lists were audited once per
// unit without naming a patient, and refused attempts on patient data were not audited at all.
// Over real HTTP on a database file: every list read leaves one row per patient it showed, so
// "who read patient X's data, when" is one query on audit_log.patient_id; a caller refused a
// patient's enrollment, alert or referral (403/404) leaves a row naming them, the object and the
// answer; a care-provider admin's member list shows staff only, so it reads no patient's data.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createAccountsServices } from '../domain/accounts/accounts-services.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { uuidGenerator } from '../ids.js';
import { HttpSession } from '../integration/http-client.js';
import { startServer, type RunningServer } from '../server.js';
import { createSqliteStores } from '../storage/sqlite/sqlite-stores.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { phq9Answers, responseBody } from '../testing/care-scenario.js';

interface AuditRow {
  at: string;
  actor_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  unit_id: string | null;
  patient_id: string | null;
  request_id: string | null;
  details: string;
}

const dir = mkdtempSync(join(tmpdir(), 'careloom-audit-reads-'));
const file = join(dir, 'careloom.sqlite');
let server: RunningServer;
let auditDb: Database.Database;
let therapist: HttpSession;
let admin: HttpSession;
let clinicId = '';
let otherUnitId = '';
const patients = { petra: { email: 'petra.audit@example.org', personId: '', enrollmentId: '' }, olle: { email: 'olle.audit@example.org', personId: '', enrollmentId: '' } };
let alertId = '';
let referralId = '';
const OTHER_THERAPIST = { email: 'other.therapist@example.org', password: 'another therapist password' };

const demo = (key: string) => DEMO_ACCOUNTS.find((account) => account.email === `${key}@demo.careloom.test`)!;
const login = (key: string) => HttpSession.login(server.url, demo(key).email, demo(key).password);

/** The auditor's one query: every row about a patient, oldest first. */
const rowsAboutPatient = (patientId: string) => auditDb.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE patient_id = ? ORDER BY seq').all(patientId);
const rowsOfRequest = (requestId: string | null) => auditDb.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE request_id = ? ORDER BY seq').all(requestId ?? '');

beforeAll(async () => {
  server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0' }), seedDemoAccounts: true });
  auditDb = new Database(file, { readonly: true });
  admin = await login('care-admin');
  therapist = await login('therapist');
  const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
  clinicId = units.units.find((unit) => unit.name === 'Demo clinic')!.id;
  const providerId = admin.organisationIds[0]!;
  const other = await admin.call('POST', `/api/care/providers/${providerId}/units`, { name: 'Other ward' });
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  otherUnitId = (other.body as { id: string }).id;

  const program = await admin.call('POST', `/api/care/units/${clinicId}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
  expect(program.status, JSON.stringify(program.body)).toBe(201);
  const intake = await admin.call('POST', `/api/care/units/${clinicId}/deployments`, { documentId: 'phq-9', version: 1 });
  expect(intake.status, JSON.stringify(intake.body)).toBe(201);
  expect((await admin.call('PATCH', `/api/care/units/${clinicId}`, { intake: { deploymentId: (intake.body as { id: string }).id } })).status).toBe(200);

  for (const [name, patient] of Object.entries(patients)) {
    const enrolled = await therapist.call('POST', `/api/care/units/${clinicId}/enrollments`, { deploymentId: (program.body as { id: string }).id, patient: { name: `${name} Audit`, email: patient.email } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const body = enrolled.body as { enrollment: { id: string; patientId: string }; invitation: { code: string } };
    patient.enrollmentId = body.enrollment.id;
    patient.personId = body.enrollment.patientId;
    if (name === 'petra') {
      const session = new HttpSession(server.url);
      const redeemed = await session.call('POST', '/api/public/invitations/redeem', { code: body.invitation.code, password: 'petra has a long password' });
      expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
      session.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
      const answered = await session.call('POST', `/api/me/enrollments/${patient.enrollmentId}/responses`, responseBody('phq-9', phq9Answers('moreThanHalf'), { completes: true, answeredAt: new Date().toISOString() }));
      expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    }
  }
  const referred = await new HttpSession(server.url).call('POST', `/api/public/units/${clinicId}/intake`, { contact: { name: 'Sam Self', email: 'sam.audit@example.org' }, response: responseBody('phq-9', phq9Answers('notAtAll'), { answeredAt: new Date().toISOString() }) });
  expect(referred.status, JSON.stringify(referred.body)).toBe(201);
  referralId = (referred.body as { id: string }).id;

  // A therapist of the other ward, set up the way an operator's tool would (no HTTP route grants unit roles).
  const { db } = openDatabase({ file });
  const stores = createSqliteStores(db);
  const store = stores.accounts;
  const { organisations } = createAccountsServices({ store, hasher: createScryptPasswordHasher(), clock: systemClock, ids: uuidGenerator, invitations: { store: stores.memberInvitations, publicUrl: () => 'http://127.0.0.1' } });
  const person = await organisations.ensureAccount({ ...OTHER_THERAPIST, name: 'Otto Other' }, providerId, []);
  await store.grantRole(providerId, person.id, { role: 'therapist', unitId: otherUnitId }, { at: new Date().toISOString() });
  db.close();
}, 60_000);

afterAll(async () => {
  auditDb?.close();
  await server?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('reads of patient data name each patient shown', () => {
  it('the patient list leaves one row per patient, each found by the patient id', async () => {
    const response = await therapist.call('GET', `/api/care/units/${clinicId}/patients`);
    expect(response.status).toBe(200);
    const shown = (response.body as { patients: Array<{ enrollmentId: string; patient: { id: string } }> }).patients;
    expect(shown.map((entry) => entry.patient.id).sort()).toEqual([patients.petra.personId, patients.olle.personId].sort());
    const rows = rowsOfRequest(response.headers.get('x-request-id'));
    expect(rows.map((row) => [row.action, row.actor_id, row.object_id, row.patient_id, row.unit_id]).sort()).toEqual(
      shown.map((entry) => ['patient.read', therapist.personId, entry.enrollmentId, entry.patient.id, clinicId]).sort(),
    );
    for (const patient of Object.values(patients)) {
      expect(rowsAboutPatient(patient.personId).filter((row) => row.request_id === response.headers.get('x-request-id'))).toHaveLength(1);
    }
  });

  it('the alert list names the patient of every alert it shows, and the alerts', async () => {
    const response = await therapist.call('GET', `/api/care/units/${clinicId}/alerts`);
    expect(response.status).toBe(200);
    const alerts = (response.body as { alerts: Array<{ id: string; enrollmentId: string; patient: { id: string } }> }).alerts;
    expect(alerts.length).toBeGreaterThan(0);
    alertId = alerts[0]!.id;
    const rows = rowsOfRequest(response.headers.get('x-request-id'));
    expect(rows).toHaveLength(new Set(alerts.map((alert) => alert.enrollmentId)).size);
    for (const alert of alerts) {
      const row = rows.find((candidate) => candidate.patient_id === alert.patient.id && candidate.object_id === alert.enrollmentId);
      expect(row, `audit row for alert ${alert.id}`).toBeDefined();
      expect(row).toMatchObject({ action: 'patient.read', actor_id: therapist.personId });
      expect(JSON.parse(row!.details)).toMatchObject({ read: 'alerts', alertIds: expect.arrayContaining([alert.id]) });
    }
    expect(rows.every((row) => row.patient_id === patients.petra.personId)).toBe(true);
  });

  it('the referral list leaves one row per referral shown', async () => {
    const response = await therapist.call('GET', `/api/care/units/${clinicId}/referrals`);
    expect(response.status).toBe(200);
    const referrals = (response.body as { referrals: Array<{ id: string }> }).referrals;
    expect(referrals.map((referral) => referral.id)).toContain(referralId);
    const rows = rowsOfRequest(response.headers.get('x-request-id'));
    expect(rows.map((row) => [row.action, row.actor_id, row.object_type, row.object_id]).sort()).toEqual(referrals.map((referral) => ['patient.read', therapist.personId, 'referral', referral.id]).sort());
  });

  it('a care-provider admin reading the members list is shown staff only: no patient name, address or id to audit', async () => {
    const providerId = admin.organisationIds[0]!;
    const response = await admin.call('GET', `/api/organisations/${providerId}/members`);
    expect(response.status).toBe(200);
    const members = (response.body as { members: Array<{ person: { id: string; email: string } }> }).members;
    expect(members.map((member) => member.person.email)).toContain(demo('therapist').email);
    const text = JSON.stringify(response.body);
    for (const patient of Object.values(patients)) {
      // Petra has taken her invitation up, so she holds the patient role at this provider.
      expect(text).not.toContain(patient.email);
      expect(text).not.toContain(patient.personId);
    }
    expect(rowsOfRequest(response.headers.get('x-request-id')).filter((row) => row.patient_id !== null)).toEqual([]);
  });

  it('the audit rows hold ids, never names, e-mail addresses or answers', () => {
    const all = auditDb.prepare<[], { details: string; object_id: string | null }>("SELECT details, object_id FROM audit_log WHERE action = 'patient.read'").all();
    const text = JSON.stringify(all);
    for (const secret of ['petra', 'olle', 'Sam Self', 'sam.audit@', 'moreThanHalf', 'notAtAll']) expect(text).not.toContain(secret);
  });
});

describe('refused attempts on patient data are audited', () => {
  it('a therapist of another unit asking for a patient gets 404 and leaves a row naming them, the patient and the answer', async () => {
    const other = await HttpSession.login(server.url, OTHER_THERAPIST.email, OTHER_THERAPIST.password);
    const before = rowsAboutPatient(patients.petra.personId).length;
    const attempts = [
      { path: `/api/care/enrollments/${patients.petra.enrollmentId}`, objectType: 'enrollment', objectId: patients.petra.enrollmentId },
      { path: `/api/care/enrollments/${patients.petra.enrollmentId}/responses`, objectType: 'enrollment', objectId: patients.petra.enrollmentId },
      { path: `/api/care/units/${clinicId}/patients`, objectType: 'unit', objectId: clinicId },
    ];
    for (const attempt of attempts) {
      const response = await other.call('GET', attempt.path);
      expect(response.status).toBe(404);
      const rows = rowsOfRequest(response.headers.get('x-request-id'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'access.refused', actor_id: other.personId, object_type: attempt.objectType, object_id: attempt.objectId });
      expect(JSON.parse(rows[0]!.details)).toMatchObject({ outcome: 'not_found' });
    }
    const acknowledged = await other.call('POST', `/api/care/alerts/${alertId}/acknowledge`);
    expect(acknowledged.status).toBe(404);
    expect(rowsOfRequest(acknowledged.headers.get('x-request-id'))).toMatchObject([{ action: 'access.refused', actor_id: other.personId, object_type: 'alert', object_id: alertId, patient_id: patients.petra.personId }]);
    const declined = await other.call('POST', `/api/care/referrals/${referralId}/decline`);
    expect(declined.status).toBe(404);
    expect(rowsOfRequest(declined.headers.get('x-request-id'))).toMatchObject([{ action: 'access.refused', actor_id: other.personId, object_type: 'referral', object_id: referralId }]);
    // The auditor's one query now shows the attempts on Petra beside the reads of her data.
    const refused = rowsAboutPatient(patients.petra.personId).slice(before).filter((row) => row.action === 'access.refused');
    expect(refused.map((row) => row.object_type)).toEqual(['enrollment', 'enrollment', 'alert']);
    expect(refused.every((row) => row.actor_id === other.personId)).toBe(true);
  });

  it('a care-provider admin asking for a patient\'s answers gets 403, audited as forbidden', async () => {
    const response = await admin.call('GET', `/api/care/enrollments/${patients.olle.enrollmentId}/responses`);
    expect(response.status).toBe(403);
    const rows = rowsOfRequest(response.headers.get('x-request-id'));
    expect(rows).toMatchObject([{ action: 'access.refused', actor_id: admin.personId, object_type: 'enrollment', object_id: patients.olle.enrollmentId, patient_id: patients.olle.personId }]);
    expect(JSON.parse(rows[0]!.details)).toMatchObject({ outcome: 'forbidden' });
  });

  it('an unknown id is audited with what was tried, cut to a bounded length', async () => {
    const id = 'x'.repeat(5000);
    const response = await therapist.call('GET', `/api/care/enrollments/${id}`);
    expect(response.status).toBe(404);
    const rows = rowsOfRequest(response.headers.get('x-request-id'));
    expect(rows).toMatchObject([{ action: 'access.refused', actor_id: therapist.personId, object_type: 'enrollment', patient_id: null }]);
    expect(rows[0]!.object_id!.length).toBeLessThanOrEqual(200);
  });

  it('a patient asking for another patient\'s enrollment is audited; an anonymous caller (401) names no actor and is not', async () => {
    const petra = await HttpSession.login(server.url, patients.petra.email, 'petra has a long password');
    const response = await petra.call('GET', `/api/me/enrollments/${patients.olle.enrollmentId}/program`);
    expect(response.status).toBe(404);
    expect(rowsOfRequest(response.headers.get('x-request-id'))).toMatchObject([{ action: 'access.refused', actor_id: petra.personId, object_id: patients.olle.enrollmentId, patient_id: patients.olle.personId }]);
    const anonymous = await new HttpSession(server.url).call('GET', `/api/care/enrollments/${patients.olle.enrollmentId}`);
    expect(anonymous.status).toBe(401);
    expect(rowsOfRequest(anonymous.headers.get('x-request-id'))).toEqual([]);
  });

  it('the audit log stays append-only', () => {
    const writer = new Database(file);
    try {
      expect(() => writer.prepare("UPDATE audit_log SET actor_id = 'someone else' WHERE action = 'access.refused'").run()).toThrow(/append-only/);
      expect(() => writer.prepare("DELETE FROM audit_log WHERE action = 'patient.read'").run()).toThrow(/append-only/);
    } finally {
      writer.close();
    }
  });
});
