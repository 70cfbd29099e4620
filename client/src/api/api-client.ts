import type { OidcLogoutView, OidcStartBody, OidcStartView, OidcStatus, Session, SessionProbe } from '@careloom/format/api';
import { ApiError, apiErrorFrom } from './api-error.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** The fetch to use; tests pass a fake or the real app's. */
  fetch?: typeof fetch;
  /** Prefix of every path, '' (the default) for the page's own origin. */
  baseUrl?: string;
  /** Interface language sent as `?lang=` on reads, so that texts the server builds match the screen. */
  language?: string;
}

/**
 * The one client of the server's HTTP API, for the designer, the clinic and the patient app. It
 * sends the session cookie (`credentials: 'same-origin'`) and, on every unsafe request, the CSRF
 * token learnt from `login()` or `me()`. Any non-2xx answer is thrown as an {@link ApiError}
 * carrying the problem's `detail`, `issues` and Retry-After; a network failure is an ApiError with
 * status 0. The designer adds its typed authoring calls in a subclass.
 *
 * @example
 * const api = new ApiClient();
 * const session = await api.currentSession();   // null when not signed in
 * const today = await api.get<Today>('/api/me/today');
 * await api.post('/api/me/enrollments/e1/messages', { body: 'Hello' });
 */
export class ApiClient {
  /** The session's CSRF token; set by login() and me(), cleared by logout(). */
  csrfToken: string | null = null;
  language: string | undefined;
  /**
   * Hears every refusal the server answers, before the call that got it throws: for what concerns
   * the whole app rather than one screen (the organisation now requires a second factor, see
   * `secondFactorOwed`).
   */
  onProblem: ((error: ApiError) => void) | undefined;
  readonly #fetch: typeof fetch;
  readonly #baseUrl: string;

  constructor(options: ApiClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#baseUrl = options.baseUrl ?? '';
    this.language = options.language;
  }

  /** Any JSON call: resolves with the parsed body (undefined for 204 or an empty body), rejects with an ApiError. */
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    return (await this.exchange<T>(method, path, body)).body;
  }

  /** Like `request`, with the response's headers (e.g. a module version's `ETag`, its content hash). */
  async exchange<T>(method: Method, path: string, body?: unknown): Promise<{ body: T; headers: Headers }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken !== null) headers['X-CSRF-Token'] = this.csrfToken;
    const url = `${this.#baseUrl}${method === 'GET' && this.language ? withLanguage(path, this.language) : path}`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError({ status: 0, code: 'network', title: 'Offline', detail: 'The server could not be reached.' });
    }
    if (!response.ok) {
      const error = await apiErrorFrom(response);
      this.onProblem?.(error);
      throw error;
    }
    if (response.status === 204) return { body: undefined as T, headers: response.headers };
    const text = await response.text();
    return { body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  /**
   * Sends a file as the request body (not JSON), with the session's CSRF token: a media upload. The
   * browser streams a File from disk, so a large film is never read into the page's memory.
   */
  async upload<T>(path: string, file: Blob): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
    if (this.csrfToken !== null) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
    } catch {
      throw new ApiError({ status: 0, code: 'network', title: 'Offline', detail: 'The server could not be reached.' });
    }
    if (!response.ok) throw await apiErrorFrom(response);
    return (await response.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** The current session; remembers its CSRF token. */
  async me(): Promise<Session> {
    return this.remember(await this.request<Session>('GET', '/api/auth/me'));
  }

  /**
   * The current session, or null when the browser has none: the apps' start-up question. Unlike
   * `me()` it gets no 401 for a visitor (a browser logs every 4xx answer as a console error).
   */
  async currentSession(): Promise<Session | null> {
    const { session } = await this.request<SessionProbe>('GET', '/api/auth/session');
    return session === null ? null : this.remember(session);
  }

  async login(email: string, password: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/api/auth/login', { email, password }));
  }

  async logout(): Promise<void> {
    await this.request<void>('POST', '/api/auth/logout');
    this.csrfToken = null;
  }

  /**
   * Signs out; for a session started at an identity provider, also says where to end the
   * provider's session (`endSessionUrl`, for `location.assign`). Falls back to the plain logout on a
   * server without sign-in through a provider.
   */
  async signOut(): Promise<OidcLogoutView> {
    try {
      const ended = await this.request<OidcLogoutView>('POST', '/api/auth/oidc/logout');
      this.csrfToken = null;
      return ended;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      await this.logout();
      return {};
    }
  }

  /** Whether the login page offers an identity provider, and its name; disabled when the server cannot say. */
  async oidcStatus(): Promise<OidcStatus> {
    try {
      return await this.request<OidcStatus>('GET', '/api/auth/oidc');
    } catch {
      return { enabled: false };
    }
  }

  /** Starts a sign-in at the identity provider that accepts an invitation or links this account: where to send the browser. */
  async startOidc(body: OidcStartBody): Promise<OidcStartView> {
    return this.request<OidcStartView>('POST', '/api/auth/oidc/start', body);
  }

  /** Keeps a session's CSRF token for the unsafe requests that follow. */
  protected remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }
}

/**
 * Whether a refusal says the session may do nothing but set up a second factor: the person's
 * organisation began to require one while they were signed in (403, issue `second_factor.enrolment_required`).
 */
export function secondFactorOwed(error: ApiError): boolean {
  return error.status === 403 && error.issues.some((issue) => issue.code === 'second_factor.enrolment_required');
}

/** Adds `lang` to a path's query unless it already has one. */
function withLanguage(path: string, language: string): string {
  if (/[?&]lang=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`;
}

/** A path segment, escaped. */
export const seg = (value: string | number): string => encodeURIComponent(String(value));
