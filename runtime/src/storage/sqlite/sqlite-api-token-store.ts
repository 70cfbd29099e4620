import type Database from 'better-sqlite3';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import type { ApiTokenRecord, ApiTokenStore } from '../../domain/api-tokens/api-token-store.js';
import { DomainError } from '../../domain/errors.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { isUniqueViolation } from './accounts-rows.js';
import { toToken, tokenParams, type TokenRow } from './api-token-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

/**
 * API tokens on SQLite (migrations/040-api-tokens.sql). Each write is one synchronous transaction
 * with its audit_log row (`writeAuditEntry`); a use is a lookup, a last-use update and an audit row
 * in one transaction, so no use goes unaudited.
 */
export function createSqliteApiTokenStore(db: Database.Database, options: { ids?: IdGenerator } = {}): ApiTokenStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (context: AuditContext, row: { action: string; objectId: string; organisationId: string; details?: Record<string, unknown> }) => {
    writeAuditEntry(db, { id: ids.newId(), ...context, objectType: 'api_token', ...row });
  };
  const statements = {
    insert: db.prepare(`INSERT INTO api_tokens (id, organisation_id, name, token_hash, scopes, unit_ids, created_by, created_at, expires_at, last_used_at, last_used_ip, revoked_at, revoked_by)
      VALUES (@id, @organisationId, @name, @tokenHash, @scopes, @unitIds, @createdBy, @createdAt, @expiresAt, NULL, NULL, NULL, NULL)`),
    list: db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE organisation_id = ? ORDER BY created_at DESC, id DESC'),
    revoke: db.prepare<{ id: string; organisationId: string; at: string; by: string | null }>('UPDATE api_tokens SET revoked_at = @at, revoked_by = @by WHERE id = @id AND organisation_id = @organisationId AND revoked_at IS NULL'),
    live: db.prepare<{ hash: string; at: string }, TokenRow>('SELECT * FROM api_tokens WHERE token_hash = @hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @at)'),
    used: db.prepare<{ id: string; at: string; ip: string | null }>('UPDATE api_tokens SET last_used_at = @at, last_used_ip = @ip WHERE id = @id'),
  };

  const create = db.transaction((token: ApiTokenRecord, context: AuditContext) => {
    try {
      statements.insert.run(tokenParams(token));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', 'An API token with this id or value already exists.', { cause: error });
      throw error;
    }
    audit(context, { action: 'api_token.create', objectId: token.id, organisationId: token.organisationId, details: { scopes: token.scopes, unitIds: token.unitIds, expiresAt: token.expiresAt } });
  });
  const revoke = db.transaction((input: { id: string; organisationId: string; at: string; audit: AuditContext }) => {
    if (statements.revoke.run({ id: input.id, organisationId: input.organisationId, at: input.at, by: input.audit.actorId ?? null }).changes === 0) return false;
    audit(input.audit, { action: 'api_token.revoke', objectId: input.id, organisationId: input.organisationId });
    return true;
  });
  const use = db.transaction((input: { tokenHash: string; at: string; ip: string | null; requestId: string | null; path: string }) => {
    const row = statements.live.get({ hash: input.tokenHash, at: input.at });
    if (!row) return undefined;
    statements.used.run({ id: row.id, at: input.at, ip: input.ip });
    audit({ at: input.at, ...(input.ip ? { ip: input.ip } : {}), ...(input.requestId ? { requestId: input.requestId } : {}) }, { action: 'api_token.use', objectId: row.id, organisationId: row.organisation_id, details: { path: input.path } });
    return toToken({ ...row, last_used_at: input.at, last_used_ip: input.ip });
  });

  return {
    async createToken({ token, audit: context }) {
      create(token, context);
    },
    async listTokens(organisationId) {
      return statements.list.all(organisationId).map(toToken);
    },
    async revokeToken(input) {
      return revoke(input);
    },
    async useToken(input) {
      return use(input);
    },
  };
}
