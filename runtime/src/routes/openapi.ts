import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { openApiDocument, READ, WRITE, type ApiOperation } from './api-operation.js';
import { CARE_OPERATIONS } from './care/care-operations.js';
import { MEDIA_OPERATIONS } from './media.js';
import { STAFF_OPERATIONS } from './staff-operations.js';
import { WEBHOOK_OPERATIONS } from './webhooks.js';
import { RESEARCH_EXPORT_OPERATIONS } from './research-export.js';
import { OIDC_OPERATIONS } from './oidc.js';
import { SECOND_FACTOR_OPERATIONS } from './second-factor.js';

/**
 * Every operation the server answers under its HTTP API. A test checks this list against the app's
 * registered routes in both directions, so adding a route without documenting it fails the build;
 * api-operation.ts explains how an operation names its bodies.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/health', summary: 'Liveness and database check', tag: 'system', auth: 'none', success: { status: 200, description: 'Status of the server and its database', response: 'Health' }, problems: [503] },
  { method: 'get', path: '/api/openapi.json', summary: 'This API description', tag: 'system', auth: 'none', success: { status: 200, description: 'OpenAPI 3.1 document', response: 'OpenApiDocument' }, problems: [] },
  { method: 'get', path: '/api/examples', summary: 'The example modules and programs shipped with Careloom, validated at start', tag: 'examples', auth: 'none', success: { status: 200, description: 'Examples with id, kind, title, languages, content hash and validity', response: 'ExampleList' }, problems: [] },
  { method: 'get', path: '/api/examples/{id}', summary: 'One example document (strong ETag; 304 on If-None-Match)', tag: 'examples', auth: 'none', success: { status: 200, description: 'The example document', response: 'ExampleDocument' }, problems: [404] },

  { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the session cookie and the known-device cookie (which lets this browser past login backoff later) and returns the CSRF token; 429 with Retry-After while failed logins make tries wait', tag: 'auth', auth: 'none', request: 'LoginBody', success: { status: 200, description: 'The person, memberships and csrfToken', response: 'Session' }, problems: [400, 401, 403, 415, 422, 429] },
  { method: 'post', path: '/api/auth/logout', summary: 'End the session', tag: 'auth', auth: 'session', success: { status: 204, description: 'Signed out' }, problems: [401, 403] },
  { method: 'get', path: '/api/auth/me', summary: 'The signed-in person, memberships and CSRF token', tag: 'auth', auth: 'session', success: { status: 200, description: 'The session', response: 'Session' }, problems: [401] },
  { method: 'get', path: '/api/auth/session', summary: 'The session when the browser has one, else null (the apps\' start-up probe: no 401 for a visitor who is not signed in)', tag: 'auth', auth: 'none', success: { status: 200, description: 'The session or null', response: 'SessionProbe' }, problems: [] },
  { method: 'post', path: '/api/auth/password', summary: 'Change the own password (ends other sessions)', tag: 'auth', auth: 'session', request: 'ChangePasswordBody', success: { status: 204, description: 'Changed' }, problems: WRITE },

  { method: 'get', path: '/api/organisations', summary: 'The organisations the caller belongs to', tag: 'organisations', auth: 'session', success: { status: 200, description: 'Organisations with the caller\'s roles', response: 'MyOrganisations' }, problems: [401] },
  { method: 'get', path: '/api/organisations/{orgId}/members', summary: 'Members and their roles (permissions admins)', tag: 'organisations', auth: 'session', success: { status: 200, description: 'Members', response: 'Members' }, problems: READ },
  { method: 'put', path: '/api/organisations/{orgId}/members/{personId}/roles', summary: 'Replace a member\'s roles (closes live connections that lose access)', tag: 'organisations', auth: 'session', request: 'SetRolesBody', success: { status: 200, description: 'The member', response: 'Member' }, problems: [...WRITE, 409] },
  { method: 'delete', path: '/api/organisations/{orgId}/members/{personId}', summary: 'Remove a member (never the last permissions admin)', tag: 'organisations', auth: 'session', success: { status: 204, description: 'Removed' }, problems: [401, 403, 404, 409] },
  { method: 'get', path: '/api/organisations/{orgId}/invitations', summary: 'Open membership invitations, expired ones included (permissions admins)', tag: 'organisations', auth: 'session', success: { status: 200, description: 'Invitations with e-mail address, roles, sender and expiry; never the link', response: 'MemberInvitations' }, problems: READ },
  { method: 'post', path: '/api/organisations/{orgId}/invitations', summary: 'Invite an e-mail address with roles: the person joins only by accepting; the same answer whether or not the address has an account', tag: 'organisations', auth: 'session', request: 'InviteBody', success: { status: 201, description: 'The invitation (its link is only in the e-mail)', response: 'MemberInvitation' }, problems: [...WRITE, 409, 429] },
  { method: 'post', path: '/api/organisations/{orgId}/invitations/{invitationId}/resend', summary: 'Send an open invitation again with a new link and expiry (the old link stops working)', tag: 'organisations', auth: 'session', success: { status: 200, description: 'The invitation', response: 'MemberInvitation' }, problems: [401, 403, 404, 429] },
  { method: 'delete', path: '/api/organisations/{orgId}/invitations/{invitationId}', summary: 'Withdraw an open invitation (its link stops working)', tag: 'organisations', auth: 'session', success: { status: 204, description: 'Withdrawn' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/public/member-invitations/preview', summary: 'What an invitation link offers: organisation, address, roles, sender, expiry', tag: 'organisations', auth: 'none', request: 'InvitationTokenBody', success: { status: 200, description: 'The invitation as its holder sees it', response: 'InvitationPreview' }, problems: [400, 404, 415, 422] },
  { method: 'post', path: '/api/public/member-invitations/join', summary: 'Accept an invitation as a new person: choose a name and password, become a member and sign in (sets the session cookie)', tag: 'organisations', auth: 'none', request: 'JoinBody', success: { status: 200, description: 'The session (null when the login throttle refused the sign-in) and the membership', response: 'JoinedInvitation' }, problems: [400, 404, 409, 415, 422] },
  { method: 'post', path: '/api/member-invitations/accept', summary: 'Accept an invitation sent to the signed-in person\'s own e-mail address', tag: 'organisations', auth: 'session', request: 'InvitationTokenBody', success: { status: 200, description: 'The organisation and the roles held there now', response: 'AcceptedInvitation' }, problems: [400, 401, 403, 404, 415, 422] },

  { method: 'get', path: '/api/modules', summary: 'Modules and programs of the caller\'s organisations, with status and last editor', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Documents', response: 'DocumentList' }, problems: [401] },
  { method: 'post', path: '/api/modules', summary: 'Create a module or program from scratch, an example or an uploaded document', tag: 'authoring', auth: 'session', request: 'CreateDocumentInput', success: { status: 201, description: 'The new document and its draft', response: 'DraftView' }, problems: [...WRITE, 409] },
  { method: 'post', path: '/api/modules/fhir-import', summary: 'Import a FHIR R4 Questionnaire into a new module draft, listing item by item what could not be carried over', tag: 'authoring', auth: 'session', request: 'FhirImportBody', success: { status: 201, description: 'The new document, its draft and the import notes', response: 'FhirImportView' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/modules/{id}', summary: 'One document with its versions\' states', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The document', response: 'DocumentDetail' }, problems: READ },
  { method: 'get', path: '/api/modules/{id}/draft', summary: 'The live draft as JSON with its validation issues', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Draft content, issues and update sequence', response: 'DraftView' }, problems: READ },
  { method: 'get', path: '/api/modules/{id}/versions', summary: 'Version history', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Versions', response: 'VersionList' }, problems: READ },
  { method: 'post', path: '/api/modules/{id}/versions', summary: 'Submit the draft as a new immutable version (422 with every problem when invalid)', tag: 'authoring', auth: 'session', request: 'SubmitBody', success: { status: 201, description: 'The submitted version', response: 'VersionView' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/modules/{id}/versions/{n}', summary: 'One version with its canonical content and hash', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The version', response: 'VersionView' }, problems: READ },
  { method: 'post', path: '/api/modules/{id}/versions/{n}/transitions', summary: 'Move a version through the workflow (409 for an illegal transition)', tag: 'authoring', auth: 'session', request: 'TransitionInput', success: { status: 200, description: 'The version in its new state', response: 'VersionView' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/modules/{id}/diff', summary: 'Structural diff between two versions (or a version and the draft) with a suggested release class', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Changes and classification', response: 'DiffView' }, problems: [400, ...READ] },
  { method: 'get', path: '/api/modules/{id}/comments', summary: 'Review comment threads', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Comments', response: 'CommentThreads' }, problems: READ },
  { method: 'post', path: '/api/modules/{id}/comments', summary: 'Comment on a version or the draft, anchored to a block or item', tag: 'authoring', auth: 'session', request: 'CommentInput', success: { status: 201, description: 'The comment', response: 'CommentRecord' }, problems: WRITE },
  { method: 'post', path: '/api/modules/{id}/comments/{commentId}/resolve', summary: 'Resolve a comment thread', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The comment', response: 'CommentRecord' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/modules/{id}/comments/{commentId}/reopen', summary: 'Reopen a comment thread', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The comment', response: 'CommentRecord' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/modules/{id}/versions/{n}/test-enrollments', summary: 'Open an approved-for-test version as a patient would (testers, publishers)', tag: 'authoring', auth: 'session', success: { status: 201, description: 'The test enrollment', response: 'TestEnrollmentView' }, problems: [401, 403, 404, 409] },
  { method: 'get', path: '/api/test-enrollments/{id}', summary: 'A test enrollment with the exact version content', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The test enrollment', response: 'TestEnrollmentView' }, problems: READ },
  { method: 'get', path: '/api/catalog', summary: 'Released versions with notes, class, hash and history', tag: 'catalog', auth: 'session', success: { status: 200, description: 'Catalog entries', response: 'Catalog' }, problems: [401, 403] },
  ...CARE_OPERATIONS,
  { method: 'get', path: '/api/care/providers/{organisationId}/api-tokens', summary: "The care provider's API tokens for integrating systems, with scopes, units and last use (never the token)", tag: 'care', auth: 'session', success: { status: 200, description: 'Tokens', response: 'ApiTokenList' }, problems: READ },
  { method: 'post', path: '/api/care/providers/{organisationId}/api-tokens', summary: 'Create an API token for an integrating system, for the provider or some of its units, with read scopes; the token is in this answer only', tag: 'care', auth: 'session', request: 'CreateApiTokenBody', success: { status: 201, description: 'The token (shown once) and its description', response: 'CreatedApiToken' }, problems: WRITE },
  { method: 'delete', path: '/api/care/providers/{organisationId}/api-tokens/{tokenId}', summary: 'Revoke an API token; it stops working at once', tag: 'care', auth: 'session', success: { status: 204, description: 'Revoked' }, problems: READ },
  ...WEBHOOK_OPERATIONS,
  ...RESEARCH_EXPORT_OPERATIONS,
  ...STAFF_OPERATIONS,
  ...OIDC_OPERATIONS,
  ...SECOND_FACTOR_OPERATIONS,
  ...MEDIA_OPERATIONS,
];

/** GET /api/openapi.json. The document is built on its first request: few ever ask, and building it delayed every start. */
export function openApiRoutes(version: string) {
  let document: Record<string, unknown> | undefined;
  return new Hono<AppEnv>().get('/api/openapi.json', (c) => c.json((document ??= openApiDocument(API_OPERATIONS, version))));
}
