import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReleasedContent } from '../../domain/care/released-content.js';
import { createFhirService } from '../../domain/fhir/fhir-service.js';
import { assertValidR4 } from '../../domain/fhir/r4-validator.testing.js';
import type { AppEnv } from '../../http/app-env.js';
import { carePrincipal, createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import { fhirRoutes } from './fhir-r4.js';

const BASE = 'http://careloom.test/fhir/r4';
let t: CareTestApp;
let responseId: string;
let fhir: Hono<AppEnv>;

async function get(who: string | undefined, path: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fhir.request(path, { headers: who ? { 'x-test-principal': who } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

function auditRows(action: string): Array<{ actor_id: string; patient_id: string; details: string }> {
  return t.db.prepare('SELECT actor_id, patient_id, details FROM audit_log WHERE action = ? ORDER BY rowid').all(action) as Array<{ actor_id: string; patient_id: string; details: string }>;
}

beforeAll(async () => {
  t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  for (const [item9, at] of [['notAtAll', '2026-03-02T08:30:00.000Z'], ['severalDays', '2026-03-09T08:30:00.000Z'], ['nearlyEveryDay', '2026-03-16T08:30:00.000Z']] as const) {
    t.clock.set(new Date(Date.parse(at) + 60_000));
    const recorded = expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${scenario.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers(item9), { completes: true, answeredAt: at })), 201);
    responseId = recorded['id'] as string;
  }
  const service = createFhirService({ care: t.stores.care, responses: t.stores.responses, content: createReleasedContent(t.stores.authoring), canonicalBase: () => BASE, now: () => t.clock.now(), newId: () => crypto.randomUUID() });
  fhir = new Hono<AppEnv>();
  fhir.use('*', async (c, next) => {
    c.set('requestId', 'req-fhir');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', carePrincipal(who));
    await next();
  });
  fhir.route('/', fhirRoutes({ fhir: service, now: () => t.clock.now() }));
});

const ROLES = ['anonymous', 'designer', 'care-admin', 'other-admin', 'therapist', 'other-therapist', 'patient', 'other-patient'];
const PATIENT_DATA = { anonymous: 401, designer: 403, 'care-admin': 403, 'other-admin': 403, patient: 403, 'other-patient': 403 };

describe('/fhir/r4: every route × every role, refusals as OperationOutcome', () => {
  const cases: Array<{ name: string; path: () => string; expect: Record<string, number> }> = [
    { name: 'metadata', path: () => '/fhir/r4/metadata', expect: Object.fromEntries(ROLES.map((role) => [role, 200])) },
    { name: 'read a Questionnaire', path: () => '/fhir/r4/Questionnaire/phq-9-1', expect: { ...Object.fromEntries(ROLES.map((role) => [role, 200])), anonymous: 401 } },
    { name: 'search Questionnaires', path: () => `/fhir/r4/Questionnaire?url=${encodeURIComponent(`${BASE}/Questionnaire/phq-9`)}`, expect: { ...Object.fromEntries(ROLES.map((role) => [role, 200])), anonymous: 401 } },
    { name: 'read a QuestionnaireResponse', path: () => `/fhir/r4/QuestionnaireResponse/${responseId}`, expect: { ...PATIENT_DATA, 'other-therapist': 404, therapist: 200 } },
    { name: 'search QuestionnaireResponses', path: () => '/fhir/r4/QuestionnaireResponse?patient=person-patient', expect: { ...PATIENT_DATA, 'other-therapist': 200, therapist: 200 } },
    { name: 'read an Observation', path: () => `/fhir/r4/Observation/${responseId}-1`, expect: { ...PATIENT_DATA, 'other-therapist': 404, therapist: 200 } },
    { name: 'search Observations', path: () => '/fhir/r4/Observation?patient=Patient/person-patient', expect: { ...PATIENT_DATA, 'other-therapist': 200, therapist: 200 } },
  ];
  for (const endpoint of cases) {
    for (const [role, status] of Object.entries(endpoint.expect).sort(([, a], [, b]) => Number(b >= 400) - Number(a >= 400))) {
      it(`${endpoint.name}: ${role} → ${status}`, async () => {
        const response = await get(role === 'anonymous' ? undefined : role, endpoint.path());
        expect(response.status).toBe(status);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('content-type')).toContain('application/fhir+json');
        if (status >= 400) expect(response.body.resourceType).toBe('OperationOutcome');
        if (role === 'other-therapist' && status === 200 && endpoint.name.startsWith('search') && endpoint.name !== 'search Questionnaires') expect(response.body.total).toBe(0);
      });
    }
  }
});

describe('/fhir/r4 answers', () => {
  it('serves valid R4: the CapabilityStatement, a released Questionnaire and its search', async () => {
    await assertValidR4((await get('therapist', '/fhir/r4/metadata')).body);
    const questionnaire = (await get('therapist', '/fhir/r4/Questionnaire/phq-9-1')).body;
    await assertValidR4(questionnaire);
    expect(questionnaire.url).toBe(`${BASE}/Questionnaire/phq-9`);
    const search = (await get('designer', `/fhir/r4/Questionnaire?url=${encodeURIComponent(`${BASE}/Questionnaire/phq-9`)}&version=1`)).body;
    await assertValidR4(search);
    expect(search.total).toBe(1);
    expect((await get('designer', `/fhir/r4/Questionnaire?url=${encodeURIComponent(`${BASE}/Questionnaire/phq-9`)}&version=7`)).body.total).toBe(0);
    expect((await get('designer', '/fhir/r4/Questionnaire/phq-9-99')).status).toBe(404);
  });

  it('gives a therapist the patient\'s PHQ-9 totals as LOINC 44261-6 Observations, newest first, paged, each read audited per patient', async () => {
    const before = auditRows('patient.read').length;
    const first = (await get('therapist', '/fhir/r4/Observation?patient=person-patient&code=http://loinc.org|44261-6&_count=2')).body as { total: number; entry: Array<{ resource: { valueQuantity: { value: number }; effectiveDateTime: string } }>; link: Array<{ relation: string; url: string }> };
    await assertValidR4(first);
    expect(first.total).toBe(3);
    expect(first.entry.map((entry) => entry.resource.effectiveDateTime)).toEqual(['2026-03-16T08:30:00.000Z', '2026-03-09T08:30:00.000Z']);
    expect(first.entry.map((entry) => entry.resource.valueQuantity.value)).toEqual([15, 13]);
    const next = first.link.find((link) => link.relation === 'next')!.url;
    expect(next).toContain('_offset=2');
    const second = (await get('therapist', next.replace('http://careloom.test', ''))).body as { entry: unknown[]; link: Array<{ relation: string }> };
    expect(second.entry).toHaveLength(1);
    expect(second.link.some((link) => link.relation === 'next')).toBe(false);
    const rows = auditRows('patient.read').slice(before);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.patient_id === 'person-patient' && row.actor_id === 'person-therapist')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('nearlyEveryDay');
  });

  it('filters by date and questionnaire, and serves the QuestionnaireResponse the Observation is derived from', async () => {
    const march9 = (await get('therapist', '/fhir/r4/QuestionnaireResponse?patient=person-patient&authored=ge2026-03-09&authored=lt2026-03-16')).body as { total: number; entry: Array<{ resource: { id: string } }> };
    await assertValidR4(march9);
    expect(march9.total).toBe(1);
    expect((await get('therapist', `/fhir/r4/QuestionnaireResponse?patient=person-patient&questionnaire=${encodeURIComponent(`${BASE}/Questionnaire/gad-7`)}`)).body.total).toBe(0);
    expect((await get('therapist', `/fhir/r4/QuestionnaireResponse?patient=person-patient&questionnaire=${encodeURIComponent(`${BASE}/Questionnaire/phq-9|1`)}`)).body.total).toBe(3);
    const observation = (await get('therapist', `/fhir/r4/Observation/${responseId}-1`)).body as { derivedFrom: Array<{ reference: string }> };
    await assertValidR4(observation);
    const derived = await get('therapist', `/fhir/r4/${observation.derivedFrom[0]!.reference}`);
    expect(derived.status).toBe(200);
    await assertValidR4(derived.body);
  });

  it('refuses bad searches with an OperationOutcome naming the parameter, and audits a refused read', async () => {
    for (const query of ['patient=person-patient&_count=0', 'patient=person-patient&_count=1000', 'patient=person-patient&date=yesterday', 'patient=person-patient&date=ge9999-01-01', 'code=44261-6', 'patient=person-patient&subjekt=x', 'patient=a&patient=b']) {
      const response = await get('therapist', `/fhir/r4/Observation?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.body.resourceType).toBe('OperationOutcome');
      await assertValidR4(response.body);
    }
    const refusedBefore = auditRows('access.refused').length;
    expect((await get('other-therapist', `/fhir/r4/QuestionnaireResponse/${responseId}`)).status).toBe(404);
    expect(auditRows('access.refused').slice(refusedBefore)).toEqual([expect.objectContaining({ actor_id: 'person-other-therapist', patient_id: 'person-patient' })]);
    expect((await get('therapist', '/fhir/r4/Patient/person-patient')).status).toBe(404);
  });
});
