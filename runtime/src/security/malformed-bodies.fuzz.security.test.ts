// Issue 9, "done when": a bounded, seeded fuzz test sends at least 5,000 malformed bodies across
// every write route and sees no 5xx and no crash. The routes are the running app's own (POST, PUT,
// PATCH, DELETE under /api), joined with their OpenAPI body schemas, so a route added later is
// fuzzed without anyone listing it here. Each request is signed in as a role that gets past
// authentication and CSRF, so the body reaches the reader and the validators. Bodies: wrong types,
// missing and unknown fields, huge strings, deep nesting, unusual Unicode and raw bytes, invalid
// JSON, wrong content types, numbers like 1e309, dates in year 0000 and 9999, and prototype keys.
// The app runs over a real SQLite file (startServer); requests go through `app.request()` for
// speed, and the listening server must still answer /health at the end.
import { get } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../integration/http-client.js';
import { apiValidator } from '../http/api-schemas.js';
import { API_OPERATIONS } from '../routes/openapi.js';
import { createRecordingLogger } from '../testing/recording-logger.js';
import { deployPanicProgram, startSecurityServer, type SecurityServer } from './security-server.js';

/** Fixed so a failure can be replayed; change it to explore further. */
const SEED = 20_260_309;
const MIN_BODIES = 5_000;
/** At least this many per route; more when there are few routes, to reach MIN_BODIES with a margin. */
const MIN_BODIES_PER_ROUTE = 100;

const logger = createRecordingLogger();
let security: SecurityServer;
const sessions: Record<string, HttpSession> = {};
const params: Record<string, string> = {};

beforeAll(async () => {
  security = await startSecurityServer({ logger });
  const { unitId, deploymentId } = await deployPanicProgram(security);
  for (const key of ['therapist', 'care-admin', 'designer', 'publisher', 'tester', 'permissions-admin']) sessions[key] = await security.login(key);
  // A second session of its own for routes that end sessions, so the others stay signed in.
  sessions['leaving'] = await security.login('tester');
  const therapist = sessions['therapist']!;
  const enrolled = await therapist.call('POST', `/api/care/units/${unitId}/enrollments`, { deploymentId, patient: { name: 'Fuzzy Patient', email: 'fuzzy@example.org' } });
  const { enrollment, invitation } = enrolled.body as { enrollment: { id: string }; invitation: { code: string } };
  const patient = new HttpSession(security.server.url);
  const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'fuzzy has a long password' });
  patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
  sessions['patient'] = patient;
  // A deployment of its own for the bodiless withdraw route, and a module of the designer's own.
  const admin = sessions['care-admin']!;
  const spare = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: 'phq-9', version: 1 });
  await sessions['designer']!.call('POST', '/api/modules', { kind: 'module', id: 'fuzz-module', title: 'Fuzz', language: 'en' });
  Object.assign(params, {
    unitId,
    enrollmentId: enrollment.id,
    deploymentId: (spare.body as { id: string }).id,
    organisationId: admin.organisationIds[0]!,
    orgId: sessions['permissions-admin']!.organisationIds[0]!,
    id: 'fuzz-module',
    n: '1',
    moduleId: 'phq-9',
    registrationId: 'daily',
  });
}, 120_000);

afterAll(async () => {
  await security.close();
});

interface WriteRoute {
  method: string;
  path: string;
  properties: string[];
  role: string | undefined;
}

/** Who sends a route's requests: a role that passes authentication (anonymous for public routes). */
function roleFor(path: string): string | undefined {
  if (path.startsWith('/api/public/') || path === '/api/auth/login') return undefined;
  if (path === '/api/auth/logout') return 'leaving';
  if (path.startsWith('/api/me/')) return 'patient';
  if (/^\/api\/care\/(providers|deployments)|^\/api\/care\/units\/:unitId(\/deployments)?$/.test(path)) return 'care-admin';
  if (path.startsWith('/api/care/')) return 'therapist';
  if (path.includes('/transitions')) return 'publisher';
  if (path.includes('/test-enrollments')) return 'tester';
  if (path.startsWith('/api/modules') || path.startsWith('/api/media/')) return 'designer';
  if (path.startsWith('/api/organisations')) return 'permissions-admin';
  return 'therapist';
}

/** Every write route the app answers, with the fields its OpenAPI body schema names. */
function writeRoutes(): WriteRoute[] {
  const seen = new Set<string>();
  const routes: WriteRoute[] = [];
  for (const route of security.server.app.routes) {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) || !route.path.startsWith('/api/')) continue;
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = API_OPERATIONS.find((candidate) => candidate.method === route.method.toLowerCase() && candidate.path === openApiPath);
    const schema = operation?.request ? (apiValidator(operation.request).schema as { properties?: Record<string, unknown> }) : undefined;
    routes.push({ method: route.method, path: route.path, properties: Object.keys(schema?.properties ?? {}), role: roleFor(route.path) });
  }
  // Routes that end a session or take something away go last, so the rest meet live sessions and data.
  const last = (route: WriteRoute) => (route.path === '/api/auth/logout' ? 2 : route.method === 'DELETE' || route.properties.length === 0 ? 1 : 0);
  return routes.sort((a, b) => last(a) - last(b));
}

interface Malformed {
  kind: string;
  contentType: string | undefined;
  body: string | Uint8Array<ArrayBuffer>;
}

const WEIRD_STRINGS = ['', ' ', '\u0000', '\ud800', '\udfff', '\u202e\u0041\u202c', 'e\u0301\u0301\u0301', '\ufeff', '\u{1F9D1}\u200D\u{1F91D}\u200D\u{1F9D1}', 'ǅ', 'İ', '\r\n\t', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '${7*7}', '{{7*7}}'];
const WEIRD_DATES = ['9999-12-31', '0000-01-01', '2026-02-30', '+275760-09-13T00:00:00.000Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T23:59:60Z', '1969-12-31', '-000001-01-01'];
const WEIRD_NUMBERS = ['1e309', '-1e309', '1e-400', '-0', '123456789012345678901234567890', '0.1e99999', '9007199254740993', '1.7976931348623157e308'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', '\\u005f_proto__'];

/** A JSON value of any kind, strings and numbers drawn from the awkward ones above too. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...WEIRD_STRINGS, ...WEIRD_DATES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, [], {}, -1, 0, 2 ** 53, 1.5),
);

/** JSON text of an object with the route's fields (some missing, some unknown), each a value of any type. */
function fieldsText(properties: string[]): fc.Arbitrary<string> {
  const names = [...properties, 'unknownField', 'id', 'status', 'startsOn', 'answeredAt', 'patient', 'zones'];
  return fc
    .array(fc.tuple(fc.constantFrom(...names), fc.oneof(anyValue.map((value) => JSON.stringify(value) ?? 'null'), fc.constantFrom(...WEIRD_NUMBERS), fc.constantFrom(...WEIRD_DATES.map((date) => JSON.stringify(date))))), { maxLength: 8 })
    .map((entries) => `{${entries.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`);
}

function malformedBody(properties: string[]): fc.Arbitrary<Malformed> {
  const json = (kind: string) => (body: string): Malformed => ({ kind, contentType: 'application/json', body });
  const nested = (levels: number, open: string, close: string, core: string) => `${open.repeat(levels)}${core}${close.repeat(levels)}`;
  return fc.oneof(
    { weight: 6, arbitrary: fieldsText(properties).map(json('wrong types and missing or unknown fields')) },
    { weight: 2, arbitrary: anyValue.map((value) => json('a bare value')(JSON.stringify(value) ?? 'null')) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...(properties.length > 0 ? properties : ['body'])), fc.integer({ min: 1_000, max: 300_000 }), fc.constantFrom('x', 'é', '\u{1F600}', '\\n')).map(([name, length, unit]) =>
        json('a huge string')(`{${JSON.stringify(name)}:"${unit.repeat(length)}"}`)),
    },
    { weight: 1, arbitrary: fc.constant(null).map(() => json('a body over the size limit')(`{"a":"${'x'.repeat(1_100_000)}"}`)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...(properties.length > 0 ? properties : ['a'])), fc.integer({ min: 100, max: 20_000 }), fc.constantFrom(['[', ']', '1'], ['{"a":', '}', '1'], ['{"op":"not","condition":', '}', '{"op":"answered","item":"x"}'])).map(([name, levels, [open, close, core]]) =>
        json('deep nesting')(`{${JSON.stringify(name)}:${nested(levels, open!, close!, core!)}}`)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((levels) => json('unclosed nesting')('['.repeat(levels))) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fieldsText(properties)).map(([key, rest]) =>
        json('prototype keys')(`{"${key}":{"isAdmin":true,"roles":["permissions_admin"]},"nested":{"${key}":{"polluted":1}},"rest":${rest}}`)),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('', '{', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":Infinity}', '[1,2', '{"a":"\\x41"}', 'null null', '{"a":1}garbage', '\ufeff{}', '{"a":"\ud800"}', '{"a":01}', 'true', '"', '{"a" 1}').map(json('invalid JSON')),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes): Malformed => ({ kind: 'raw bytes as JSON', contentType: 'application/json', body: new Uint8Array(bytes) })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(undefined, 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/jsonx', 'json', 'application/xml', ''), fieldsText(properties)).map(([contentType, body]): Malformed => ({ kind: 'a wrong content type', contentType, body })),
    },
  );
}

/** GET /health on a new TCP connection (a pooled one may have been closed as idle meanwhile). */
function healthOverFreshConnection(): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${security.server.url}/health`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function send(route: WriteRoute, malformed: Malformed): Promise<number> {
  const session = route.role ? sessions[route.role] : undefined;
  const origin = new URL(security.server.url).origin;
  const headers: Record<string, string> = { Origin: origin };
  if (malformed.contentType !== undefined) headers['Content-Type'] = malformed.contentType;
  if (session?.cookie) headers['Cookie'] = session.cookie;
  if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  // A media library belongs to a publishing organisation: its routes are the designer's, in theirs.
  const own: Record<string, string> = route.path.startsWith('/api/media/') ? { organisationId: sessions['designer']!.organisationIds[0]! } : {};
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent({ ...params, ...own }[name] ?? `fuzz-${name}`));
  const response = await security.server.app.request(`${security.server.url}${path}`, { method: route.method, headers, body: malformed.body });
  await response.arrayBuffer();
  return response.status;
}

describe('malformed bodies on every write route', () => {
  it(`answers ${MIN_BODIES}+ seeded malformed bodies without a 5xx or a crash`, async () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const perRoute = Math.max(MIN_BODIES_PER_ROUTE, Math.ceil((MIN_BODIES * 1.1) / routes.length));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [index, route] of routes.entries()) {
      const bodies = fc.sample(malformedBody(route.properties), { seed: SEED + index, numRuns: perRoute });
      for (const malformed of bodies) {
        const status = await send(route, malformed);
        sent += 1;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) {
          const excerpt = typeof malformed.body === 'string' ? malformed.body.slice(0, 200) : `${malformed.body.byteLength} raw bytes`;
          failures.push(`${route.method} ${route.path} (${malformed.kind}, ${malformed.contentType ?? 'no content type'}) → ${status}: ${excerpt}`);
        }
      }
    }
    expect(failures.slice(0, 20), `${failures.length} of ${sent} answered 5xx`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(MIN_BODIES);
    // The bodies got past authentication and CSRF: most answers are about the body itself.
    const bodyRefusals = [400, 413, 415, 422].reduce((sum, status) => sum + (statuses.get(status) ?? 0), 0);
    expect(bodyRefusals / sent).toBeGreaterThan(0.6);
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
    // No prototype was touched, and the real server is still up.
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await healthOverFreshConnection()).toBe(200);
  }, 180_000);
});
