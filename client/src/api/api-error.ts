/** One problem the server found, pointing into the request body or document by JSON Pointer. */
export interface ApiIssue {
  /** The server's code for the problem ('' when it sent none). */
  code: string;
  path: string;
  message: string;
}

/**
 * A refused or failed API call, read from an RFC 9457 problem+json answer; `status` 0 (`code`
 * 'network') means the server was not reached (offline, DNS): callers treat that as "try again
 * later", everything else as the server's answer. Screens show `detail`, the server's sentence in
 * the person's words, and the `issues` by their fields.
 *
 * @example
 * try { await api.post(path, body); }
 * catch (error) { if (isApiError(error, 422)) showIssues(error.issues); else throw error; }
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly issues: readonly ApiIssue[];
  /** From a 429's (or 503's) Retry-After header: how long the server asks us to wait, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; code?: string; title: string; detail?: string; issues?: readonly ApiIssue[]; retryAfterSeconds?: number }) {
    super(init.detail || init.title);
    this.status = init.status;
    this.code = init.code ?? (init.status === 0 ? 'network' : `http_${init.status}`);
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True when the request never reached the server (or its answer never reached us). */
  get offline(): boolean {
    return this.status === 0;
  }

  /** The message for a field: the issue whose path is `path` or lies under it. */
  issueAt(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}/`))?.message;
  }
}

/** Whether `error` is an ApiError (optionally with one of the given statuses). */
export function isApiError(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && (statuses.length === 0 || statuses.includes(error.status));
}

/** Turns a non-2xx response into an ApiError, reading problem+json when the server sent it. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const issues = Array.isArray(problem['issues']) ? problem['issues'].flatMap(issueOf) : [];
  return new ApiError({
    status: response.status,
    code: typeof problem['code'] === 'string' ? problem['code'] : `http_${response.status}`,
    title: typeof problem['title'] === 'string' ? problem['title'] : response.statusText || `HTTP ${response.status}`,
    detail: typeof problem['detail'] === 'string' ? problem['detail'] : '',
    issues,
    ...retryAfterOf(response),
  });
}

/** Retry-After in seconds (the server sends whole seconds, never an HTTP date). */
function retryAfterOf(response: Response): { retryAfterSeconds?: number } {
  const value = Number(response.headers.get('Retry-After') ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? { retryAfterSeconds: value } : {};
}

function issueOf(value: unknown): ApiIssue[] {
  if (typeof value !== 'object' || value === null) return [];
  const issue = value as Record<string, unknown>;
  if (typeof issue['path'] !== 'string' || typeof issue['message'] !== 'string') return [];
  return [{ code: typeof issue['code'] === 'string' ? issue['code'] : '', path: issue['path'], message: issue['message'] }];
}
