// Issue 9, finding 9: deeply nested JSON (10,000 levels) got a 500 ("Maximum call stack size
// exceeded") on the anonymous intake, on a patient's answers and on a therapist's plan. Now the one
// body reader every route uses refuses nesting deeper than MAX_JSON_DEPTH with a 400 problem+json
// before anything recursive sees the value, refuses "__proto__" keys, and the server stays healthy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../http/json-body.js';
import { HttpSession } from '../integration/http-client.js';
import { deployPanicProgram, startSecurityServer, type SecurityServer } from './security-server.js';

let security: SecurityServer;
let therapist: HttpSession;
let patient: HttpSession;
let unitId = '';
let enrollmentId = '';

beforeAll(async () => {
  security = await startSecurityServer();
  const deployed = await deployPanicProgram(security);
  unitId = deployed.unitId;
  therapist = await security.login('therapist');
  const enrolled = await therapist.call('POST', `/api/care/units/${unitId}/enrollments`, { deploymentId: deployed.deploymentId, patient: { name: 'Nils Nested', email: 'nils@example.org' } });
  const { enrollment, invitation } = enrolled.body as { enrollment: { id: string }; invitation: { code: string } };
  enrollmentId = enrollment.id;
  patient = new HttpSession(security.server.url);
  const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'nils has a long password' });
  patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
}, 60_000);

afterAll(async () => {
  await security.close();
});

/** `levels` objects inside each other around `core`. */
const nestedObjects = (levels: number, core = '1') => `${'{"a":'.repeat(levels)}${core}${'}'.repeat(levels)}`;
/** `levels` arrays inside each other. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
/** A `not` condition `levels` deep, the shape a plan's `when` really nests. */
const nestedCondition = (levels: number) => `${'{"op":"not","condition":'.repeat(levels)}{"op":"answered","item":"x"}${'}'.repeat(levels)}`;

/** Sends raw text as the session would send JSON (cookie, CSRF token, Origin). */
async function sendRaw(session: HttpSession | undefined, method: string, path: string, text: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Origin: new URL(security.server.url).origin };
  if (session?.cookie) headers['Cookie'] = session.cookie;
  if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(`${security.server.url}${path}`, { method, headers, body: text });
  const body = (await response.json()) as { code?: string; issues?: Array<{ code: string; path: string }> };
  return { status: response.status, type: response.headers.get('Content-Type'), body };
}

function routes() {
  return [
    { name: 'the anonymous intake', session: undefined, method: 'POST', path: `/api/public/units/${unitId}/intake`, wrap: (deep: string) => `{"contact":{"name":"A","email":"a@example.org"},"response":${deep}}` },
    { name: "a patient's answers", session: patient, method: 'POST', path: `/api/me/enrollments/${enrollmentId}/responses`, wrap: (deep: string) => `{"formatVersion":1,"clientId":"00000000-0000-4000-8000-000000000000","moduleId":"phq-9","moduleVersion":1,"answeredAt":"2026-03-01T10:00:00Z","answers":${deep}}` },
    { name: "a therapist's plan", session: therapist, method: 'PUT', path: `/api/care/enrollments/${enrollmentId}/plans/copd-daily-report/daily`, wrap: (deep: string) => `{"zones":[{"id":"r","when":${deep}}]}` },
  ] as const;
}

describe('bodies nested 10,000 levels deep', () => {
  it('are refused with 400 problem+json naming the depth, on every route the probe found', async () => {
    for (const route of routes()) {
      for (const deep of [nestedObjects(10_000), nestedArrays(10_000), nestedCondition(10_000)]) {
        const answer = await sendRaw(route.session, route.method, route.path, route.wrap(deep));
        expect(answer.status, `${route.name}: ${JSON.stringify(answer.body)}`).toBe(400);
        expect(answer.type).toBe('application/problem+json; charset=utf-8');
        expect(answer.body.issues?.[0]).toMatchObject({ code: 'body.too_deep', path: '' });
      }
    }
  });

  it('refuses a body of nearly a million brackets without building it, and stays healthy', async () => {
    const answer = await sendRaw(patient, 'POST', `/api/me/enrollments/${enrollmentId}/responses`, '['.repeat(1_000_000));
    expect(answer.status).toBe(400);
    expect((await fetch(`${security.server.url}/health`)).status).toBe(200);
  });

  it('lets nesting up to the limit through to validation, which answers 4xx, never 5xx', async () => {
    for (const route of routes()) {
      // The plan's wrapper takes three levels and the condition's innermost object one more: 128 in all.
      const answer = await sendRaw(route.session, route.method, route.path, route.wrap(nestedCondition(MAX_JSON_DEPTH - 4)));
      expect(answer.status, `${route.name}: ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${route.name}: ${JSON.stringify(answer.body)}`).toBeLessThan(500);
      expect(answer.type).toBe('application/problem+json; charset=utf-8');
    }
  });

  it('refuses a "__proto__" key, however it is escaped, naming where it is', async () => {
    const answer = await sendRaw(therapist, 'PUT', `/api/care/enrollments/${enrollmentId}/plans/copd-daily-report/daily`, '{"zones":[{"id":"r","when":{"op":"answered","item":"x","\\u005f_proto__":{"polluted":true}}}]}');
    expect(answer.status).toBe(400);
    expect(answer.body.issues?.[0]).toMatchObject({ code: 'body.forbidden_key', path: '/zones/0/when/__proto__' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
