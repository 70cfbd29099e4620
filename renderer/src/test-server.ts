// For browser tests: a real Careloom server (the composition root on its own copy of the demo
// database) behind web-test-runner's dev server (tools/wtr-careloom-servers.mjs). Only tests use it;
// the apps never do.

/** A demo login of the server (runtime/src/domain/demo-accounts.ts): key is the e-mail's local part, e.g. `publisher`. */
export interface TestAccount {
  email: string;
  password: string;
  name: string;
  organisation: string;
  roles: string[];
}

/** One request a test's fetch sent, with the JSON body it carried. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  csrf: string | null;
}

export interface TestServer {
  readonly id: string;
  /** Every request sent through `fetch`, oldest first. */
  readonly requests: SentRequest[];
  /** While true, `fetch` fails as a browser does without a network. */
  offline: boolean;
  /** The demo login `key` (`designer`, `publisher`, `tester`, `permissions-admin`, `care-admin`, `therapist`). */
  account(key: string): TestAccount;
  /**
   * A fetch that sends `/api/…` to this server. Each `jar` is its own cookie jar, as another browser
   * would be: `fetch('author')` and `fetch('reviewer')` can be signed in as different people at once.
   */
  fetch(jar?: string): typeof fetch;
  /** The ws: origin under which `/collab/<id>` reaches this server as `jar` (for a WebsocketProvider). */
  wsOrigin(jar?: string): string;
  /**
   * Sends one JSON request as `jar` (with the CSRF token of the last session it started) and returns the parsed
   * answer, failing on an error status: for arranging a test through the API.
   */
  call<T = unknown>(jar: string, method: string, path: string, body?: unknown): Promise<T>;
  /** Signs the demo account `key` (or any `{ email, password }`) in on `jar` and returns the session's CSRF token. */
  signIn(jar: string, key: string | { email: string; password: string }): Promise<string>;
  /**
   * Moves the server's clock (only for a server started with `clock`): `advanceMs` forward, or `set`
   * to a time. The server runs its care job on the new time before answering, so what falls due by
   * then (a missing report, an overdue alert's escalation) is there when this resolves (the job also
   * runs every quarter second). Answers the new time.
   */
  moveClock(change: { advanceMs: number } | { set: string }): Promise<string>;
  /**
   * Stores a copy of enrollment `copyOf` as `id` with start date `startedOn`, as an older version
   * wrote before enrolling checked the date: a state no route can create any more.
   */
  storeLegacyEnrollment(copyOf: string, id: string, startedOn: string): Promise<void>;
  /**
   * Creates an organisation (`publisher` or `care_provider`) with its first administrator, as whoever
   * runs the server does with `npm run admin:create` (no route creates organisations); the
   * administrator signs in with `email` and `password`.
   */
  createOrganisation(input: { organisation: string; kind: 'publisher' | 'care_provider'; email: string; name: string; password: string }): Promise<void>;
  /** Stops the server and deletes its database. */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Starts the server's clock standing at this ISO time, moved only by `moveClock` (else the real time). */
  clock?: string;
  /** Configures an SMTP relay (that never answers): e-mail is sent, not kept in the development outbox. */
  smtp?: boolean;
}

/**
 * Starts a real server for one test (or one file): seconds for the first in a run, then a fraction
 * of a second, so a fresh server per test keeps tests independent.
 *
 * @example
 * const server = await startTestServer();
 * const api = new ApiClient({ fetch: server.fetch() });
 * await api.login(server.account('designer').email, server.account('designer').password);
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const created = await globalThis.fetch('/__careloom/servers', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options) });
  if (!created.ok) throw new Error(`No browser test server: ${created.status} ${await created.text()} (is tools/wtr-careloom-servers.mjs in web-test-runner.config.mjs?)`);
  const { id, accounts } = (await created.json()) as { id: string; accounts: TestAccount[] };
  const requests: SentRequest[] = [];
  const csrfOf = new Map<string, string>();
  const fetchFor = (jar: string): typeof fetch =>
    async (input, init = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
      const headers = new Headers(init.headers);
      requests.push({ method: (init.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined, csrf: headers.get('X-CSRF-Token') });
      if (server.offline) throw new TypeError('Failed to fetch');
      return globalThis.fetch(`/__careloom/s/${id}/${jar}${url.pathname}${url.search}`, init);
    };
  const server: TestServer = {
    id,
    requests,
    offline: false,
    account(key) {
      const account = accounts.find((candidate) => candidate.email.startsWith(`${key}@`));
      if (!account) throw new Error(`The demo has no account "${key}".`);
      return account;
    },
    fetch: (jar = 'browser') => fetchFor(jar),
    wsOrigin: (jar = 'browser') => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/__careloom/s/${id}/${jar}`,
    async call(jar, method, path, body) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      const csrf = csrfOf.get(jar);
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (csrf) headers['X-CSRF-Token'] = csrf;
      const response = await globalThis.fetch(`/__careloom/s/${id}/${jar}${path}`, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      const answer = (text ? JSON.parse(text) : undefined) as { csrfToken?: unknown } | undefined;
      // A call that starts a session (signing up by invitation, signing in) gives the jar its token.
      if (typeof answer?.csrfToken === 'string') csrfOf.set(jar, answer.csrfToken);
      return answer as never;
    },
    async signIn(jar, key) {
      const account = typeof key === 'string' ? server.account(key) : key;
      const session = await server.call<{ csrfToken: string }>(jar, 'POST', '/api/auth/login', { email: account.email, password: account.password });
      csrfOf.set(jar, session.csrfToken);
      return session.csrfToken;
    },
    async moveClock(change) {
      const response = await globalThis.fetch(`/__careloom/servers/${id}/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(change) });
      if (!response.ok) throw new Error(`This test server has no clock to move (start it with { clock }): ${response.status}`);
      return ((await response.json()) as { now: string }).now;
    },
    async storeLegacyEnrollment(copyOf, newId, startedOn) {
      const response = await globalThis.fetch(`/__careloom/servers/${id}/legacy-enrollments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ copyOf, id: newId, startedOn }) });
      if (!response.ok) throw new Error(`No enrollment ${copyOf} to copy: ${response.status}`);
    },
    async createOrganisation(input) {
      const response = await globalThis.fetch(`/__careloom/servers/${id}/organisations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      if (!response.ok) throw new Error(`The organisation was not created: ${response.status} ${await response.text()}`);
    },
    async stop() {
      await globalThis.fetch(`/__careloom/servers/${id}`, { method: 'DELETE' });
    },
  };
  return server;
}
