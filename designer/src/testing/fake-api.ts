// An in-memory stand-in for the server's HTTP API, for the designer's browser tests. It follows the
// real server's rules where the screens depend on them: sessions and CSRF, the workflow table and
// four-eyes rule (runtime/src/domain/authoring/workflow.ts), upload refusals (detect kind, upgrade),
// diffs from the real engine, comment threads, the members API of permissions admins (who may
// manage, assignable roles, the last permissions admin), membership invitations (one answer for
// every address, one open invitation per address, resend with a new link, withdraw; accepting only
// as the addressee or as a new person, once) and problem+json errors with issues.
import { classifyRelease, diffDocuments } from '@careloom/format/engine';
import { upgradeDocument } from '@careloom/format/migrations';
import { detectDocumentKind } from '@careloom/format/validate';
import { ACTION_ROLE, allowedActions, FOUR_EYES_ACTIONS, nextState, TESTABLE_STATES, type VersionState, type WorkflowAction } from '@careloom/format/workflow';
import type { ApiIssue } from '@careloom/client/api';
import { DesignerApi } from '../api/api-client.js';
import type { CommentRecord, CommentThread, DocumentSummary, ExampleSummary, MediaFile, MemberInvitation, Session, TestEnrollmentView, VersionView } from '@careloom/format/api';

export interface FakePerson {
  id: string;
  name: string;
  email: string;
  password: string;
  roles: string[];
}

export const ORG_ID = 'org-demo';
export const ORG_NAME = 'Demo Publishing';

export const PEOPLE: Record<'designer' | 'publisher' | 'publisher2' | 'tester' | 'admin', FakePerson> = {
  designer: { id: 'person-dana', name: 'Dana Designer', email: 'designer@example.test', password: 'dana-password', roles: ['designer'] },
  publisher: { id: 'person-paul', name: 'Paul Publisher', email: 'publisher@example.test', password: 'paul-password', roles: ['publisher'] },
  publisher2: { id: 'person-petra', name: 'Petra Publisher', email: 'publisher2@example.test', password: 'petra-password', roles: ['publisher'] },
  tester: { id: 'person-tess', name: 'Tess Tester', email: 'tester@example.test', password: 'tess-password', roles: ['tester'] },
  admin: { id: 'person-ada', name: 'Ada Admin', email: 'admin@example.test', password: 'ada-password', roles: ['permissions_admin'] },
};

/** Roles the members API grants in a publishing organisation (runtime/src/domain/accounts/organisation-roles.ts). */
const ASSIGNABLE_ROLES = ['designer', 'publisher', 'tester', 'permissions_admin'];
const MANAGER_ROLE = 'permissions_admin';
const MIN_PASSWORD_LENGTH = 10;

/** A person's name as the server reads it with versions and comments. */
function nameOf(personId: string): string | null {
  return Object.values(PEOPLE).find((person) => person.id === personId)?.name ?? null;
}

interface StoredVersion extends VersionView {
  content: unknown;
}

export interface FakeDocument {
  summary: DocumentSummary;
  draft: unknown;
  versions: StoredVersion[];
}

/** A membership invitation as the fake keeps it: the link's token beside what the admin sees. */
export interface FakeInvitation extends MemberInvitation {
  token: string;
  language: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** What every unusable invitation link answers (runtime/src/domain/accounts/member-invitations.ts). */
export const UNUSABLE_INVITATION = 'This invitation link is unknown, already used, withdrawn or expired. Ask the person who invited you for a new one.';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  csrf: string | null;
}

/**
 * A fake server: `fake.fetch` goes into `new DesignerApi({ fetch })`; `fake.signIn(person)` starts a
 * session without the login form; `fake.requests` records every call.
 *
 * @example
 * const fake = new FakeApi(); fake.signIn(PEOPLE.publisher);
 * fake.addDocument('phq-9', 'PHQ-9', phq9, [{ state: 'in_review', authoredBy: PEOPLE.designer.id }]);
 * const api = fake.client();
 */
export class FakeApi {
  readonly documents = new Map<string, FakeDocument>();
  readonly comments: CommentRecord[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Test enrollments by id (runtime/src/domain/authoring/test-enrollments.ts). */
  readonly testEnrollments = new Map<string, TestEnrollmentView>();
  examples: Array<ExampleSummary & { document: unknown }> = [];
  people: FakePerson[] = Object.values(PEOPLE);
  /** Extra memberships (e.g. a second organisation) added to every session. */
  extraMemberships: Session['memberships'] = [];
  signedIn: FakePerson | null = null;
  /**
   * Roles in the organisation by person id, where they differ from `person.roles`: the members API
   * changes these (an empty list: removed), and like the server it applies them to the next request.
   */
  readonly memberRoles = new Map<string, string[]>();
  /** Membership invitations, oldest first; `token` is what the e-mail's link would carry. */
  invitations: FakeInvitation[] = [];
  /** When set, joining by invitation works but the sign-in after it is refused (the server's login throttle). */
  refuseSignInAfterJoin = false;
  /** When set, submitting a draft is refused with 422 and these issues (the draft does not validate). */
  /** The draft's problems: refused on submit (as the server, without params) and listed with the draft (with them). */
  submitIssues: Array<ApiIssue & { params?: Record<string, unknown> }> = [];
  /** The organisation's media library, newest first, as the server lists it (with `uses`); removal follows the server's rules. */
  media: MediaFile[] = [];
  /** When set, removing this file (its sha256) is refused with 409, as when a version naming it was submitted meanwhile. */
  mediaInUseMeanwhile: string | null = null;
  /** When set, removing this file (its sha256) is refused with 409, as when a draft started naming it meanwhile. */
  mediaInDraftMeanwhile: string | null = null;
  readonly csrfToken = 'csrf-token-1';
  #ids = 0;
  #clock = Date.parse('2026-03-01T09:00:00Z');

  readonly fetch: typeof fetch = async (input, init) => this.#handle(String(input), init ?? {});

  client(): DesignerApi {
    return new DesignerApi({ fetch: this.fetch });
  }

  signIn(person: FakePerson): Session {
    this.signedIn = person;
    return this.session(person);
  }

  session(person: FakePerson): Session {
    return {
      person: { id: person.id, name: person.name, email: person.email },
      memberships: [...this.rolesOf(person).map((role) => ({ organisationId: ORG_ID, organisationName: ORG_NAME, organisationKind: 'publisher' as const, role: role as Session['memberships'][number]['role'] })), ...this.extraMemberships],
      csrfToken: this.csrfToken,
      expiresAt: '2026-03-02T09:00:00Z',
    };
  }

  /** Adds a document with its draft and versions (numbered from 1; content defaults to the draft). */
  addDocument(id: string, title: string, draft: unknown, versions: Array<Partial<StoredVersion> & { state: VersionState }> = [], extra: Partial<DocumentSummary> = {}): FakeDocument {
    const at = this.#now();
    const document: FakeDocument = {
      summary: { id, organisationId: ORG_ID, kind: 'module', title, createdBy: PEOPLE.designer.id, createdAt: at, updatedAt: at, releasedVersion: null, latestVersion: null, lastEditedBy: PEOPLE.designer.id, lastEditedByName: PEOPLE.designer.name, lastEditedAt: at, ...extra },
      draft,
      versions: [],
    };
    versions.forEach((version, index) => {
      const authoredBy = version.authoredBy ?? PEOPLE.designer.id;
      document.versions.push({
        documentId: id,
        number: index + 1,
        allowedActions: [],
        contentHash: `${'ab'.repeat(31)}${String(index + 1).padStart(2, '0')}`,
        changeNote: `Change ${index + 1}`,
        authoredBy: PEOPLE.designer.id,
        contributors: [PEOPLE.designer.id],
        createdAt: at,
        stateChangedAt: at,
        stateChangedBy: PEOPLE.designer.id,
        release: null,
        content: draft,
        ...version,
        authoredByName: nameOf(authoredBy),
      });
    });
    this.#refresh(document);
    this.documents.set(id, document);
    return document;
  }

  addExample(id: string, kind: 'module' | 'program', title: string, document: unknown): void {
    this.examples.push({ id, kind, title, languages: ['en'], file: `${kind}s/${id}.json`, contentHash: 'x', valid: true, issueCount: 0, issues: [], document });
  }

  addComment(documentId: string, init: Partial<CommentRecord> & { body: string }): CommentRecord {
    const comment: CommentRecord = { id: `comment-${++this.#ids}`, documentId, versionNumber: null, anchor: null, parentId: null, authorId: PEOPLE.publisher.id, createdAt: this.#now(), resolvedAt: null, resolvedBy: null, ...init, authorName: null };
    comment.authorName = nameOf(comment.authorId);
    this.comments.push(comment);
    return comment;
  }

  async #handle(url: string, init: RequestInit): Promise<Response> {
    const parsed = new URL(url, 'http://designer.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.requests.push({ method, path: parsed.pathname + parsed.search, body, csrf: headers.get('X-CSRF-Token') });
    const path = parsed.pathname;
    if (method === 'POST' && path === '/api/auth/login') return this.#login(body as { email: string; password: string });
    if (method === 'GET' && path === '/api/examples') return json({ examples: this.examples.map(({ document: _document, ...summary }) => summary) });
    if (method === 'POST' && path === '/api/public/member-invitations/preview') return this.#previewInvitation(body as { token?: string });
    if (method === 'POST' && path === '/api/public/member-invitations/join') return this.#joinByInvitation(body as { token?: string; name?: string; password?: string });
    const person = this.signedIn;
    if (method === 'GET' && path === '/api/auth/session') return json({ session: person ? this.session(person) : null });
    if (!person) return problem(401, 'unauthenticated', 'Sign in first.');
    if (method !== 'GET' && headers.get('X-CSRF-Token') !== this.csrfToken) return problem(403, 'csrf', 'The request has no valid CSRF token.');
    if (method === 'GET' && path === '/api/auth/me') return json(this.session(person));
    if (method === 'POST' && path === '/api/auth/logout') {
      this.signedIn = null;
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && path === '/api/member-invitations/accept') return this.#acceptInvitation(person, body as { token?: string });
    const invitations = /^\/api\/organisations\/([^/]+)\/invitations(?:\/([^/]+)(\/resend)?)?$/.exec(path);
    if (invitations) return this.#invitationsRoute(person, decodeURIComponent(invitations[1]!), method, invitations[2] === undefined ? undefined : decodeURIComponent(invitations[2]), invitations[3] !== undefined, body);
    const members = /^\/api\/organisations\/([^/]+)\/members(?:\/([^/]+)(\/roles)?)?$/.exec(path);
    if (members) return this.#membersRoute(person, decodeURIComponent(members[1]!), method, members[2] === undefined ? undefined : decodeURIComponent(members[2]), members[3] !== undefined, body);
    const media = /^\/api\/media\/([^/]+)(?:\/([0-9a-f]{64})\.[a-z0-9]+)?$/.exec(path);
    if (media) return this.#mediaRoute(person, decodeURIComponent(media[1]!), method, media[2]);
    // As the server: only the documents of organisations the caller works in.
    if (method === 'GET' && path === '/api/modules') return json({ modules: [...this.documents.values()].filter((document) => document.summary.organisationId === ORG_ID || this.extraMemberships.some((membership) => membership.organisationId === document.summary.organisationId)).map((document) => document.summary) });
    if (method === 'POST' && path === '/api/modules') return this.#create(person, body as Record<string, unknown>);
    const testEnrollment = /^\/api\/test-enrollments\/([^/]+)$/.exec(path);
    if (method === 'GET' && testEnrollment) return this.#testEnrollment(person, decodeURIComponent(testEnrollment[1]!));
    const match = /^\/api\/modules\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return problem(404, 'not_found', `There is nothing at ${method} ${path}.`);
    const document = this.documents.get(decodeURIComponent(match[1]!));
    if (!document) return problem(404, 'not_found', `There is no module "${match[1]}".`);
    return this.#documentRoute(person, document, method, match[2] ?? '', parsed.searchParams, body);
  }

  /** The media library's list and removal (runtime/src/domain/media/media-service.ts): authoring roles list, designers remove an unused file. */
  #mediaRoute(person: FakePerson, organisationId: string, method: string, sha256: string | undefined): Response {
    const roles = this.rolesOf(person);
    if (organisationId !== ORG_ID || !roles.some((role) => ['designer', 'publisher', 'tester'].includes(role))) return problem(404, 'not_found', 'There is no such media library, or you are not a member of its organisation.');
    if (method === 'GET' && sha256 === undefined) return json({ media: this.media, maxBytes: 50 * 1024 * 1024 });
    if (method !== 'DELETE' || sha256 === undefined) return problem(404, 'not_found', 'There is no such media file, or you may not see it.');
    if (!roles.includes('designer')) return problem(403, 'forbidden', 'Only the organisation\'s designers may remove files from its media library.');
    const file = this.media.find((candidate) => candidate.sha256 === sha256);
    if (!file) return problem(404, 'not_found', 'There is no such media file, or you may not see it.');
    if ((file.uses ?? []).length > 0 || this.mediaInUseMeanwhile === sha256 || this.mediaInDraftMeanwhile === sha256) {
      if (this.mediaInUseMeanwhile === sha256) file.uses = [{ moduleId: 'late-module', title: 'Submitted meanwhile', version: 1, state: 'submitted', blocks: ['late-block'] }];
      if (this.mediaInDraftMeanwhile === sha256) file.uses = [{ moduleId: 'late-draft', title: 'Chosen meanwhile', state: 'draft', blocks: ['late-block'] }];
      const place = (use: NonNullable<MediaFile['uses']>[number]) => (use.version === undefined ? `the draft of "${use.title}"` : `version ${use.version} of "${use.title}"`);
      return problem(409, 'conflict', `The file is used by ${(file.uses ?? []).map(place).join(', ')}.`);
    }
    this.media = this.media.filter((candidate) => candidate !== file);
    return new Response(null, { status: 204 });
  }

  #login(body: { email: string; password: string }): Response {
    const person = this.people.find((candidate) => candidate.email === body.email && candidate.password === body.password);
    if (!person) return problem(401, 'unauthenticated', 'The e-mail address or the password is wrong.');
    return json(this.signIn(person));
  }

  /** A person's roles in the organisation now (after any members API change). */
  rolesOf(person: FakePerson): string[] {
    return this.memberRoles.get(person.id) ?? person.roles;
  }

  /** The organisation's members as GET …/members lists them. */
  members(): Array<{ person: { id: string; name: string; email: string }; roles: string[] }> {
    return this.people
      .filter((person) => this.rolesOf(person).length > 0)
      .map((person) => ({ person: { id: person.id, name: person.name, email: person.email }, roles: [...this.rolesOf(person)] }));
  }

  #membersRoute(person: FakePerson, organisationId: string, method: string, personId: string | undefined, roles: boolean, body: unknown): Response {
    const mine = organisationId === ORG_ID ? this.rolesOf(person) : [];
    if (mine.length === 0) return problem(404, 'not_found', 'No such organisation.');
    if (!mine.includes(MANAGER_ROLE)) return problem(403, 'forbidden', "Only the organisation's permissions admins may manage its people.");
    if (personId === undefined) {
      if (method === 'GET') return json({ members: this.members() });
      // Adding an account directly is gone: people join by invitation.
      if (method === 'POST') return problem(404, 'not_found', `There is nothing at ${method} /api/organisations/${organisationId}/members.`);
    } else {
      const member = this.people.find((candidate) => candidate.id === personId && this.rolesOf(candidate).length > 0);
      if (!member) return problem(404, 'not_found', 'This person is not a member of the organisation.');
      if (method === 'PUT' && roles) return this.#setRoles(member, (body as { roles?: string[] }).roles);
      if (method === 'DELETE' && !roles) {
        if (this.#lastManager(member, [])) return problem(409, 'conflict', LAST_MANAGER);
        this.memberRoles.set(member.id, []);
        return new Response(null, { status: 204 });
      }
    }
    return problem(405, 'method_not_allowed', `${method} is not allowed here.`);
  }

  /** The newest invitation to `email` (any letter case), as the e-mail would carry it. */
  invitationTo(email: string): FakeInvitation | undefined {
    return this.invitations.filter((invitation) => invitation.email.toLowerCase() === email.toLowerCase()).at(-1);
  }

  #invitationsRoute(person: FakePerson, organisationId: string, method: string, invitationId: string | undefined, resend: boolean, body: unknown): Response {
    const mine = organisationId === ORG_ID ? this.rolesOf(person) : [];
    if (mine.length === 0) return problem(404, 'not_found', 'No such organisation.');
    if (!mine.includes(MANAGER_ROLE)) return problem(403, 'forbidden', "Only the organisation's permissions admins may manage its people.");
    if (invitationId === undefined) {
      if (method === 'GET') return json({ invitations: this.#open().map((invitation) => this.#present(invitation)).reverse() });
      if (method === 'POST') return this.#invite(person, body as { email?: string; roles?: string[]; language?: string });
      return problem(405, 'method_not_allowed', `${method} is not allowed here.`);
    }
    const invitation = this.#open().find((candidate) => candidate.id === invitationId);
    if (!invitation) return problem(404, 'not_found', 'There is no open invitation with this id in the organisation.');
    if (method === 'POST' && resend) {
      const at = this.#now();
      Object.assign(invitation, { token: this.#newToken(), sentAt: at, expiresAt: addDays(at, 7), invitedBy: { id: person.id, name: person.name } });
      return json(this.#present(invitation));
    }
    if (method === 'DELETE' && !resend) {
      invitation.revokedAt = this.#now();
      return new Response(null, { status: 204 });
    }
    return problem(405, 'method_not_allowed', `${method} is not allowed here.`);
  }

  #invite(person: FakePerson, body: { email?: string; roles?: string[]; language?: string }): Response {
    const issues = rolesIssues(body.roles);
    const email = (body.email ?? '').trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) issues.unshift({ code: 'schema.format', path: '/email', message: '"email" must be an e-mail address.' });
    if (body.language !== undefined && !['en', 'sv', 'nb'].includes(body.language)) issues.push({ code: 'schema.enum', path: '/language', message: '"language" must be one of en, sv, nb.' });
    if (issues.length > 0) return problem(422, 'invalid', issues.length === 1 ? issues[0]!.message : `The request has ${issues.length} problems.`, issues);
    const existing = this.people.find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
    if (existing && this.rolesOf(existing).length > 0) return problem(409, 'conflict', 'This person is already a member of the organisation; change their roles instead.');
    const at = this.#now();
    for (const open of this.#open()) if (open.email.toLowerCase() === email.toLowerCase()) open.revokedAt = at;
    const invitation: FakeInvitation = {
      id: `invitation-${++this.#ids}`,
      email,
      roles: [...new Set(body.roles!)] as MemberInvitation['roles'],
      invitedBy: { id: person.id, name: person.name },
      createdAt: at,
      sentAt: at,
      expiresAt: addDays(at, 7),
      expired: false,
      token: this.#newToken(),
      language: body.language ?? 'en',
      acceptedAt: null,
      revokedAt: null,
    };
    this.invitations.push(invitation);
    return json(this.#present(invitation), 201);
  }

  #previewInvitation(body: { token?: string }): Response {
    const invitation = this.#usable(body.token);
    if (!invitation) return problem(404, 'not_found', UNUSABLE_INVITATION);
    return json({ organisation: { name: ORG_NAME, kind: 'publisher' }, email: invitation.email, roles: [...invitation.roles], invitedByName: invitation.invitedBy.name, expiresAt: invitation.expiresAt });
  }

  #acceptInvitation(person: FakePerson, body: { token?: string }): Response {
    const invitation = this.#usable(body.token);
    if (!invitation) return problem(404, 'not_found', UNUSABLE_INVITATION);
    if (invitation.email.toLowerCase() !== person.email.toLowerCase()) {
      return problem(403, 'forbidden', 'This invitation was sent to another e-mail address. Sign in as the person it was sent to, or ask for an invitation to your own address.');
    }
    return json(this.#grant(person, invitation));
  }

  #joinByInvitation(body: { token?: string; name?: string; password?: string }): Response {
    const invitation = this.#usable(body.token);
    if (!invitation) return problem(404, 'not_found', UNUSABLE_INVITATION);
    const name = (body.name ?? '').trim();
    const length = [...(body.password ?? '')].length;
    const issues: ApiIssue[] = [
      ...(name === '' ? [{ code: 'person.name_required', path: '/name', message: 'Write your name as others in the organisation should see it.' }] : []),
      ...(length < MIN_PASSWORD_LENGTH ? [{ code: 'password.too_short', path: '/password', message: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long; it has ${length}.` }] : []),
    ];
    if (issues.length > 0) return problem(422, 'invalid', issues[0]!.message, issues);
    if (this.people.some((candidate) => candidate.email.toLowerCase() === invitation.email.toLowerCase())) {
      return problem(409, 'conflict', 'An account with this e-mail address exists already. Sign in with it to accept the invitation.');
    }
    const created: FakePerson = { id: `person-${++this.#ids}`, name, email: invitation.email, password: body.password!, roles: [] };
    this.people = [...this.people, created];
    const accepted = this.#grant(created, invitation);
    return json({ session: this.refuseSignInAfterJoin ? null : this.signIn(created), accepted });
  }

  #grant(person: FakePerson, invitation: FakeInvitation) {
    invitation.acceptedAt = this.#now();
    const roles = [...new Set([...this.rolesOf(person), ...invitation.roles])];
    this.memberRoles.set(person.id, roles);
    return { organisation: { id: ORG_ID, name: ORG_NAME, kind: 'publisher' as const }, roles };
  }

  #open(): FakeInvitation[] {
    return this.invitations.filter((invitation) => invitation.acceptedAt === null && invitation.revokedAt === null);
  }

  #usable(token: string | undefined): FakeInvitation | undefined {
    const now = new Date(this.#clock).toISOString();
    return this.#open().find((invitation) => invitation.token === token && invitation.expiresAt > now);
  }

  #present(invitation: FakeInvitation): MemberInvitation {
    const { token: _token, language: _language, acceptedAt: _acceptedAt, revokedAt: _revokedAt, ...view } = invitation;
    return { ...view, roles: [...view.roles], invitedBy: { ...view.invitedBy }, expired: view.expiresAt <= new Date(this.#clock).toISOString() };
  }

  #newToken(): string {
    return `link-token-${++this.#ids}`.padEnd(43, 'x');
  }

  #setRoles(member: FakePerson, roles: string[] | undefined): Response {
    const issues = rolesIssues(roles);
    if (issues.length > 0) return problem(422, 'invalid', issues[0]!.message, issues);
    if (this.#lastManager(member, roles!)) return problem(409, 'conflict', LAST_MANAGER);
    this.memberRoles.set(member.id, [...new Set(roles!)]);
    return json(this.members().find((candidate) => candidate.person.id === member.id));
  }

  /** Whether giving `member` these roles would leave nobody who manages the people. */
  #lastManager(member: FakePerson, roles: readonly string[]): boolean {
    if (roles.includes(MANAGER_ROLE)) return false;
    return !this.people.some((candidate) => candidate.id !== member.id && this.rolesOf(candidate).includes(MANAGER_ROLE));
  }

  #create(person: FakePerson, body: Record<string, unknown>): Response {
    if (!person.roles.includes('designer')) return problem(403, 'forbidden', 'Only designers create modules and programs.');
    let content: Record<string, unknown>;
    let kind = (body['kind'] as 'module' | 'program' | undefined) ?? 'module';
    if (body['example'] !== undefined) {
      const example = this.examples.find((candidate) => candidate.id === body['example']);
      if (!example) return problem(404, 'not_found', `There is no ${kind} example "${String(body['example'])}".`);
      content = structuredClone(example.document) as Record<string, unknown>;
    } else if (body['document'] !== undefined) {
      const detected = detectDocumentKind(body['document']);
      if (detected !== 'module' && detected !== 'program') {
        return problem(422, 'invalid', 'The uploaded JSON is neither a module (with "pages") nor a program (with "durationWeeks").', [{ code: 'authoring.not_a_document', path: '/document', message: 'The uploaded JSON is neither a module (with "pages") nor a program (with "durationWeeks").' }]);
      }
      const upgraded = upgradeDocument(body['document']);
      if (!upgraded.ok) return problem(422, 'invalid', 'The document cannot be upgraded to the current format.', upgraded.issues.map((issue) => ({ code: issue.code, path: `/document${issue.path}`, message: issue.message })));
      kind = detected;
      content = upgraded.value as Record<string, unknown>;
    } else {
      content = { formatVersion: 1, id: body['id'], title: { [String(body['language'] ?? 'sv')]: body['title'] }, pages: [] };
    }
    const id = String(body['id'] ?? content['id'] ?? '');
    // As the server: the same answer wherever the id is used, with the first free id of its kind.
    if (this.documents.has(id)) {
      const free = [1, 2, 3, 4, 5].map((n) => `${id}-copy${n === 1 ? '' : `-${n}`}`).find((candidate) => !this.documents.has(candidate));
      return problem(409, 'conflict', `The id "${id}" is not available.`, [{ code: 'authoring.id_taken', path: '/id', message: free ? `"${free}" is free: use it, or choose another id.` : 'Choose another id.' }]);
    }
    const title = typeof body['title'] === 'string' ? body['title'] : id;
    const created = this.addDocument(id, title, { ...content, id }, [], { kind, createdBy: person.id, lastEditedBy: person.id });
    return json({ document: created.summary, content: created.draft, issues: [], seq: 1 }, 201);
  }

  #documentRoute(person: FakePerson, document: FakeDocument, method: string, rest: string, query: URLSearchParams, body: unknown): Response {
    const id = document.summary.id;
    this.#refresh(document);
    if (method === 'GET' && rest === '') return json({ ...document.summary, versions: document.versions.map(({ number, state, allowedActions }) => ({ number, state, allowedActions })) });
    if (method === 'GET' && rest === '/draft') return json({ document: document.summary, content: document.draft, issues: this.submitIssues, seq: 1 });
    if (method === 'GET' && rest === '/versions') return json({ versions: document.versions.map(({ content: _content, ...view }) => view) });
    if (method === 'POST' && rest === '/versions') return this.#submit(person, document, body as { changeNote: string });
    const version = /^\/versions\/(\d+)(\/transitions|\/test-enrollments)?$/.exec(rest);
    if (version) {
      const stored = document.versions.find((candidate) => candidate.number === Number(version[1]));
      if (!stored) return problem(404, 'not_found', `"${id}" has no version ${version[1]}.`);
      if (method === 'GET' && !version[2]) return json(stored);
      if (method === 'POST' && version[2] === '/test-enrollments') return this.#enrollForTest(person, document, stored);
      if (method === 'POST' && version[2] === '/transitions') return this.#transition(person, document, stored, body as { action: WorkflowAction; note?: string; releaseNotes?: string; releaseClass?: 'major' | 'minor' });
    }
    if (method === 'GET' && rest === '/diff') {
      const contentAt = (which: string | null) => (which === 'draft' || which === null ? document.draft : document.versions.find((candidate) => candidate.number === Number(which))?.content);
      const changes = diffDocuments(contentAt(query.get('from')), contentAt(query.get('to')));
      const ref = (value: string | null) => (value === null || value === 'draft' ? 'draft' : Number(value));
      return json({ from: ref(query.get('from')), to: ref(query.get('to')), changes, suggestedClass: classifyRelease(changes) });
    }
    if (method === 'GET' && rest === '/comments') return json({ threads: this.#threads(id, query.get('on')) });
    if (method === 'POST' && rest === '/comments') {
      const input = body as { body: string; version?: number | null; anchor?: string | null; parentId?: string };
      const parent = input.parentId ? this.comments.find((comment) => comment.id === input.parentId) : undefined;
      const comment = this.addComment(id, { body: input.body, authorId: person.id, versionNumber: parent ? parent.versionNumber : (input.version ?? null), anchor: parent ? parent.anchor : (input.anchor ?? null), parentId: parent?.id ?? null });
      return json(comment, 201);
    }
    const resolve = /^\/comments\/([^/]+)\/(resolve|reopen)$/.exec(rest);
    if (method === 'POST' && resolve) {
      const comment = this.comments.find((candidate) => candidate.id === resolve[1] && candidate.documentId === id);
      if (!comment) return problem(404, 'not_found', `There is no comment "${resolve[1]}".`);
      comment.resolvedAt = resolve[2] === 'resolve' ? this.#now() : null;
      comment.resolvedBy = resolve[2] === 'resolve' ? person.id : null;
      return json(comment);
    }
    return problem(404, 'not_found', `There is nothing at ${method} ${rest}.`);
  }

  #submit(person: FakePerson, document: FakeDocument, body: { changeNote: string }): Response {
    if (!person.roles.includes('designer')) return problem(403, 'forbidden', 'Only designers submit versions.');
    if (this.submitIssues.length > 0) return problem(422, 'invalid', `The draft has ${this.submitIssues.length} problems to fix before it can be submitted.`, this.submitIssues);
    const at = this.#now();
    const number = document.versions.length + 1;
    const version: StoredVersion = { documentId: document.summary.id, number, state: 'submitted', allowedActions: [], contentHash: `${'cd'.repeat(31)}${String(number).padStart(2, '0')}`, changeNote: body.changeNote, authoredBy: person.id, authoredByName: person.name, contributors: [person.id], createdAt: at, stateChangedAt: at, stateChangedBy: person.id, release: null, content: structuredClone(document.draft) };
    document.versions.push(version);
    this.#refresh(document);
    const { content: _content, ...view } = version;
    return json(view, 201);
  }

  #transition(person: FakePerson, document: FakeDocument, version: StoredVersion, body: { action: WorkflowAction; note?: string; releaseNotes?: string; releaseClass?: 'major' | 'minor' }): Response {
    if (!person.roles.includes(ACTION_ROLE[body.action])) return problem(403, 'forbidden', `Only a ${ACTION_ROLE[body.action]} can do that.`);
    const step = nextState(version.state, body.action);
    if (!step.ok) return problem(409, 'conflict', step.reason, [{ code: 'workflow.illegal_transition', path: '/action', message: step.reason }]);
    const involved = version.authoredBy === person.id || version.contributors.includes(person.id);
    if (FOUR_EYES_ACTIONS.has(body.action) && involved) return problem(403, 'forbidden', `You cannot approve version ${version.number}: you authored it. Another publisher must.`);
    if (body.action === 'release' && !(body.releaseNotes ?? '').trim()) return problem(422, 'invalid', 'Write release notes.', [{ code: 'release.notes_missing', path: '/releaseNotes', message: 'Write release notes: care providers read them in the catalog.' }]);
    version.state = step.to;
    version.stateChangedAt = this.#now();
    version.stateChangedBy = person.id;
    if (body.action === 'release') {
      version.release = { releasedAt: version.stateChangedAt, releasedBy: person.id, releaseClass: body.releaseClass ?? 'major', suggestedClass: 'major', releaseNotes: body.releaseNotes ?? '', pins: [] };
      document.summary.releasedVersion = version.number;
    }
    this.#refresh(document);
    const { content: _content, ...view } = version;
    return json(view);
  }

  #enrollForTest(person: FakePerson, document: FakeDocument, version: StoredVersion): Response {
    if (!person.roles.some((role) => role === 'tester' || role === 'publisher')) return problem(403, 'forbidden', 'This needs the tester or publisher role in the organisation that owns the module.');
    if (!TESTABLE_STATES.has(version.state)) {
      const message = `Version ${version.number} is "${version.state}"; only versions approved for test or released can be tested.`;
      return problem(409, 'conflict', message, [{ code: 'workflow.not_testable', path: '', message }]);
    }
    const enrollment: TestEnrollmentView = { id: `test-enrollment-${++this.#ids}`, documentId: document.summary.id, kind: document.summary.kind, versionNumber: version.number, contentHash: version.contentHash, createdBy: person.id, createdAt: this.#now(), content: structuredClone(version.content), pins: [] };
    this.testEnrollments.set(enrollment.id, enrollment);
    return json(enrollment, 201);
  }

  #testEnrollment(person: FakePerson, enrollmentId: string): Response {
    const enrollment = this.testEnrollments.get(enrollmentId);
    // Like the server: someone who cannot test learns nothing about the enrollment either.
    if (!enrollment || !person.roles.some((role) => role === 'tester' || role === 'publisher')) return problem(404, 'not_found', `There is no test enrollment "${enrollmentId}".`);
    return json(enrollment);
  }

  #threads(documentId: string, on: string | null): CommentThread[] {
    const mine = this.comments.filter((comment) => comment.documentId === documentId);
    const wanted = on === null ? undefined : on === 'draft' ? null : Number(on);
    return mine
      .filter((comment) => comment.parentId === null && (wanted === undefined || comment.versionNumber === wanted))
      .map((root) => ({ ...root, replies: mine.filter((comment) => comment.parentId === root.id) }));
  }

  #refresh(document: FakeDocument): void {
    for (const version of document.versions) version.allowedActions = allowedActions(version.state);
    const latest = document.versions[document.versions.length - 1];
    document.summary.latestVersion = latest ? { number: latest.number, state: latest.state } : null;
  }

  #now(): string {
    this.#clock += 60_000;
    return new Date(this.#clock).toISOString();
  }
}

const LAST_MANAGER = 'This would leave the organisation without anyone who can manage its people (permissions_admin). Give that role to someone else first.';

/** The request-body checks of `roles` (runtime/src/routes/accounts-bodies.ts and the service's assignable roles). */
function rolesIssues(roles: unknown): ApiIssue[] {
  if (!Array.isArray(roles)) return [{ code: 'schema.required', path: '/roles', message: '"roles" is required.' }];
  if (roles.length === 0) return [{ code: 'schema.minItems', path: '/roles', message: '"roles" must NOT have fewer than 1 items.' }];
  return roles.flatMap((role, index) =>
    ASSIGNABLE_ROLES.includes(String(role)) ? [] : [{ code: 'role.not_assignable', path: `/roles/${index}`, message: `The role "${String(role)}" cannot be given in a publisher organisation; choose one of ${ASSIGNABLE_ROLES.join(', ')}.` }],
  );
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 24 * 3600_000).toISOString();
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string, detail: string, issues: ApiIssue[] = []): Response {
  const titles: Record<number, string> = { 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found', 405: 'Method not allowed', 409: 'Conflict', 422: 'Invalid content' };
  return new Response(JSON.stringify({ type: `https://careloom.org/problems/${code}`, title: titles[status] ?? 'Error', status, detail, code, ...(issues.length ? { issues } : {}) }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
