import type pg from 'pg';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import type { ApiTokenStore } from '../../domain/api-tokens/api-token-store.js';
import { DomainError } from '../../domain/errors.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { toToken, tokenParams, type TokenRow } from '../sqlite/api-token-rows.js';
import { inTransaction, isUniqueViolation } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

type Db = pg.ClientBase | pg.Pool;

/**
 * API tokens on PostgreSQL, with the behaviour of the SQLite store (the contract suite runs against
 * both): each write one transaction with its audit row; a use locks the live token's row, records
 * the last use and writes the `api_token.use` row in one transaction.
 */
export function createPostgresApiTokenStore(pool: pg.Pool, options: { ids?: IdGenerator } = {}): ApiTokenStore {
  const ids = options.ids ?? uuidGenerator;
  const audit = (db: Db, context: AuditContext, row: { action: string; objectId: string; organisationId: string; details?: Record<string, unknown> }) =>
    writeAuditEntryPg(db, { id: ids.newId(), ...context, objectType: 'api_token', ...row });

  return {
    async createToken({ token, audit: context }) {
      await inTransaction(pool, async (db) => {
        const p = tokenParams(token);
        try {
          await db.query(
            `INSERT INTO api_tokens (id, organisation_id, name, token_hash, scopes, unit_ids, created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [p.id, p.organisationId, p.name, p.tokenHash, p.scopes, p.unitIds, p.createdBy, p.createdAt, p.expiresAt],
          );
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError('conflict', 'An API token with this id or value already exists.', { cause: error });
          throw error;
        }
        await audit(db, context, { action: 'api_token.create', objectId: token.id, organisationId: token.organisationId, details: { scopes: token.scopes, unitIds: token.unitIds, expiresAt: token.expiresAt } });
      });
    },
    async listTokens(organisationId) {
      return (await pool.query<TokenRow>('SELECT * FROM api_tokens WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC', [organisationId])).rows.map(toToken);
    },
    async revokeToken(input) {
      return inTransaction(pool, async (db) => {
        const changed = (await db.query('UPDATE api_tokens SET revoked_at = $3, revoked_by = $4 WHERE id = $1 AND organisation_id = $2 AND revoked_at IS NULL', [input.id, input.organisationId, input.at, input.audit.actorId ?? null])).rowCount ?? 0;
        if (changed === 0) return false;
        await audit(db, input.audit, { action: 'api_token.revoke', objectId: input.id, organisationId: input.organisationId });
        return true;
      });
    },
    async useToken(input) {
      return inTransaction(pool, async (db) => {
        const row = (await db.query<TokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2) FOR UPDATE', [input.tokenHash, input.at])).rows[0];
        if (!row) return undefined;
        await db.query('UPDATE api_tokens SET last_used_at = $2, last_used_ip = $3 WHERE id = $1', [row.id, input.at, input.ip]);
        await audit(db, { at: input.at, ...(input.ip ? { ip: input.ip } : {}), ...(input.requestId ? { requestId: input.requestId } : {}) }, { action: 'api_token.use', objectId: row.id, organisationId: row.organisation_id, details: { path: input.path } });
        return toToken({ ...row, last_used_at: input.at, last_used_ip: input.ip });
      });
    },
  };
}
