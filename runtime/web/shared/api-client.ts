import { ApiError, apiErrorFrom } from './api-error.js';
import type { Session } from '@careloom/format/api';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** The fetch to use; tests pass the fake API (test-api.ts). */
  fetch?: typeof fetch;
  /** Interface language sent as `?lang=` on reads, so that server-built titles match the UI. */
  language?: string;
}

/**
 * The web apps' client of the care API. Sends the session cookie (`credentials: 'same-origin'`) and,
 * on every non-GET request, the CSRF token learnt from `login()`, `redeem()` or `me()`. A non-2xx
 * answer is thrown as an {@link ApiError} with the problem's `detail` and `issues`; a network failure
 * is an ApiError with status 0.
 *
 * @example
 * const api = new ApiClient();
 * const session = await api.me();   // ApiError 401 when not signed in
 * const today = await api.get<Today>('/api/me/today');
 * await api.post('/api/me/enrollments/e1/messages', { body: 'Hello' });
 */
export class ApiClient {
  csrfToken: string | null = null;
  language: string | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.language = options.language;
  }

  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    return (await this.exchange<T>(method, path, body)).body;
  }

  /** Like `request`, with the response's headers (e.g. a module version's `ETag`, its content hash). */
  async exchange<T>(method: Method, path: string, body?: unknown): Promise<{ body: T; headers: Headers }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken !== null) headers['X-CSRF-Token'] = this.csrfToken;
    const url = method === 'GET' && this.language ? withLanguage(path, this.language) : path;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, 'Offline', 'The server could not be reached.');
    }
    if (!response.ok) throw await apiErrorFrom(response);
    if (response.status === 204) return { body: undefined as T, headers: response.headers };
    const text = await response.text();
    return { body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
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

  /** The current session; remembers its CSRF token. */
  async me(): Promise<Session> {
    return this.remember(await this.get<Session>('/api/auth/me'));
  }

  async login(email: string, password: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/api/auth/login', { email, password }));
  }

  /** Redeems an invitation code: sets the patient's password and signs them in. */
  async redeem(code: string, password: string): Promise<Session> {
    await this.request<unknown>('POST', '/api/public/invitations/redeem', { code, password });
    // The redeem answer's shape is the login's, but /me is the one place that surely carries the CSRF token.
    return this.me();
  }

  /**
   * Accepts an invitation addressed to the signed-in person (an account that had the address when
   * the therapist enrolled it): the enrollment becomes theirs. Returns the session again, since it
   * now carries the patient role.
   */
  async acceptInvitation(code: string): Promise<Session> {
    await this.request<unknown>('POST', '/api/me/invitations/accept', { code });
    return this.me();
  }

  async logout(): Promise<void> {
    await this.request<void>('POST', '/api/auth/logout');
    this.csrfToken = null;
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }
}

/** Adds `lang` to a path's query unless it already has one. */
function withLanguage(path: string, language: string): string {
  if (/[?&]lang=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`;
}

/** A path segment, escaped. */
export const seg = (value: string | number): string => encodeURIComponent(String(value));
