import { beforeAll, describe, expect, it } from 'vitest';
import { assertValidR4 } from '../domain/fhir/r4-validator.testing.js';
import { expectStatus, phq9Answers, responseBody } from '../testing/care-scenario.js';
import { createStaffTestApp, seedStaffDatabase } from '../testing/staff-test-app.js';

let seeded: Awaited<ReturnType<typeof seedStaffDatabase>>;
beforeAll(async () => {
  seeded = await seedStaffDatabase();
});

interface Entry {
  fullUrl: string;
  resource: Record<string, unknown> & { resourceType: string; id: string };
}

describe('the data administrator\'s export of one patient as FHIR R4', () => {
  it('is a valid R4 collection Bundle: Patient, episode, every answer with its scores, alerts, messages and who read them', { timeout: 120_000 }, async () => {
    const t = await createStaffTestApp(seeded);
    const therapist = await t.login('therapist');
    const enrolled = expectStatus(await t.call(therapist, 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: t.scenario.panicDeploymentId, patient: { name: 'Fhir Fredriksson', email: 'fhir-fredriksson@example.org' } }), 201) as { enrollment: { id: string }; invitation: { code: string } };
    expectStatus(await t.call(undefined, 'POST', '/api/public/invitations/redeem', { code: enrolled.invitation.code, password: 'fredrik long password' }), 200);
    const patient = await t.login('fhir-fredriksson', 'fredrik long password');
    const enrollmentId = enrolled.enrollment.id;
    expectStatus(await t.call(patient, 'POST', `/api/me/enrollments/${enrollmentId}/responses`, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true })), 201);
    expectStatus(await t.call(patient, 'POST', `/api/me/enrollments/${enrollmentId}/messages`, { body: 'I slept badly all week' }), 201);
    expectStatus(await t.call(therapist, 'POST', `/api/care/enrollments/${enrollmentId}/messages`, { body: 'Thank you, I will call you' }), 201);
    expectStatus(await t.call(therapist, 'GET', `/api/care/enrollments/${enrollmentId}/responses`), 200);
    const alertId = (t.care.db.prepare('SELECT id FROM alerts WHERE enrollment_id = ?').get(enrollmentId) as { id: string }).id;
    expectStatus(await t.call(therapist, 'POST', `/api/care/alerts/${alertId}/acknowledge`, { action: { kind: 'contacted' } }), 200);
    const patientId = (t.care.db.prepare('SELECT id FROM people WHERE email = ?').get('fhir-fredriksson@example.org') as { id: string }).id;

    const admin = await t.login('data-admin');
    const response = await t.request(`/api/data/providers/care-1/patients/${patientId}/export?format=fhir`, { headers: { Cookie: `careloom_session=${admin.cookie}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bundle = (await response.json()) as { resourceType: string; type: string; entry: Entry[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    await assertValidR4(bundle);
    for (const entry of bundle.entry) await assertValidR4(entry.resource);

    const of = (type: string) => bundle.entry.filter((entry) => entry.resource.resourceType === type).map((entry) => entry.resource);
    expect(of('Patient')).toEqual([expect.objectContaining({ id: patientId, name: [{ text: 'Fhir Fredriksson' }], telecom: [{ system: 'email', value: 'fhir-fredriksson@example.org' }] })]);
    expect(of('EpisodeOfCare')).toEqual([expect.objectContaining({ id: enrollmentId, status: 'active', patient: { reference: `Patient/${patientId}` } })]);
    const [answers] = of('QuestionnaireResponse');
    expect(answers).toMatchObject({ status: 'completed', subject: { reference: `Patient/${patientId}` } });
    expect(JSON.stringify(answers)).toContain('"linkId":"phq9_9"');
    const phq9 = of('Observation').find((observation) => JSON.stringify(observation['code']).includes('44261-6'));
    const stored = JSON.parse((t.care.db.prepare('SELECT scores FROM responses WHERE enrollment_id = ?').get(enrollmentId) as { scores: string }).scores) as Array<{ instrumentId: string; total: number }>;
    expect(phq9).toMatchObject({ status: 'final', valueQuantity: { value: stored[0]!.total }, derivedFrom: [{ reference: `QuestionnaireResponse/${String(answers!['id'])}` }] });
    // The item-9 alert, acknowledged: an inactive Flag pointing at the answers that raised it.
    const flags = of('Flag');
    expect(flags.length).toBeGreaterThan(0);
    const flag = flags.find((candidate) => candidate.id === alertId)!;
    expect(flag).toMatchObject({ status: 'inactive', subject: { reference: `Patient/${patientId}` }, period: { start: expect.any(String), end: expect.any(String) } });
    expect(JSON.stringify(flag['extension'])).toContain(`QuestionnaireResponse/${String(answers!['id'])}`);
    expect(of('Communication').map((message) => [(message['payload'] as Array<{ contentString: string }>)[0]!.contentString, (message['sender'] as { reference?: string }).reference ?? 'care'])).toEqual([
      ['I slept badly all week', `Patient/${patientId}`],
      ['Thank you, I will call you', 'care'],
    ]);
    const reads = of('AuditEvent');
    expect(reads.some((read) => JSON.stringify(read['agent']).includes('"display":"therapist"'))).toBe(true);
    expect(new Set(bundle.entry.map((entry) => entry.fullUrl)).size).toBe(bundle.entry.length);

    // The export is audited with what it held, and no answer or name in the row.
    const row = t.care.db.prepare("SELECT actor_id, details FROM audit_log WHERE action = 'patient.export' AND patient_id = ?").get(patientId) as { actor_id: string; details: string };
    expect(row.actor_id).toBe('person-data-admin');
    expect(JSON.parse(row.details)).toMatchObject({ format: 'fhir', resources: { Patient: 1, QuestionnaireResponse: 1, Communication: 2 } });
    expect(row.details).not.toContain('Fredriksson');
  });

  it('is refused to a therapist, another provider\'s data admin, and for a patient of another provider', async () => {
    const t = await createStaffTestApp(seeded);
    expect((await t.call(await t.login('therapist'), 'GET', '/api/data/providers/care-1/patients/person-patient/export?format=fhir')).status).toBe(403);
    expect((await t.call(await t.login('other-data-admin'), 'GET', '/api/data/providers/care-1/patients/person-patient/export?format=fhir')).status).toBe(404);
    expect((await t.call(await t.login('data-admin'), 'GET', '/api/data/providers/care-1/patients/person-nobody/export?format=fhir')).status).toBe(404);
    expect((await t.call(await t.login('data-admin'), 'GET', '/api/data/providers/care-1/patients/person-patient/export?format=FHIR')).status).toBe(422);
  });
});
