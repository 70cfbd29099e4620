import WebSocket from 'ws';
import { checkResponseContract } from '../testing/response-contract.js';

/** A signed-in person talking to a real server over HTTP, as a browser would (cookie + CSRF token + Origin). */
export class HttpSession {
  cookie = '';
  csrfToken = '';
  personId = '';
  organisationIds: string[] = [];

  constructor(readonly baseUrl: string) {}

  static async login(baseUrl: string, email: string, password: string): Promise<HttpSession> {
    const session = new HttpSession(baseUrl);
    const response = await session.call('POST', '/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`Login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const body = response.body as { csrfToken: string; person: { id: string }; memberships: Array<{ organisationId: string }> };
    session.csrfToken = body.csrfToken;
    session.personId = body.person.id;
    session.organisationIds = [...new Set(body.memberships.map((membership) => membership.organisationId))];
    return session;
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { Origin: new URL(this.baseUrl).origin };
    if (this.cookie) headers['Cookie'] = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('careloom_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    // Every answer is checked against /api/openapi.json (testing/response-contract.ts).
    checkResponseContract(method, path, response.status, response.headers.get('content-type'), parsed);
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A `ws` class carrying this session's cookie and the server's Origin, for y-websocket's WebsocketProvider. */
  webSocketClass(): typeof WebSocket {
    const headers = { Cookie: this.cookie };
    const origin = new URL(this.baseUrl).origin;
    return class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers, origin });
      }
    } as typeof WebSocket;
  }
}

/** Waits until `condition` holds, polling; fails naming what it waited for. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
