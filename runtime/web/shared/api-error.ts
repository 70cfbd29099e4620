/** One problem with a field of a request, as the server names it (`path` is a JSON Pointer). */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

/**
 * A refused or failed API call. `status` 0 means the server was not reached (offline, DNS, CORS):
 * callers treat that as "try again later", everything else as the server's answer.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly issues: FieldIssue[];
  /** From a 429's Retry-After header: how long the server asks us to wait, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, title: string, detail: string, issues: FieldIssue[] = [], retryAfterSeconds?: number) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
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

/** Reads a failed response into an ApiError (problem+json when the server sent one). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues = Array.isArray(problem.issues)
    ? problem.issues.filter((issue): issue is FieldIssue => typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string')
    : [];
  const title = typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  // The server sends Retry-After in whole seconds (never an HTTP date).
  const retryAfter = Number(response.headers.get('Retry-After') ?? Number.NaN);
  return new ApiError(response.status, title, detail, issues, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}
