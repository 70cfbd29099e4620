import { ApiClient } from '@careloom/client/api';
import type { AcceptedInvitation, CommentInput, CommentRecord, CommentThread, CreateDocumentInput, DiffView, DocumentDetail, DocumentSummary, DraftView, ExampleSummary, FhirImportBody, FhirImportView, InvitationPreview, InviteBody, JoinBody, MediaList, MediaUpload, Member, MemberInvitation, MyOrganisation, Role, Session, TestEnrollmentView, TransitionInput, VersionRef, VersionView } from '@careloom/format/api';

/**
 * The designer's typed calls of the server's HTTP API, on the apps' one client (`ApiClient` of
 * `@careloom/client/api`: session cookie, CSRF header, problem+json → `ApiError`). Browser tests
 * pass the fetch of a real test server (`startTestServer()` of `@careloom/renderer/test-server`).
 *
 * @example
 * const api = new DesignerApi();
 * const session = await api.me();          // 401 ApiError when not signed in
 * const { modules } = await api.listDocuments();
 * await api.request('POST', '/api/modules/x/versions', { changeNote: 'Fix typo' }); // any route
 */
export class DesignerApi extends ApiClient {
  /** The organisation's media library, newest first, and the largest file it takes. */
  listMedia(organisationId: string): Promise<MediaList> {
    return this.request('GET', `/api/media/${encodeURIComponent(organisationId)}`);
  }

  /** Removes a file no submitted version names from its library (designers; 409 while one does). `url` is the file's own address. */
  deleteMedia(url: string): Promise<void> {
    return this.request('DELETE', url);
  }

  /** Uploads a file into the organisation's media library (designers); the server reads its type from its bytes. */
  uploadMedia(organisationId: string, file: File): Promise<MediaUpload> {
    return this.upload(`/api/media/${encodeURIComponent(organisationId)}?name=${encodeURIComponent(file.name)}`, file);
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
    if (joined.session) this.remember(joined.session);
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

  /** A FHIR R4 Questionnaire into a new module draft, with notes on what could not be carried over. */
  importFhirQuestionnaire(input: FhirImportBody): Promise<FhirImportView> {
    return this.request('POST', '/api/modules/fhir-import', input);
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
}

function membersPath(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}/members`;
}

function invitationsPath(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}/invitations`;
}
