import { ApiError, apiErrorFrom } from './api-error.js';
import type {
  AcceptedInvitation,
  CommentInput,
  CommentRecord,
  CommentThread,
  CreateDocumentInput,
  DiffView,
  DocumentDetail,
  DocumentSummary,
  DraftView,
  ExampleSummary,
  MemberInvitation,
  InvitationPreview,
  InviteBody,
  JoinBody,
  Member,
  MyOrganisation,
  Role,
  Session,
  TestEnrollmentView,
  TransitionInput,
  VersionRef,
  VersionView,
} from '@careloom/format/api';

export interface ApiClientOptions {
  /** The fetch to use; tests pass a fake server (designer/src/testing/fake-api.ts). */
  fetch?: typeof fetch;
  /** Prefix of every path, '' for the page's own origin. */
  baseUrl?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The designer's typed client of the server's HTTP API. It sends the session cookie
 * (`credentials: 'same-origin'`) and, on every unsafe request, the CSRF token it learnt from
 * `login()` or `me()`. Any non-2xx answer is thrown as an {@link ApiError} carrying the
 * problem's `detail` and `issues`; a network failure is an ApiError with status 0.
 *
 * @example
 * const api = new ApiClient();
 * const session = await api.me();          // 401 ApiError when not signed in
 * const { modules } = await api.listDocuments();
 * await api.request('POST', '/api/modules/x/versions', { changeNote: 'Fix typo' }); // any route
 */
export class ApiClient {
  /** The session's CSRF token; set by login() and me(), cleared by logout(). */
  csrfToken: string | null = null;
  readonly #fetch: typeof fetch;
  readonly #baseUrl: string;

  constructor(options: ApiClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#baseUrl = options.baseUrl ?? '';
  }

  /** Any JSON call: resolves with the parsed body (undefined for 204), rejects with an ApiError. */
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken !== null) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new ApiError({ status: 0, code: 'network', title: 'Network error', detail: error instanceof Error ? error.message : String(error) });
    }
    if (!response.ok) throw await apiErrorFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async login(email: string, password: string): Promise<Session> {
    return this.#remember(await this.request<Session>('POST', '/api/auth/login', { email, password }));
  }

  async me(): Promise<Session> {
    return this.#remember(await this.request<Session>('GET', '/api/auth/me'));
  }

  async logout(): Promise<void> {
    await this.request<void>('POST', '/api/auth/logout');
    this.csrfToken = null;
  }

  async organisations(): Promise<MyOrganisation[]> {
    return (await this.request<{ organisations: MyOrganisation[] }>('GET', '/api/organisations')).organisations;
  }

  /** The organisation's people with their roles; 403 for anyone but its permissions admins. */
  async listMembers(organisationId: string): Promise<Member[]> {
    return (await this.request<{ members: Member[] }>('GET', membersPath(organisationId))).members;
  }

  /** The organisation's open invitations (expired ones marked); 403 for anyone but its permissions admins. */
  async listInvitations(organisationId: string): Promise<MemberInvitation[]> {
    return (await this.request<{ invitations: MemberInvitation[] }>('GET', invitationsPath(organisationId))).invitations;
  }

  /**
   * E-mails an invitation: the person becomes a member only by accepting it. The same answer
   * whether or not the address has an account; 409 only when the person is a member already.
   */
  invite(organisationId: string, input: InviteBody): Promise<MemberInvitation> {
    return this.request('POST', invitationsPath(organisationId), input);
  }

  /** Sends an open invitation again with a new link and expiry (the old link stops working). */
  resendInvitation(organisationId: string, invitationId: string): Promise<MemberInvitation> {
    return this.request('POST', `${invitationsPath(organisationId)}/${encodeURIComponent(invitationId)}/resend`);
  }

  /** Withdraws an open invitation: its link stops working. */
  revokeInvitation(organisationId: string, invitationId: string): Promise<void> {
    return this.request('DELETE', `${invitationsPath(organisationId)}/${encodeURIComponent(invitationId)}`);
  }

  /** What the link with this token offers; 404 for every link that does not work. */
  previewInvitation(token: string): Promise<InvitationPreview> {
    return this.request('POST', '/api/public/member-invitations/preview', { token });
  }

  /** Accepts, signed in, an invitation sent to the signed-in person's address (403 for another address). */
  acceptInvitation(token: string): Promise<AcceptedInvitation> {
    return this.request('POST', '/api/member-invitations/accept', { token });
  }

  /** Accepts as a new person with a name and password of their own; signs them in (`session` null if the sign-in was refused). 409 when the address has an account already. */
  async joinByInvitation(token: string, input: Omit<JoinBody, 'token'>): Promise<{ session: Session | null; accepted: AcceptedInvitation }> {
    const joined = await this.request<{ session: Session | null; accepted: AcceptedInvitation }>('POST', '/api/public/member-invitations/join', { token, ...input });
    if (joined.session) this.#remember(joined.session);
    return joined;
  }

  /** Replaces a member's roles; 409 when that would leave no permissions admin. */
  setMemberRoles(organisationId: string, personId: string, roles: readonly Role[]): Promise<Member> {
    return this.request('PUT', `${membersPath(organisationId)}/${encodeURIComponent(personId)}/roles`, { roles });
  }

  /** Takes every role in the organisation from a person; 409 for the last permissions admin. */
  removeMember(organisationId: string, personId: string): Promise<void> {
    return this.request('DELETE', `${membersPath(organisationId)}/${encodeURIComponent(personId)}`);
  }

  async listExamples(): Promise<ExampleSummary[]> {
    return (await this.request<{ examples: ExampleSummary[] }>('GET', '/api/examples')).examples;
  }

  /** Modules and programs of every organisation the person reads. */
  async listDocuments(): Promise<DocumentSummary[]> {
    return (await this.request<{ modules: DocumentSummary[] }>('GET', '/api/modules')).modules;
  }

  createDocument(input: CreateDocumentInput): Promise<DraftView> {
    return this.request('POST', '/api/modules', input);
  }

  getDocument(id: string): Promise<DocumentDetail> {
    return this.request('GET', `/api/modules/${encodeURIComponent(id)}`);
  }

  getDraft(id: string): Promise<DraftView> {
    return this.request('GET', `/api/modules/${encodeURIComponent(id)}/draft`);
  }

  async listVersions(id: string): Promise<VersionView[]> {
    return (await this.request<{ versions: VersionView[] }>('GET', `/api/modules/${encodeURIComponent(id)}/versions`)).versions;
  }

  /** One version with its content and transition history. */
  getVersion(id: string, number: number): Promise<VersionView> {
    return this.request('GET', `/api/modules/${encodeURIComponent(id)}/versions/${number}`);
  }

  /** Freezes the draft into a new version; 422 with every validation issue when it is not valid. */
  submitVersion(id: string, changeNote: string): Promise<VersionView> {
    return this.request('POST', `/api/modules/${encodeURIComponent(id)}/versions`, { changeNote });
  }

  transition(id: string, number: number, input: TransitionInput): Promise<VersionView> {
    return this.request('POST', `/api/modules/${encodeURIComponent(id)}/versions/${number}/transitions`, input);
  }

  diff(id: string, from: VersionRef, to: VersionRef): Promise<DiffView> {
    return this.request('GET', `/api/modules/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);
  }

  /** Enrolls the signed-in tester or publisher on a version approved for test or released (409 otherwise): the content a patient would get. */
  createTestEnrollment(id: string, number: number): Promise<TestEnrollmentView> {
    return this.request('POST', `/api/modules/${encodeURIComponent(id)}/versions/${number}/test-enrollments`);
  }

  getTestEnrollment(enrollmentId: string): Promise<TestEnrollmentView> {
    return this.request('GET', `/api/test-enrollments/${encodeURIComponent(enrollmentId)}`);
  }

  async listComments(id: string, on?: VersionRef): Promise<CommentThread[]> {
    const query = on === undefined ? '' : `?on=${on}`;
    return (await this.request<{ threads: CommentThread[] }>('GET', `/api/modules/${encodeURIComponent(id)}/comments${query}`)).threads;
  }

  addComment(id: string, input: CommentInput): Promise<CommentRecord> {
    return this.request('POST', `/api/modules/${encodeURIComponent(id)}/comments`, input);
  }

  setCommentResolved(id: string, commentId: string, resolved: boolean): Promise<CommentRecord> {
    return this.request('POST', `/api/modules/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/${resolved ? 'resolve' : 'reopen'}`);
  }

  #remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }
}

function membersPath(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}/members`;
}

function invitationsPath(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}/invitations`;
}
