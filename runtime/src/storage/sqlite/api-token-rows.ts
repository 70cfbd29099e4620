import type { ApiTokenRecord, ApiTokenScope } from '../../domain/api-tokens/api-token-store.js';

// The api_tokens row as both SQLite and PostgreSQL keep it: times as ISO text, lists as JSON text.

export interface TokenRow {
  id: string;
  organisation_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  unit_ids: string | null;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export const toToken = (row: TokenRow): ApiTokenRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  tokenHash: row.token_hash,
  scopes: JSON.parse(row.scopes) as ApiTokenScope[],
  unitIds: row.unit_ids === null ? null : (JSON.parse(row.unit_ids) as string[]),
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  lastUsedIp: row.last_used_ip,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
});

/** The record's column values, lists as JSON text. */
export const tokenParams = (token: ApiTokenRecord) => ({ ...token, scopes: JSON.stringify(token.scopes), unitIds: token.unitIds === null ? null : JSON.stringify(token.unitIds) });
