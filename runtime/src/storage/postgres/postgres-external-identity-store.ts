import type pg from 'pg';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import type { ExternalIdentity, ExternalIdentityLink, ExternalIdentityStore } from '../../domain/oidc/external-identity-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { IDENTITY_TAKEN, identityLabel } from '../../domain/oidc/external-identity-store.js';
import { inTransaction, isUniqueViolation } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

interface IdentityRow {
  subject_digest: string;
  issuer: string;
  person_id: string;
  linked_at: string;
  hint: string | null;
}

const toLink = (row: IdentityRow): ExternalIdentityLink => ({
  subjectDigest: row.subject_digest,
  issuer: row.issuer,
  ...(row.hint === null ? {} : { hint: row.hint }),
  personId: row.person_id,
  linkedAt: row.linked_at,
});

/**
 * Links an identity inside the caller's transaction, like the SQLite `insertIdentityLink`: the
 * row is written with ON CONFLICT DO NOTHING and read back, so two processes linking one identity
 * at once get one link and one conflict, never an error of the database.
 */
export async function insertIdentityLinkPg(db: pg.ClientBase, input: { identity: ExternalIdentity; personId: string; at: string; audit: AuditContext; auditId: string }): Promise<boolean> {
  try {
    const inserted = await db.query('INSERT INTO external_identities (subject_digest, issuer, person_id, linked_at, hint) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (subject_digest) DO NOTHING', [input.identity.subjectDigest, input.identity.issuer, input.personId, input.at, input.identity.hint ?? null]);
    if ((inserted.rowCount ?? 0) === 0) {
      const existing = (await db.query<IdentityRow>('SELECT * FROM external_identities WHERE subject_digest = $1', [input.identity.subjectDigest])).rows[0];
      if (existing?.person_id === input.personId) return false;
      throw new DomainError('conflict', IDENTITY_TAKEN);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === '23503') throw new DomainError('not_found', 'There is no such account.', { cause: error });
    if (isUniqueViolation(error)) throw new DomainError('conflict', IDENTITY_TAKEN, { cause: error });
    throw error;
  }
  await writeAuditEntryPg(db, { id: input.auditId, ...input.audit, action: 'identity.link', objectType: 'external_identity', objectId: identityLabel(input.identity), details: { personId: input.personId, issuer: input.identity.issuer } });
  return true;
}

/** External identities on PostgreSQL (migrations/010-external-identities.sql), with the SQLite store's behaviour. */
export function createPostgresExternalIdentityStore(pool: pg.Pool, options: { ids?: IdGenerator } = {}): ExternalIdentityStore {
  const ids = options.ids ?? uuidGenerator;
  return {
    async findByDigest(subjectDigest) {
      const row = (await pool.query<IdentityRow>('SELECT * FROM external_identities WHERE subject_digest = $1', [subjectDigest])).rows[0];
      return row && toLink(row);
    },
    async listOfPerson(personId) {
      return (await pool.query<IdentityRow>('SELECT * FROM external_identities WHERE person_id = $1 ORDER BY linked_at, subject_digest', [personId])).rows.map(toLink);
    },
    async link(input) {
      return inTransaction(pool, (db) => insertIdentityLinkPg(db, { ...input, auditId: ids.newId() }));
    },
    async unlink(input) {
      return inTransaction(pool, async (db) => {
        // The person's row is locked first: two unlinks of their last two identities at once wait
        // for each other, so the second sees the first's deletion and the rule holds.
        const person = (await db.query<{ chosen: boolean }>('SELECT password_chosen_at IS NOT NULL AS chosen FROM people WHERE id = $1 FOR UPDATE', [input.personId])).rows[0];
        if (!person) return 'not_found' as const;
        const rows = (await db.query<IdentityRow>('SELECT * FROM external_identities WHERE person_id = $1 ORDER BY linked_at, subject_digest', [input.personId])).rows;
        const matching = rows.filter((row) => row.subject_digest.slice(0, 12) === input.label);
        if (matching.length !== 1) return 'not_found' as const;
        const row = matching[0]!;
        const others = rows.length - 1;
        if (others === 0 && !person.chosen) return 'last_way_in' as const;
        await db.query('DELETE FROM external_identities WHERE subject_digest = $1 AND person_id = $2', [row.subject_digest, input.personId]);
        await writeAuditEntryPg(db, { id: ids.newId(), ...input.audit, action: 'identity.unlink', objectType: 'external_identity', objectId: input.label, details: { personId: input.personId, issuer: row.issuer, identitiesLeft: others } });
        return 'unlinked' as const;
      });
    },
    async recordRefusedSignIn(input) {
      await writeAuditEntryPg(pool, { id: ids.newId(), ...input.audit, action: 'auth.oidc_refused', objectType: 'person', objectId: input.personId ?? null, details: { issuer: input.issuer, reason: input.reason } });
    },
  };
}
