import type { ValidateFunction } from 'ajv';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { validateChangePasswordBody, validateInvitationTokenBody, validateInviteBody, validateJoinBody, validateLoginBody, validateSetRolesBody } from './accounts-bodies.js';
import { commentBody } from './module-comments.js';
import { createBody, submitBody, transitionBody } from './modules.js';
import { fhirImportBody } from './fhir-import.js';
import { CARE_OPERATIONS } from './care/care-operations.js';
import { createApiTokenBody } from './api-tokens.js';
import { STAFF_OPERATIONS } from './staff-operations.js';

/** One HTTP operation of the API as documented. Request bodies come from the validators the routes use, so they cannot drift. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, `{param}` style. */
  path: string;
  summary: string;
  tag: string;
  /** `session`: needs the session cookie (and X-CSRF-Token on unsafe methods). */
  auth: 'none' | 'session';
  body?: ValidateFunction;
  /** Success status and what it returns. */
  success: { status: number; description: string };
  /** Problem statuses the operation can answer besides 500. */
  problems: number[];
}

const READ = [401, 403, 404];
const WRITE = [400, 401, 403, 404, 415, 422];

/**
 * Every operation the server answers under its HTTP API. A test checks this list against the app's
 * registered routes in both directions, so adding a route without documenting it fails the build.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/health', summary: 'Liveness and database check', tag: 'system', auth: 'none', success: { status: 200, description: 'Status of the server and its database' }, problems: [503] },
  { method: 'get', path: '/api/openapi.json', summary: 'This API description', tag: 'system', auth: 'none', success: { status: 200, description: 'OpenAPI 3.1 document' }, problems: [] },
  { method: 'get', path: '/api/examples', summary: 'The example modules and programs shipped with Careloom, validated at start', tag: 'examples', auth: 'none', success: { status: 200, description: 'Examples with id, kind, title, languages, content hash and validity' }, problems: [] },
  { method: 'get', path: '/api/examples/{id}', summary: 'One example document (strong ETag; 304 on If-None-Match)', tag: 'examples', auth: 'none', success: { status: 200, description: 'The example document' }, problems: [404] },

  { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the session cookie and the known-device cookie (which lets this browser past login backoff later) and returns the CSRF token; 429 with Retry-After while failed logins make tries wait', tag: 'auth', auth: 'none', body: validateLoginBody, success: { status: 200, description: 'The person, memberships and csrfToken' }, problems: [400, 401, 403, 415, 422, 429] },
  { method: 'post', path: '/api/auth/logout', summary: 'End the session', tag: 'auth', auth: 'session', success: { status: 204, description: 'Signed out' }, problems: [401, 403] },
  { method: 'get', path: '/api/auth/me', summary: 'The signed-in person, memberships and CSRF token', tag: 'auth', auth: 'session', success: { status: 200, description: 'The session' }, problems: [401] },
  { method: 'post', path: '/api/auth/password', summary: 'Change the own password (ends other sessions)', tag: 'auth', auth: 'session', body: validateChangePasswordBody, success: { status: 204, description: 'Changed' }, problems: WRITE },

  { method: 'get', path: '/api/organisations', summary: 'The organisations the caller belongs to', tag: 'organisations', auth: 'session', success: { status: 200, description: 'Organisations with the caller\'s roles' }, problems: [401] },
  { method: 'get', path: '/api/organisations/{orgId}/members', summary: 'Members and their roles (permissions admins)', tag: 'organisations', auth: 'session', success: { status: 200, description: 'Members' }, problems: READ },
  { method: 'put', path: '/api/organisations/{orgId}/members/{personId}/roles', summary: 'Replace a member\'s roles (closes live connections that lose access)', tag: 'organisations', auth: 'session', body: validateSetRolesBody, success: { status: 200, description: 'The member' }, problems: [...WRITE, 409] },
  { method: 'delete', path: '/api/organisations/{orgId}/members/{personId}', summary: 'Remove a member (never the last permissions admin)', tag: 'organisations', auth: 'session', success: { status: 204, description: 'Removed' }, problems: [401, 403, 404, 409] },
  { method: 'get', path: '/api/organisations/{orgId}/invitations', summary: 'Open membership invitations, expired ones included (permissions admins)', tag: 'organisations', auth: 'session', success: { status: 200, description: 'Invitations with e-mail address, roles, sender and expiry; never the link' }, problems: READ },
  { method: 'post', path: '/api/organisations/{orgId}/invitations', summary: 'Invite an e-mail address with roles: the person joins only by accepting; the same answer whether or not the address has an account', tag: 'organisations', auth: 'session', body: validateInviteBody, success: { status: 201, description: 'The invitation (its link is only in the e-mail)' }, problems: [...WRITE, 409, 429] },
  { method: 'post', path: '/api/organisations/{orgId}/invitations/{invitationId}/resend', summary: 'Send an open invitation again with a new link and expiry (the old link stops working)', tag: 'organisations', auth: 'session', success: { status: 200, description: 'The invitation' }, problems: [401, 403, 404, 429] },
  { method: 'delete', path: '/api/organisations/{orgId}/invitations/{invitationId}', summary: 'Withdraw an open invitation (its link stops working)', tag: 'organisations', auth: 'session', success: { status: 204, description: 'Withdrawn' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/public/member-invitations/preview', summary: 'What an invitation link offers: organisation, address, roles, sender, expiry', tag: 'organisations', auth: 'none', body: validateInvitationTokenBody, success: { status: 200, description: 'The invitation as its holder sees it' }, problems: [400, 404, 415, 422] },
  { method: 'post', path: '/api/public/member-invitations/join', summary: 'Accept an invitation as a new person: choose a name and password, become a member and sign in (sets the session cookie)', tag: 'organisations', auth: 'none', body: validateJoinBody, success: { status: 200, description: 'The session (null when the login throttle refused the sign-in) and the membership' }, problems: [400, 404, 409, 415, 422] },
  { method: 'post', path: '/api/member-invitations/accept', summary: 'Accept an invitation sent to the signed-in person\'s own e-mail address', tag: 'organisations', auth: 'session', body: validateInvitationTokenBody, success: { status: 200, description: 'The organisation and the roles held there now' }, problems: [400, 401, 403, 404, 415, 422] },

  { method: 'get', path: '/api/modules', summary: 'Modules and programs of the caller\'s organisations, with status and last editor', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Documents' }, problems: [401] },
  { method: 'post', path: '/api/modules', summary: 'Create a module or program from scratch, an example or an uploaded document', tag: 'authoring', auth: 'session', body: createBody, success: { status: 201, description: 'The new document and its draft' }, problems: [...WRITE, 409] },
  { method: 'post', path: '/api/modules/fhir-import', summary: 'Import a FHIR R4 Questionnaire into a new module draft, listing item by item what could not be carried over', tag: 'authoring', auth: 'session', body: fhirImportBody, success: { status: 201, description: 'The new document, its draft and the import notes' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/modules/{id}', summary: 'One document with its versions\' states', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The document' }, problems: READ },
  { method: 'get', path: '/api/modules/{id}/draft', summary: 'The live draft as JSON with its validation issues', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Draft content, issues and update sequence' }, problems: READ },
  { method: 'get', path: '/api/modules/{id}/versions', summary: 'Version history', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Versions' }, problems: READ },
  { method: 'post', path: '/api/modules/{id}/versions', summary: 'Submit the draft as a new immutable version (422 with every problem when invalid)', tag: 'authoring', auth: 'session', body: submitBody, success: { status: 201, description: 'The submitted version' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/modules/{id}/versions/{n}', summary: 'One version with its canonical content and hash', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The version' }, problems: READ },
  { method: 'post', path: '/api/modules/{id}/versions/{n}/transitions', summary: 'Move a version through the workflow (409 for an illegal transition)', tag: 'authoring', auth: 'session', body: transitionBody, success: { status: 200, description: 'The version in its new state' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/modules/{id}/diff', summary: 'Structural diff between two versions (or a version and the draft) with a suggested release class', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Changes and classification' }, problems: [400, ...READ] },
  { method: 'get', path: '/api/modules/{id}/comments', summary: 'Review comment threads', tag: 'authoring', auth: 'session', success: { status: 200, description: 'Comments' }, problems: READ },
  { method: 'post', path: '/api/modules/{id}/comments', summary: 'Comment on a version or the draft, anchored to a block or item', tag: 'authoring', auth: 'session', body: commentBody, success: { status: 201, description: 'The comment' }, problems: WRITE },
  { method: 'post', path: '/api/modules/{id}/comments/{commentId}/resolve', summary: 'Resolve a comment thread', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The comment' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/modules/{id}/comments/{commentId}/reopen', summary: 'Reopen a comment thread', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The comment' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/modules/{id}/versions/{n}/test-enrollments', summary: 'Open an approved-for-test version as a patient would (testers, publishers)', tag: 'authoring', auth: 'session', success: { status: 201, description: 'The test enrollment' }, problems: [401, 403, 404, 409] },
  { method: 'get', path: '/api/test-enrollments/{id}', summary: 'A test enrollment with the exact version content', tag: 'authoring', auth: 'session', success: { status: 200, description: 'The test enrollment' }, problems: READ },
  { method: 'get', path: '/api/catalog', summary: 'Released versions with notes, class, hash and history', tag: 'catalog', auth: 'session', success: { status: 200, description: 'Catalog entries' }, problems: [401, 403] },
  ...CARE_OPERATIONS,
  { method: 'get', path: '/api/care/providers/{organisationId}/api-tokens', summary: "The care provider's API tokens for integrating systems, with scopes, units and last use (never the token)", tag: 'care', auth: 'session', success: { status: 200, description: 'Tokens' }, problems: READ },
  { method: 'post', path: '/api/care/providers/{organisationId}/api-tokens', summary: 'Create an API token for an integrating system, for the provider or some of its units, with read scopes; the token is in this answer only', tag: 'care', auth: 'session', body: createApiTokenBody, success: { status: 201, description: 'The token (shown once) and its description' }, problems: WRITE },
  { method: 'delete', path: '/api/care/providers/{organisationId}/api-tokens/{tokenId}', summary: 'Revoke an API token; it stops working at once', tag: 'care', auth: 'session', success: { status: 204, description: 'Revoked' }, problems: READ },
  ...STAFF_OPERATIONS,
];

/** Builds the OpenAPI 3.1 document from the operation list. */
export function openApiDocument(operations: readonly ApiOperation[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
    const responses: Record<string, unknown> = {
      [operation.success.status]: operation.success.status === 204 ? { description: operation.success.description } : { description: operation.success.description, content: { 'application/json': { schema: {} } } },
    };
    for (const status of [...new Set(operation.problems)].sort()) responses[status] = { $ref: `#/components/responses/Problem` };
    (paths[operation.path] ??= {})[operation.method] = {
      summary: operation.summary,
      tags: [operation.tag],
      operationId: `${operation.method}${operation.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_m, next: string | undefined) => (next ? next.toUpperCase() : ''))}`,
      ...(parameters.length ? { parameters } : {}),
      ...(operation.auth === 'session' ? { security: [{ session: [] }] } : { security: [] }),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: operation.body.schema } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Careloom API', version, description: 'JSON over HTTP. Errors are RFC 9457 problem+json with `issues[]` naming each problem by JSON Pointer. Unsafe requests with a session cookie need the `X-CSRF-Token` header from login or GET /api/auth/me and a same-origin `Origin`. Live drafts: WebSocket `/collab/{moduleId}` speaking the standard y-websocket protocol.' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'careloom_session' } },
      responses: {
        Problem: {
          description: 'RFC 9457 problem details',
          content: {
            'application/problem+json': {
              schema: {
                type: 'object',
                required: ['type', 'title', 'status'],
                properties: {
                  type: { type: 'string', format: 'uri' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                  instance: { type: 'string' },
                  code: { type: 'string' },
                  requestId: { type: 'string' },
                  issues: { type: 'array', items: { type: 'object', required: ['code', 'path', 'message'], properties: { code: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } } } },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** GET /api/openapi.json. */
export function openApiRoutes(version: string) {
  const document = openApiDocument(API_OPERATIONS, version);
  return new Hono<AppEnv>().get('/api/openapi.json', (c) => c.json(document));
}
