import type { AuditContext } from '../accounts/accounts-store.js';

/** The read scopes a token may carry. */
export const API_TOKEN_SCOPES = ['questionnaires.read', 'patient-data.read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** One API token as stored; `tokenHash` is the SHA-256 (hex) of the token, the token itself is never stored. */
export interface ApiTokenRecord {
  id: string;
  organisationId: string;
  name: string;
  tokenHash: string;
  scopes: ApiTokenScope[];
  /** The units it reaches, or null for every unit of the provider (including units created later). */
  unitIds: string[] | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/**
 * API tokens of care providers. Each method is one atomic unit (one transaction in SQL) that writes
 * its own audit row. Implementation: storage/sqlite/sqlite-api-token-store.ts; behaviour pinned by
 * storage/contract/api-token-store.contract.ts.
 */
export interface ApiTokenStore {
  createToken(input: { token: ApiTokenRecord; audit: AuditContext }): Promise<void>;
  /** The provider's tokens, revoked ones included, newest first. */
  listTokens(organisationId: string): Promise<ApiTokenRecord[]>;
  /** Revokes a live token of the provider (compare-and-set); false when there is none live with this id. */
  revokeToken(input: { id: string; organisationId: string; at: string; audit: AuditContext }): Promise<boolean>;
  /**
   * One use of a token: finds the live (not revoked, not expired at `at`) token with this hash,
   * records the use as its last use and writes the `api_token.use` audit row, in one transaction.
   * Undefined (and nothing written) when there is no such token.
   */
  useToken(input: { tokenHash: string; at: string; ip: string | null; requestId: string | null; path: string }): Promise<ApiTokenRecord | undefined>;
}
