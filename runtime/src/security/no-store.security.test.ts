// Issue 9, finding 10: 15 of 18 patient-data GETs sent no Cache-Control, so a browser or a proxy
// could keep patient lists, answers and messages on disk for the next person at a shared computer.
// Now every API answer is `Cache-Control: no-store` (error answers included) unless the route chose
// its own caching for content that is not patient data. The routes are enumerated from the running
// app, so a GET added later is checked without anyone adding it here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../integration/http-client.js';
import { deployPanicProgram, startSecurityServer, type SecurityServer } from './security-server.js';

/**
 * GET routes whose successful answers may be cached, and how: none of them carries patient data.
 * Released module content is the same for every patient on a version (revalidated on each use, so a
 * lost access is noticed); an example is a public document. Their refusals are no-store like all.
 */
const OWN_CACHING: Readonly<Record<string, string>> = {
  '/api/me/module-versions/:moduleId/:version': 'private, no-cache',
  '/api/care/enrollments/:enrollmentId/module-versions/:moduleId/:version': 'private, no-cache',
  '/api/examples/:id': 'no-cache',
};

/** Route prefixes whose answers are patient data: each of their GETs must be reached with a 2xx here. */
const PATIENT_DATA = /^\/api\/(care|me|dev)\//;

let security: SecurityServer;
const sessions: Record<string, HttpSession> = {};
const params: Record<string, string> = { moduleId: 'phq-9', version: '1', id: 'phq-9', n: '1' };

beforeAll(async () => {
  security = await startSecurityServer();
  const { unitId, deploymentId } = await deployPanicProgram(security);
  for (const key of ['therapist', 'care-admin', 'designer', 'permissions-admin']) sessions[key] = await security.login(key);
  const therapist = sessions['therapist']!;
  const enrolled = await therapist.call('POST', `/api/care/units/${unitId}/enrollments`, { deploymentId, patient: { name: 'Cilla Cache', email: 'cilla@example.org' } });
  const { enrollment, invitation } = enrolled.body as { enrollment: { id: string }; invitation: { code: string } };
  const patient = new HttpSession(security.server.url);
  const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'cilla has a long password' });
  expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
  patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
  params['patientId'] = (redeemed.body as { person: { id: string } }).person.id;
  sessions['patient'] = patient;
  // Some patient data on every list: an answer, a message each way.
  const phq9 = Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`phq9_${index + 1}`, 'severalDays']));
  await patient.call('POST', `/api/me/enrollments/${enrollment.id}/responses`, { formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: phq9, completes: true, answeredAt: new Date().toISOString() });
  await patient.call('POST', `/api/me/enrollments/${enrollment.id}/messages`, { body: 'Hello' });
  await therapist.call('POST', `/api/care/enrollments/${enrollment.id}/messages`, { body: 'Hello Cilla' });
  // The unit publishes an intake questionnaire, so its public page answers too.
  const admin = sessions['care-admin']!;
  const intake = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: 'phq-9', version: 1 });
  await admin.call('PATCH', `/api/care/units/${unitId}`, { intake: { deploymentId: (intake.body as { id: string }).id } });
  // A webhook subscription (to an event nothing here causes) for its delivery log, and the deployed program for the research export.
  const hook = await admin.call('POST', `/api/care/providers/${admin.organisationIds[0]!}/webhooks`, { url: 'https://records.example.org/careloom', eventTypes: ['enrollment.ended'] });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  Object.assign(params, { webhookId: (hook.body as { subscription: { id: string } }).subscription.id, documentId: 'panic-icbt-8-weeks', file: 'codebook.csv' });
  Object.assign(params, { unitId, enrollmentId: enrollment.id, orgId: admin.organisationIds[0]!, organisationId: admin.organisationIds[0]! });
}, 90_000);

afterAll(async () => {
  await security.close();
});

function apiGets(): string[] {
  return [...new Set(security.server.app.routes.filter((route) => route.method === 'GET' && route.path.startsWith('/api/')).map((route) => route.path))];
}

function concrete(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `unknown-${name}`);
}

async function get(session: HttpSession | undefined, path: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (session?.cookie) headers['Cookie'] = session.cookie;
  return fetch(`${security.server.url}${path}`, { headers });
}

describe('Cache-Control on every API GET', () => {
  it('finds the patient-data routes the issue counted, and more', () => {
    expect(apiGets().filter((path) => PATIENT_DATA.test(path)).length).toBeGreaterThanOrEqual(18);
  });

  it('is no-store for every caller and every outcome, unless the route keeps released or public content', async () => {
    const failures: string[] = [];
    const reached = new Set<string>();
    for (const path of apiGets()) {
      for (const [who, session] of [['anonymous', undefined], ...Object.entries(sessions)] as Array<[string, HttpSession | undefined]>) {
        const response = await get(session, concrete(path));
        await response.body?.cancel();
        if (response.status < 300) reached.add(path);
        const expected = (response.status < 400 ? OWN_CACHING[path] : undefined) ?? 'no-store';
        const cacheControl = response.headers.get('Cache-Control');
        if (cacheControl !== expected) failures.push(`${path} as ${who} (${response.status}): ${cacheControl ?? 'no Cache-Control'}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: every patient-data GET answered someone with its data.
    expect(apiGets().filter((path) => PATIENT_DATA.test(path) && !reached.has(path))).toEqual([]);
  }, 60_000);

  it('is no-store on refusals of patient data too (unknown ids, wrong roles, no session)', async () => {
    for (const [session, path] of [
      [undefined, `/api/care/units/${params['unitId']}/patients`],
      [sessions['designer'], `/api/care/units/${params['unitId']}/patients`],
      [sessions['therapist'], '/api/care/enrollments/no-such-enrollment'],
      [sessions['patient'], '/api/me/enrollments/no-such-enrollment/program'],
    ] as const) {
      const response = await get(session, path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    }
  });
});
