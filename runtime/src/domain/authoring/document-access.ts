import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { authorize, NO_SUCH_DOCUMENT } from './policy.js';
import type { AuthoringPermission, Decision } from './policy.js';
import type { AuditEntry, DocumentRecord } from './ports.js';

/** Throws the refusal a decision carries; returns the role the action is taken in. */
export function requireAllowed(decision: Decision): Role {
  if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
  return decision.role;
}

/**
 * Loads a document for an action: anonymous → unauthenticated; unknown, or unknown to the caller
 * → not_found; known but without the role → forbidden.
 */
export async function documentFor(deps: AuthoringDeps, context: AuthoringContext, id: string, permission: AuthoringPermission): Promise<{ document: DocumentRecord; role: Role }> {
  if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to work with modules.');
  const document = await deps.store.getDocument(id);
  if (!document) throw new DomainError('not_found', NO_SUCH_DOCUMENT);
  requireAllowed(authorize(context.principal, 'document.read', document));
  const role = requireAllowed(authorize(context.principal, permission, document));
  return { document, role };
}

/** The person behind an authorised request (documentFor has already refused anonymous ones). */
export function actorId(context: AuthoringContext): string {
  if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to work with modules.');
  return context.principal.personId;
}

/** An audit row for an action on a document, stamped with the request's facts. */
export function auditEntry(
  deps: AuthoringDeps,
  context: AuthoringContext,
  input: { at: string; role: Role | null; action: string; document: DocumentRecord; objectId?: string; details?: Record<string, unknown> },
): AuditEntry {
  return {
    id: deps.newId(),
    at: input.at,
    actorId: actorId(context),
    actorRole: input.role,
    action: input.action,
    objectType: input.document.kind,
    objectId: input.objectId ?? input.document.id,
    organisationId: input.document.organisationId,
    requestId: context.requestId,
    ip: context.ip,
    details: input.details ?? {},
  };
}
