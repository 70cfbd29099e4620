import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, secondFactorOwed } from './index.js';

function recordingFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const session = { person: { id: 'p1', name: 'Pat', email: 'pat@example.org' }, memberships: [], csrfToken: 'token-1', expiresAt: '2030-01-01T00:00:00Z' };

describe('ApiClient', () => {
  it('sends the CSRF token learnt from /me on writes only, with the session cookie', async () => {
    const { calls, fetch } = recordingFetch((url) => new Response(JSON.stringify(url.includes('/me') ? session : {}), { status: 200 }));
    const api = new ApiClient({ fetch });
    await api.me();
    await api.get('/api/me/today');
    await api.post('/api/me/enrollments/e1/messages', { body: 'Hi' });
    const headers = calls.map((call) => new Headers(call.init.headers).get('X-CSRF-Token'));
    expect(headers).toEqual([null, null, 'token-1']);
    expect(calls.every((call) => call.init.credentials === 'same-origin')).toBe(true);
    expect(calls[2]?.init.body).toBe('{"body":"Hi"}');
  });

  it('asks for the current session without a 401: null for a visitor, the session (and its CSRF token) when signed in', async () => {
    let signedIn = false;
    const { calls, fetch } = recordingFetch(() => new Response(JSON.stringify({ session: signedIn ? session : null }), { status: 200 }));
    const api = new ApiClient({ fetch });
    expect(await api.currentSession()).toBeNull();
    expect(api.csrfToken).toBeNull();
    signedIn = true;
    expect(await api.currentSession()).toEqual(session);
    expect(api.csrfToken).toBe('token-1');
    expect(calls.map((call) => call.url)).toEqual(['/api/auth/session', '/api/auth/session']);
  });

  it('adds the interface language to reads', async () => {
    const { calls, fetch } = recordingFetch(() => new Response('{}', { status: 200 }));
    const api = new ApiClient({ fetch, language: 'sv' });
    await api.get('/api/me/today');
    await api.get('/api/care/units/u1/alerts?status=open');
    expect(calls.map((call) => call.url)).toEqual(['/api/me/today?lang=sv', '/api/care/units/u1/alerts?status=open&lang=sv']);
  });

  it('turns problem+json into an ApiError naming the fields', async () => {
    const { fetch } = recordingFetch(() => new Response(JSON.stringify({ title: 'Invalid', status: 422, detail: 'The answers have 1 problem.', issues: [{ path: '/answers/phq9_9', message: 'Unknown option' }] }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await new ApiClient({ fetch }).post('/x', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const problem = error as ApiError;
    expect([problem.status, problem.detail, problem.offline]).toEqual([422, 'The answers have 1 problem.', false]);
    expect(problem.issueAt('/answers')).toBe('Unknown option');
    expect(problem.issueAt('/contact')).toBeUndefined();
  });

  it('reports a network failure as an offline ApiError, and 204 as undefined', async () => {
    const offline = new ApiClient({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    const error = (await offline.get('/api/me/today').catch((caught: unknown) => caught)) as ApiError;
    expect(error.offline).toBe(true);
    const { fetch } = recordingFetch(() => new Response(null, { status: 204 }));
    expect(await new ApiClient({ fetch }).post('/api/me/enrollments/e1/messages/read')).toBeUndefined();
  });

  it('tells onProblem of every refusal before the call throws, and recognises a second factor owed', async () => {
    const owed = { type: 'https://careloom.dev/problems/forbidden', title: 'Forbidden', status: 403, detail: 'Set one up.', issues: [{ code: 'second_factor.enrolment_required', path: '', message: 'Set one up.' }] };
    const { fetch } = recordingFetch((url) => (url.includes('owed') ? new Response(JSON.stringify(owed), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }) : new Response(JSON.stringify({ status: 403, title: 'Forbidden' }), { status: 403 })));
    const api = new ApiClient({ fetch });
    const heard: ApiError[] = [];
    api.onProblem = (error) => heard.push(error);
    await expect(api.get('/api/owed')).rejects.toBeInstanceOf(ApiError);
    await expect(api.get('/api/other')).rejects.toBeInstanceOf(ApiError);
    expect(heard.map((error) => secondFactorOwed(error))).toEqual([true, false]);
  });
});
