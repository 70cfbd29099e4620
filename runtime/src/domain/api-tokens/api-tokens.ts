import { createHash, randomBytes } from 'node:crypto';
import type { CareContext } from '../care/care-deps.js';
import type { CareStore } from '../care/ports.js';
import { authorizeProvider } from '../care/policy.js';
import { DomainError } from '../errors.js';
import type { ApiTokenRecord, ApiTokenScope, ApiTokenStore } from './api-token-store.js';
import { API_TOKEN_SCOPES } from './api-token-store.js';

/** An integrating system calling with an API token, as the domain sees it: never a person. */
export interface ApiClient {
  tokenId: string;
  organisationId: string;
  /** Units it reaches, or null for every unit of the provider. */
  unitIds: readonly string[] | null;
  scopes: readonly ApiTokenScope[];
}

/** What an admin sees of a token: never the token, nor its hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  unitIds: string[] | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenDeps {
  store: ApiTokenStore;
  care: Pick<CareStore, 'getUnit'>;
  now: () => Date;
  newId: () => string;
}

/** Tokens start with this, so a secret scanner (and a person) recognises a leaked one. */
export const API_TOKEN_PREFIX = 'clk_';
const TOKEN_SHAPE = /^clk_[A-Za-z0-9_-]{43}$/;
const MAX_UNITS = 200;
const MAX_LIFETIME_MS = 2 * 366 * 24 * 3600_000;

/** SHA-256 (hex) of a token: what is stored and looked up. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const view = (token: ApiTokenRecord): ApiTokenView => ({
  id: token.id,
  name: token.name,
  scopes: token.scopes,
  unitIds: token.unitIds,
  createdBy: token.createdBy,
  createdAt: token.createdAt,
  expiresAt: token.expiresAt,
  lastUsedAt: token.lastUsedAt,
  revokedAt: token.revokedAt,
});

function invalid(path: string, message: string): DomainError {
  return new DomainError('invalid', message, { issues: [{ code: 'api_token.invalid', path, message }] });
}

/**
 * API tokens for integrating systems: a care-provider admin creates one for the provider or some of
 * its units with read scopes, sees it once (only its SHA-256 is kept: 256 random bits need no slow
 * hash), lists the provider's tokens with their last use, and revokes them. Every use is audited by
 * the store in the same transaction that records it as the last use.
 */
export function createApiTokenService(deps: ApiTokenDeps) {
  const admin = (context: CareContext, organisationId: string) => {
    const decision = authorizeProvider(context.principal, 'api_token.manage', organisationId);
    if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
    return { principal: context.principal!, role: decision.role };
  };
  const auditContext = (context: CareContext, role: ReturnType<typeof admin>['role'], at: string) => ({
    at,
    actorId: context.principal!.personId,
    actorRole: role,
    ...(context.ip ? { ip: context.ip } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
  });

  return {
    async create(context: CareContext, organisationId: string, input: { name: string; scopes: string[]; unitIds?: string[] | null; expiresAt?: string }): Promise<{ token: ApiTokenView; secret: string }> {
      const { principal, role } = admin(context, organisationId);
      const name = input.name.trim();
      if (name === '' || name.length > 100) throw invalid('/name', 'Give the token a name of 1 to 100 characters, saying which system uses it.');
      const scopes = [...new Set(input.scopes)];
      if (scopes.length === 0) throw invalid('/scopes', 'Choose at least one scope.');
      scopes.forEach((scope, index) => {
        if (!(API_TOKEN_SCOPES as readonly string[]).includes(scope)) throw invalid(`/scopes/${index}`, `"${scope}" is not a scope (scopes: ${API_TOKEN_SCOPES.join(', ')}).`);
      });
      let unitIds: string[] | null = null;
      if (input.unitIds !== undefined && input.unitIds !== null) {
        unitIds = [...new Set(input.unitIds)];
        if (unitIds.length === 0) throw invalid('/unitIds', 'Give at least one unit, or leave the units out for the whole care provider.');
        if (unitIds.length > MAX_UNITS) throw invalid('/unitIds', `At most ${MAX_UNITS} units.`);
        for (const [index, unitId] of unitIds.entries()) {
          const unit = await deps.care.getUnit(unitId);
          if (!unit || unit.organisationId !== organisationId) throw invalid(`/unitIds/${index}`, `There is no unit "${unitId.slice(0, 100)}" in this care provider.`);
        }
      }
      const now = deps.now();
      let expiresAt: string | null = null;
      if (input.expiresAt !== undefined) {
        const at = Date.parse(input.expiresAt);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(input.expiresAt) || !Number.isFinite(at)) throw invalid('/expiresAt', '"expiresAt" must be a date and time such as 2027-01-01T00:00:00Z.');
        if (at <= now.getTime() || at > now.getTime() + MAX_LIFETIME_MS) throw invalid('/expiresAt', '"expiresAt" must lie in the future, at most two years from now.');
        expiresAt = new Date(at).toISOString();
      }
      const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const token: ApiTokenRecord = {
        id: deps.newId(),
        organisationId,
        name,
        tokenHash: hashApiToken(secret),
        scopes: scopes as ApiTokenScope[],
        unitIds,
        createdBy: principal.personId,
        createdAt: now.toISOString(),
        expiresAt,
        lastUsedAt: null,
        lastUsedIp: null,
        revokedAt: null,
        revokedBy: null,
      };
      await deps.store.createToken({ token, audit: auditContext(context, role, token.createdAt) });
      return { token: view(token), secret };
    },

    async list(context: CareContext, organisationId: string): Promise<ApiTokenView[]> {
      admin(context, organisationId);
      return (await deps.store.listTokens(organisationId)).map(view);
    },

    async revoke(context: CareContext, organisationId: string, tokenId: string): Promise<void> {
      const { role } = admin(context, organisationId);
      const at = deps.now().toISOString();
      if (!(await deps.store.revokeToken({ id: tokenId.slice(0, 200), organisationId, at, audit: auditContext(context, role, at) }))) {
        throw new DomainError('not_found', 'There is no such live API token of this care provider.');
      }
    },

    /** The client behind a bearer token, or undefined for a malformed, unknown, revoked or expired one. Each use is audited. */
    async authenticate(token: string, request: { ip: string | null; requestId: string | null; path: string }): Promise<ApiClient | undefined> {
      if (!TOKEN_SHAPE.test(token)) return undefined;
      const record = await deps.store.useToken({ tokenHash: hashApiToken(token), at: deps.now().toISOString(), ip: request.ip, requestId: request.requestId, path: request.path.slice(0, 300) });
      return record ? { tokenId: record.id, organisationId: record.organisationId, unitIds: record.unitIds, scopes: record.scopes } : undefined;
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
