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
   * Sends one JSON request as `jar` (with the CSRF token of its last `signIn`) and returns the parsed
   * answer, failing on an error status: for arranging a test through the API.
   */
  call<T = unknown>(jar: string, method: string, path: string, body?: unknown): Promise<T>;
  /** Signs `account` in on `jar` and returns the session's CSRF token. */
  signIn(jar: string, key: string): Promise<string>;
  /** Stops the server and deletes its database. */
  stop(): Promise<void>;
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
export async function startTestServer(): Promise<TestServer> {
  const created = await globalThis.fetch('/__careloom/servers', { method: 'POST' });
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
      return (text ? JSON.parse(text) : undefined) as never;
    },
    async signIn(jar, key) {
      const account = server.account(key);
      const session = await server.call<{ csrfToken: string }>(jar, 'POST', '/api/auth/login', { email: account.email, password: account.password });
      csrfOf.set(jar, session.csrfToken);
      return session.csrfToken;
    },
    async stop() {
      await globalThis.fetch(`/__careloom/servers/${id}`, { method: 'DELETE' });
    },
  };
  return server;
}
