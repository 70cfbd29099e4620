import { parse } from 'hono/utils/cookie';
import type { CollabAuthorization, CollabRequest } from '../collab/collab-server.js';
import { SESSION_COOKIE_NAME } from '../auth/session-cookie.js';
import type { AuthenticationService } from '../domain/accounts/authentication-service.js';
import { authorize, NO_SUCH_DOCUMENT } from '../domain/authoring/policy.js';
import { SECOND_FACTOR_OWED_MESSAGE } from '../auth/second-factor-owed.js';

export interface CollabAuthorizerDeps {
  authentication: AuthenticationService;
  /** The owning organisation of a document, or undefined when there is no such document. */
  findDocument(id: string): Promise<{ organisationId: string } | undefined>;
}

/**
 * Decides a collaboration connection from the same session cookie and the same authoring policy as
 * the HTTP API: designers of the owning organisation write, its publishers and testers read, others
 * are refused (404 when they may not know the document exists). Re-run by the collab server when a
 * person's roles or sessions change, so a revoked role closes the connection.
 */
export function createCollabAuthorizer(deps: CollabAuthorizerDeps) {
  return async (request: CollabRequest, documentName: string): Promise<CollabAuthorization> => {
    const cookieHeader = request.headers.cookie;
    const token = cookieHeader ? parse(cookieHeader, SESSION_COOKIE_NAME)[SESSION_COOKIE_NAME] : undefined;
    if (!token) return { ok: false, status: 401, reason: 'Sign in to open a draft.' };
    const userAgent = request.headers['user-agent'];
    const resolved = await deps.authentication.resolveSession(token, {
      ...(request.remoteAddress ? { ip: request.remoteAddress } : {}),
      ...(typeof userAgent === 'string' ? { userAgent } : {}),
    });
    if (!resolved) return { ok: false, status: 401, reason: 'The session has ended. Sign in again.' };
    if (resolved.secondFactorOwed) return { ok: false, status: 403, reason: SECOND_FACTOR_OWED_MESSAGE };
    const { principal } = resolved;
    const document = await deps.findDocument(documentName);
    // The same words as for another organisation's draft (read.reason below): existence does not leak.
    if (!document) return { ok: false, status: 404, reason: NO_SUCH_DOCUMENT };
    const who = { userId: principal.personId, name: principal.name, sessionId: principal.sessionId };
    if (authorize(principal, 'draft.edit', document).allowed) return { ok: true, principal: who, access: 'write' };
    const read = authorize(principal, 'document.read', document);
    if (read.allowed) return { ok: true, principal: who, access: 'read' };
    return { ok: false, status: read.code === 'not_found' ? 404 : read.code === 'unauthenticated' ? 401 : 403, reason: read.reason };
  };
}
