// The care path over real HTTP on a database file (or a PostgreSQL schema under npm run test:pg), with the demo seed: a care admin deploys the
// released panic program, a therapist enrolls a patient, the patient redeems the invitation and
// answers, the therapist acknowledges the alert and messages; after a restart nothing is lost.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { startServer, type RunningServer } from '../server.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { HttpSession } from './http-client.js';

const dir = mkdtempSync(join(tmpdir(), 'careloom-care-'));
const file = join(dir, 'careloom.sqlite');
const servers: RunningServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<RunningServer> {
  const server = await startServer({ config: loadConfig({ ...(await testDatabaseEnv(file)), CARELOOM_PORT: '0' }), seedDemoAccounts: true });
  servers.push(server);
  return server;
}

const login = (server: RunningServer, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

function phq9(item9: string) {
  const answers: Record<string, string> = {};
  for (let item = 1; item <= 8; item += 1) answers[`phq9_${item}`] = 'severalDays';
  answers['phq9_9'] = item9;
  return answers;
}

describe('care over HTTP with the demo seed', () => {
  let enrollmentId = '';
  let alertId = '';

  it('runs the path from deployment to an acknowledged alert and a message', { timeout: 60_000 }, async () => {
    const server = await start();
    const admin = await login(server, 'care-admin');
    const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string; active: boolean; settings: Record<string, string> }> };
    const clinic = units.units.find((unit) => unit.name === 'Demo clinic')!;
    expect(clinic).toMatchObject({ active: true, settings: { crisisPhone: '112' } });
    const catalog = (await admin.call('GET', '/api/catalog')).body as { entries: Array<{ id: string; currentVersion: number | null }> };
    expect(catalog.entries.find((entry) => entry.id === 'panic-icbt-8-weeks')).toMatchObject({ currentVersion: 1 });
    const deployment = await admin.call('POST', `/api/care/units/${clinic.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
    expect(deployment.status, JSON.stringify(deployment.body)).toBe(201);

    const therapist = await login(server, 'therapist');
    const enrolled = await therapist.call('POST', `/api/care/units/${clinic.id}/enrollments`, { deploymentId: (deployment.body as { id: string }).id, patient: { name: 'Petra Patient', email: 'petra@example.org' } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const { enrollment, invitation } = enrolled.body as { enrollment: { id: string }; invitation: { code: string; url: string } };
    enrollmentId = enrollment.id;
    expect(invitation.url).toBe(`${server.url}/#/invite/${invitation.code}?lang=en`);

    const patient = new HttpSession(server.url);
    const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'petra has a long password' });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
    expect((await new HttpSession(server.url).call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'another long password' })).status).toBe(404);

    const answered = await patient.call('POST', `/api/me/enrollments/${enrollmentId}/responses`, { formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: phq9('moreThanHalf'), completes: true, answeredAt: new Date().toISOString() });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);

    const alerts = (await therapist.call('GET', `/api/care/units/${clinic.id}/alerts`)).body as { alerts: Array<{ id: string; kind: string }> };
    expect(alerts.alerts.map((alert) => alert.kind)).toEqual(['item']);
    alertId = alerts.alerts[0]!.id;
    expect((await therapist.call('POST', `/api/care/alerts/${alertId}/acknowledge`, { action: { kind: 'risk_assessed' } })).status).toBe(200);
    expect((await therapist.call('POST', `/api/care/enrollments/${enrollmentId}/messages`, { body: 'Call me today, please.' })).status).toBe(201);
    await server.close();
  });

  it('keeps everything after a restart, and seeds nothing twice', { timeout: 60_000 }, async () => {
    const server = await start();
    const therapist = await login(server, 'therapist');
    const detail = (await therapist.call('GET', `/api/care/enrollments/${enrollmentId}`)).body as { alerts: Array<{ id: string; acknowledgedAt?: string }>; unit: { id: string } };
    expect(detail.alerts).toMatchObject([{ id: alertId, acknowledgedAt: expect.any(String) }]);
    const responses = (await therapist.call('GET', `/api/care/enrollments/${enrollmentId}/responses`)).body as { responses: Array<{ scores: Array<{ total: number }> }> };
    expect(responses.responses[0]!.scores[0]!.total).toBe(10);
    const messages = (await therapist.call('GET', `/api/care/enrollments/${enrollmentId}/messages`)).body as { messages: Array<{ body: string }> };
    expect(messages.messages.map((message) => message.body)).toEqual(['Call me today, please.']);
    const admin = await login(server, 'care-admin');
    const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ name: string }> };
    expect(units.units.filter((unit) => unit.name === 'Demo clinic')).toHaveLength(1);
    const outbox = (await admin.call('GET', '/api/dev/outbox')).body as { messages: Array<{ to: string; subject: string }> };
    expect(outbox.messages.some((message) => message.to === 'petra@example.org' && message.subject.includes('invitation'))).toBe(true);
  });

  it('gives an integrating system the patient\'s Observations over /fhir/r4 with an API token', { timeout: 60_000 }, async () => {
    const server = await start();
    const therapist = await login(server, 'therapist');
    const detail = (await therapist.call('GET', `/api/care/enrollments/${enrollmentId}`)).body as { enrollment?: { patientId: string; unitId: string }; patientId?: string; unit: { id: string } };
    const patientId = detail.enrollment?.patientId ?? detail.patientId;
    expect(patientId).toEqual(expect.any(String));
    const admin = await login(server, 'care-admin');
    const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; organisationId: string }> };
    const unit = units.units.find((candidate) => candidate.id === detail.unit.id)!;
    const created = await admin.call('POST', `/api/care/providers/${unit.organisationId}/api-tokens`, { name: 'Record system', scopes: ['patient-data.read'], unitIds: [unit.id] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { secret, token } = created.body as { secret: string; token: { id: string } };
    const fhir = await fetch(`${server.url}/fhir/r4/Observation?patient=Patient/${patientId}&code=http://loinc.org|44261-6`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('cache-control')).toBe('no-store');
    const bundle = (await fhir.json()) as { total: number; entry: Array<{ resource: { valueQuantity: { value: number }; subject: { reference: string } } }> };
    expect(bundle.total).toBe(1);
    expect(bundle.entry[0]!.resource).toMatchObject({ valueQuantity: { value: 10 }, subject: { reference: `Patient/${patientId}` } });
    const listed = (await admin.call('GET', `/api/care/providers/${unit.organisationId}/api-tokens`)).body as { tokens: Array<{ id: string; lastUsedAt: string | null }> };
    expect(listed.tokens.find((entry) => entry.id === token.id)?.lastUsedAt).toEqual(expect.any(String));
    expect((await admin.call('DELETE', `/api/care/providers/${unit.organisationId}/api-tokens/${token.id}`)).status).toBe(204);
    expect((await fetch(`${server.url}/fhir/r4/Observation?patient=${patientId}`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(401);
    await server.close();
  });
});
