import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiTokenService } from '../domain/api-tokens/api-tokens.js';
import { createReleasedContent } from '../domain/care/released-content.js';
import { DomainError } from '../domain/errors.js';
import { createFhirService } from '../domain/fhir/fhir-service.js';
import { assertValidR4 } from '../domain/fhir/r4-validator.testing.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { CARE_ROLES, carePrincipal, createCareTestApp } from '../testing/care-test-app.js';
import type { CareTestApp } from '../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../testing/care-scenario.js';
import { apiTokenRoutes } from './api-tokens.js';
import { fhirRoutes } from './fhir/fhir-r4.js';

const BASE = 'http://careloom.test/fhir/r4';
const ALL_ROLES = ['anonymous', ...CARE_ROLES];
let t: CareTestApp;
let app: Hono<AppEnv>;
let responseId: string;

async function call(who: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { ...headers, ...(who ? { 'x-test-principal': who } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
  const response = await app.request(path, { method, headers: all, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>, headers: response.headers };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createToken(input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const created = await call('care-admin', 'POST', '/api/care/providers/care-1/api-tokens', input);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: (created.body.token as { id: string }).id, secret: created.body.secret as string };
}

function auditRows(action: string): Array<{ actor_id: string | null; organisation_id: string | null; patient_id: string | null; object_id: string; details: string }> {
  return t.db.prepare('SELECT actor_id, organisation_id, patient_id, object_id, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as never;
}

beforeAll(async () => {
  t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  for (const [item9, at] of [['notAtAll', '2026-03-02T08:30:00.000Z'], ['nearlyEveryDay', '2026-03-09T08:30:00.000Z']] as const) {
    t.clock.set(new Date(Date.parse(at) + 60_000));
    responseId = expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${scenario.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers(item9), { completes: true, answeredAt: at })), 201)['id'] as string;
  }
  const apiTokens = createApiTokenService({ store: t.stores.apiTokens, care: t.stores.care, now: () => t.clock.now(), newId: () => crypto.randomUUID() });
  const fhir = createFhirService({ care: t.stores.care, responses: t.stores.responses, content: createReleasedContent(t.stores.authoring), canonicalBase: () => BASE, now: () => t.clock.now(), newId: () => crypto.randomUUID() });
  app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-token');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', carePrincipal(who));
    await next();
  });
  app.route('/', apiTokenRoutes({ apiTokens, clientIp: () => '192.0.2.9' }));
  app.route('/', fhirRoutes({ fhir, now: () => t.clock.now(), clientIp: () => '192.0.2.9', authenticateToken: (token, request) => apiTokens.authenticate(token, request) }));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    throw error;
  });
});

describe('API token routes: every route × every role', () => {
  const adminOnly = (success: number) => ({ ...Object.fromEntries(ALL_ROLES.map((role) => [role, 403])), anonymous: 401, 'other-admin': 404, 'care-admin': success });
  const cases: Array<{ name: string; method: string; path: () => Promise<string>; body?: unknown; expect: Record<string, number> }> = [
    { name: 'list', method: 'GET', path: async () => '/api/care/providers/care-1/api-tokens', expect: adminOnly(200) },
    { name: 'create', method: 'POST', path: async () => '/api/care/providers/care-1/api-tokens', body: { name: 'Record system', scopes: ['patient-data.read'] }, expect: adminOnly(201) },
    { name: 'revoke', method: 'DELETE', path: async () => `/api/care/providers/care-1/api-tokens/${(await createToken({ name: 'To revoke', scopes: ['questionnaires.read'] })).id}`, expect: adminOnly(204) },
  ];
  for (const endpoint of cases) {
    it(`${endpoint.name}: covers every role`, () => expect(Object.keys(endpoint.expect).sort()).toEqual([...ALL_ROLES].sort()));
    for (const [role, status] of Object.entries(endpoint.expect)) {
      it(`${endpoint.name}: ${role} → ${status}`, async () => {
        const response = await call(role === 'anonymous' ? undefined : role, endpoint.method, await endpoint.path(), endpoint.body);
        expect(response.status, JSON.stringify(response.body)).toBe(status);
        if (status >= 400) expect(response.body).toMatchObject({ status });
      });
    }
  }
  it('another provider\'s admin cannot revoke, and the token keeps working', async () => {
    const token = await createToken({ name: 'Kept', scopes: ['questionnaires.read'] });
    expect((await call('other-admin', 'DELETE', `/api/care/providers/care-2/api-tokens/${token.id}`)).status).toBe(404);
    expect((await call(undefined, 'GET', '/fhir/r4/Questionnaire/phq-9-1', undefined, bearer(token.secret))).status).toBe(200);
  });
});

describe('creating a token', () => {
  it('shows the token once, keeps only its SHA-256, and lists it without either', async () => {
    const created = await call('care-admin', 'POST', '/api/care/providers/care-1/api-tokens', { name: 'Journal', scopes: ['patient-data.read', 'questionnaires.read'], unitIds: ['unit-1'] });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^clk_[A-Za-z0-9_-]{43}$/);
    const id = (created.body.token as { id: string }).id;
    const stored = t.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as Record<string, unknown>;
    expect(stored.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await call('care-admin', 'GET', '/api/care/providers/care-1/api-tokens');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain(stored.token_hash as string);
    expect((listed.body.tokens as Array<Record<string, unknown>>).find((token) => token.id === id)).toMatchObject({ name: 'Journal', unitIds: ['unit-1'], lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(auditRows('api_token.create'))).not.toContain(secret);
  });

  it('refuses another provider\'s unit, an unknown scope, no scope, a year-9999 expiry and a nameless token, and stores nothing', async () => {
    const before = (t.db.prepare('SELECT count(*) AS n FROM api_tokens').get() as { n: number }).n;
    const refusals: Array<[unknown, string]> = [
      [{ name: 'X', scopes: ['patient-data.read'], unitIds: ['unit-3'] }, '/unitIds/0'],
      [{ name: 'X', scopes: ['patient-data.write'] }, '/scopes/0'],
      [{ name: 'X', scopes: [] }, '/scopes'],
      [{ name: 'X', scopes: ['patient-data.read'], expiresAt: '9999-12-31T00:00:00Z' }, '/expiresAt'],
      [{ name: '   ', scopes: ['patient-data.read'] }, '/name'],
      [{ name: 'X', scopes: ['patient-data.read'], organisationId: 'care-2' }, ''],
    ];
    for (const [body, path] of refusals) {
      const response = await call('care-admin', 'POST', '/api/care/providers/care-1/api-tokens', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      if (path) expect(JSON.stringify(response.body.issues)).toContain(path);
    }
    expect((t.db.prepare('SELECT count(*) AS n FROM api_tokens').get() as { n: number }).n).toBe(before);
  });
});

describe('/fhir/r4 with an API token', () => {
  it('reads the patient\'s Observations within the token\'s scope, audited per patient and never cached', async () => {
    const token = await createToken({ name: 'Journal', scopes: ['patient-data.read'] });
    const reads = auditRows('patient.read').length;
    const search = await call(undefined, 'GET', '/fhir/r4/Observation?patient=Patient/person-patient&code=http://loinc.org|44261-6', undefined, bearer(token.secret));
    expect(search.status, JSON.stringify(search.body)).toBe(200);
    expect(search.headers.get('cache-control')).toBe('no-store');
    await assertValidR4(search.body);
    const observations = (search.body.entry as Array<{ resource: { subject: { reference: string }; valueQuantity: { value: number } } }>).map((entry) => entry.resource);
    expect(observations).toHaveLength(2);
    expect(observations.every((observation) => observation.subject.reference === 'Patient/person-patient')).toBe(true);
    const read = await call(undefined, 'GET', `/fhir/r4/Observation/${responseId}-1`, undefined, bearer(token.secret));
    expect(read.status).toBe(200);
    const rows = auditRows('patient.read').slice(reads);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ actor_id: null, organisation_id: 'care-1', patient_id: 'person-patient' });
      expect(JSON.parse(row.details)).toMatchObject({ integration: token.id });
    }
    const uses = auditRows('api_token.use').filter((row) => row.object_id === token.id);
    expect(uses.map((row) => JSON.parse(row.details).path)).toEqual(['/fhir/r4/Observation', `/fhir/r4/Observation/${responseId}-1`]);
    const listed = (await call('care-admin', 'GET', '/api/care/providers/care-1/api-tokens')).body.tokens as Array<{ id: string; lastUsedAt: string | null }>;
    expect(listed.find((entry) => entry.id === token.id)?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('serves nothing outside the token\'s units, scopes or provider, and audits the refusal', async () => {
    const unitTwo = await createToken({ name: 'Unit two only', scopes: ['patient-data.read', 'questionnaires.read'], unitIds: ['unit-2'] });
    expect((await call(undefined, 'GET', '/fhir/r4/Observation?patient=person-patient', undefined, bearer(unitTwo.secret))).body.total).toBe(0);
    expect((await call(undefined, 'GET', `/fhir/r4/QuestionnaireResponse/${responseId}`, undefined, bearer(unitTwo.secret))).status).toBe(404);
    expect(auditRows('access.refused').some((row) => JSON.parse(row.details).integration === unitTwo.id)).toBe(true);
    const questionnairesOnly = await createToken({ name: 'Forms', scopes: ['questionnaires.read'] });
    expect((await call(undefined, 'GET', '/fhir/r4/Questionnaire/phq-9-1', undefined, bearer(questionnairesOnly.secret))).status).toBe(200);
    const refused = await call(undefined, 'GET', '/fhir/r4/Observation?patient=person-patient', undefined, bearer(questionnairesOnly.secret));
    expect(refused.status).toBe(403);
    expect(refused.body.resourceType).toBe('OperationOutcome');
    const patientOnly = await createToken({ name: 'Data', scopes: ['patient-data.read'] });
    expect((await call(undefined, 'GET', '/fhir/r4/Questionnaire/phq-9-1', undefined, bearer(patientOnly.secret))).status).toBe(403);
    // The token speaks for itself: a therapist's session on the same request does not widen it.
    expect((await call('therapist', 'GET', `/fhir/r4/QuestionnaireResponse/${responseId}`, undefined, bearer(unitTwo.secret))).status).toBe(404);
  });

  it('refuses an unknown, malformed, revoked or expired token with 401, never as anonymous', async () => {
    const token = await createToken({ name: 'Short-lived', scopes: ['patient-data.read', 'questionnaires.read'], expiresAt: new Date(t.clock.now().getTime() + 3600_000).toISOString() });
    expect((await call(undefined, 'GET', '/fhir/r4/metadata', undefined, bearer(token.secret))).status).toBe(200);
    for (const header of [`Bearer clk_${'A'.repeat(43)}`, 'Bearer nonsense', `Basic ${token.secret}`, 'Bearer ']) {
      const response = await call(undefined, 'GET', '/fhir/r4/metadata', undefined, { authorization: header });
      expect(response.status, header).toBe(401);
      expect(response.body.resourceType).toBe('OperationOutcome');
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    }
    t.clock.set(new Date(t.clock.now().getTime() + 3600_000));
    expect((await call(undefined, 'GET', '/fhir/r4/metadata', undefined, bearer(token.secret))).status).toBe(401);
    const live = await createToken({ name: 'Revoked', scopes: ['questionnaires.read'] });
    expect((await call('care-admin', 'DELETE', `/api/care/providers/care-1/api-tokens/${live.id}`)).status).toBe(204);
    expect((await call(undefined, 'GET', '/fhir/r4/Questionnaire/phq-9-1', undefined, bearer(live.secret))).status).toBe(401);
    expect((await call('care-admin', 'DELETE', `/api/care/providers/care-1/api-tokens/${live.id}`)).status).toBe(404);
  });
});
