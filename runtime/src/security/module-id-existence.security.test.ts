// Issue 9, finding 12: 404 texts revealed whether a module id exists in another organisation
// ("There is no such module." for another organisation's module, "There is no module "x"." or,
// over the collaboration WebSocket, "There is no such draft." for none at all), and creating a
// module with an id another organisation uses answered a 409 that said so. Now a designer of another
// organisation gets word-for-word the answer for an id nobody uses, over HTTP and WebSocket, and a
// taken id gets the same 409 whether a colleague or another organisation took it, with a free id.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../integration/http-client.js';
import { deployPanicProgram, OTHER_DESIGNER, startSecurityServer, type SecurityServer } from './security-server.js';

let security: SecurityServer;
let outsider: HttpSession;
let owner: HttpSession;

// A module of the demo publisher, and an id no organisation uses.
const EXISTING = 'phq-9';
const MISSING = 'no-such-module-anywhere';

beforeAll(async () => {
  security = await startSecurityServer({ otherPublisher: true });
  outsider = await HttpSession.login(security.server.url, OTHER_DESIGNER.email, OTHER_DESIGNER.password);
  owner = await security.login('designer');
}, 60_000);

afterAll(async () => {
  await security.close();
});

/** The parts of a problem that could tell two cases apart (not the request id or the path). */
function comparable(response: { status: number; body: unknown; headers: Headers }) {
  const { requestId: _requestId, instance: _instance, ...rest } = (response.body ?? {}) as Record<string, unknown>;
  return { status: response.status, contentType: response.headers.get('Content-Type'), body: rest };
}

/** Status and body of a refused collaboration upgrade. */
function collabRefusal(session: HttpSession, documentName: string): Promise<{ status: number; body: string }> {
  const url = `${security.server.url.replace(/^http/, 'ws')}/collab/${documentName}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { Cookie: session.cookie }, origin: new URL(security.server.url).origin });
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.on('open', () => {
      socket.close();
      reject(new Error(`The upgrade to ${documentName} was accepted.`));
    });
    socket.on('error', () => undefined);
  });
}

describe('a module of another organisation reads exactly like no module at all', () => {
  it('gives the owner the module, so the id is really in use', async () => {
    expect((await owner.call('GET', `/api/modules/${EXISTING}`)).status).toBe(200);
  });

  for (const [method, suffix, body] of [
    ['GET', '', undefined],
    ['GET', '/draft', undefined],
    ['GET', '/versions', undefined],
    ['GET', '/versions/1', undefined],
    ['GET', '/comments', undefined],
    ['GET', '/diff?from=1&to=draft', undefined],
    ['POST', '/comments', { body: 'Hello?' }],
    ['POST', '/versions', { changeNote: 'Mine now' }],
    ['POST', '/versions/1/transitions', { action: 'retire' }],
    ['POST', '/versions/1/test-enrollments', {}],
    ['POST', '/comments/some-comment/resolve', undefined],
  ] as const) {
    it(`${method} /api/modules/{id}${suffix}: same status, type, title and detail`, async () => {
      const elsewhere = await outsider.call(method, `/api/modules/${EXISTING}${suffix}`, body);
      const nowhere = await outsider.call(method, `/api/modules/${MISSING}${suffix}`, body);
      expect(elsewhere.status).toBeGreaterThanOrEqual(400);
      expect(elsewhere.status).toBeLessThan(500);
      expect(comparable(elsewhere)).toEqual(comparable(nowhere));
    });
  }

  it('refuses the collaboration WebSocket with the same status and words', async () => {
    const elsewhere = await collabRefusal(outsider, EXISTING);
    const nowhere = await collabRefusal(outsider, MISSING);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere).toEqual(nowhere);
  });
});

describe('creating a module with an id that is taken', () => {
  const create = (session: HttpSession, id: string) => session.call('POST', '/api/modules', { kind: 'module', id, title: 'A module', language: 'en' });

  it('answers the same 409 whether the id is another organisation\'s or the caller\'s own, with a free id', async () => {
    const byOutsider = await create(outsider, EXISTING);
    const byOwner = await create(owner, EXISTING);
    expect(byOutsider.status).toBe(409);
    expect(comparable(byOutsider)).toEqual(comparable(byOwner));
    const { detail, issues } = byOutsider.body as { detail: string; issues: Array<{ path: string; message: string }> };
    expect(detail).toBe(`The id "${EXISTING}" is not available.`);
    expect(issues.map((issue) => issue.path)).toEqual(['/id']);
    expect(JSON.stringify(byOutsider.body)).not.toMatch(/organisation|exists|already/i);
    const proposed = /"([a-z0-9-]+)" is free/.exec(issues[0]!.message)?.[1];
    expect(proposed).toBe(`${EXISTING}-copy`);
    const created = await create(outsider, proposed!);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The next proposal moves on past the id just taken.
    expect(JSON.stringify((await create(owner, EXISTING)).body)).toContain(`"${EXISTING}-copy-2\\" is free`);
  });
});

describe('a care provider deploying a version that was never released', () => {
  it('gets the answer for a module that does not exist, not its workflow state', async () => {
    const created = await owner.call('POST', '/api/modules', { example: 'phq-9', id: 'unreleased-phq' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const submitted = await owner.call('POST', '/api/modules/unreleased-phq/versions', { changeNote: 'First draft for review' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { unitId } = await deployPanicProgram(security);
    const admin = await security.login('care-admin');
    const unreleased = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: 'unreleased-phq', version: 1 });
    const nowhere = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: 'nothing-here', version: 1 });
    expect(unreleased.status).toBe(404);
    const words = (response: { status: number; body: unknown; headers: Headers }) => JSON.stringify(comparable(response)).replaceAll('unreleased-phq', 'ID').replaceAll('nothing-here', 'ID');
    expect(words(unreleased)).toBe(words(nowhere));
    expect(JSON.stringify(unreleased.body)).not.toMatch(/submitted|review|state/i);
  });
});
