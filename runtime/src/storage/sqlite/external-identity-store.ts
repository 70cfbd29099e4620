import type Database from 'better-sqlite3';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import { DomainError } from '../../domain/errors.js';
import { IDENTITY_TAKEN, identityLabel } from '../../domain/oidc/external-identity-store.js';
import type { ExternalIdentity, ExternalIdentityLink, ExternalIdentityStore } from '../../domain/oidc/external-identity-store.js';
import { uuidGenerator, type IdGenerator } from '../../ids.js';
import { isUniqueViolation } from './accounts-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

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
 * Links an identity inside the caller's open transaction (linking on its own, or accepting an
 * invitation): writes the row and its `identity.link` audit row; false when the person had it
 * already; a DomainError('conflict') when another person has it.
 */
export function insertIdentityLink(db: Database.Database, input: { identity: ExternalIdentity; personId: string; at: string; audit: AuditContext; auditId: string }): boolean {
  const existing = db.prepare<[string], IdentityRow>('SELECT * FROM external_identities WHERE subject_digest = ?').get(input.identity.subjectDigest);
  if (existing) {
    if (existing.person_id === input.personId) return false;
    throw new DomainError('conflict', IDENTITY_TAKEN);
  }
  try {
    db.prepare('INSERT INTO external_identities (subject_digest, issuer, person_id, linked_at, hint) VALUES (?, ?, ?, ?, ?)').run(input.identity.subjectDigest, input.identity.issuer, input.personId, input.at, input.identity.hint ?? null);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new DomainError('not_found', 'There is no such account.', { cause: error });
    if (isUniqueViolation(error)) throw new DomainError('conflict', IDENTITY_TAKEN, { cause: error });
    throw error;
  }
  writeAuditEntry(db, { id: input.auditId, ...input.audit, action: 'identity.link', objectType: 'external_identity', objectId: identityLabel(input.identity), details: { personId: input.personId, issuer: input.identity.issuer } });
  return true;
}

/** External identities on SQLite (migrations/050-external-identities.sql). */
export function createSqliteExternalIdentityStore(db: Database.Database, options: { ids?: IdGenerator } = {}): ExternalIdentityStore {
  const ids = options.ids ?? uuidGenerator;
  const byDigest = db.prepare<[string], IdentityRow>('SELECT * FROM external_identities WHERE subject_digest = ?');
  const ofPerson = db.prepare<[string], IdentityRow>('SELECT * FROM external_identities WHERE person_id = ? ORDER BY linked_at, subject_digest');
  const link = db.transaction((input: Parameters<ExternalIdentityStore['link']>[0]) => insertIdentityLink(db, { ...input, auditId: ids.newId() }));
  const ofPersonByLabel = db.prepare<[string, string], IdentityRow>('SELECT * FROM external_identities WHERE person_id = ? AND substr(subject_digest, 1, 12) = ?');
  const countOfPerson = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM external_identities WHERE person_id = ?');
  const passwordChosen = db.prepare<[string], { chosen: number }>('SELECT password_chosen_at IS NOT NULL AS chosen FROM people WHERE id = ?');
  const remove = db.prepare<[string, string]>('DELETE FROM external_identities WHERE subject_digest = ? AND person_id = ?');
  const unlink = db.transaction((input: Parameters<ExternalIdentityStore['unlink']>[0]): Awaited<ReturnType<ExternalIdentityStore['unlink']>> => {
    const rows = ofPersonByLabel.all(input.personId, input.label);
    // Twelve hex characters name one link of one person; two would be a collision nobody can pick between.
    if (rows.length !== 1) return 'not_found';
    const row = rows[0]!;
    const others = countOfPerson.get(input.personId)!.n - 1;
    if (others === 0 && passwordChosen.get(input.personId)?.chosen !== 1) return 'last_way_in';
    remove.run(row.subject_digest, input.personId);
    writeAuditEntry(db, { id: ids.newId(), ...input.audit, action: 'identity.unlink', objectType: 'external_identity', objectId: input.label, details: { personId: input.personId, issuer: row.issuer, identitiesLeft: others } });
    return 'unlinked';
  });
  const refused = db.transaction((input: Parameters<ExternalIdentityStore['recordRefusedSignIn']>[0]) => {
    writeAuditEntry(db, { id: ids.newId(), ...input.audit, action: 'auth.oidc_refused', objectType: 'person', objectId: input.personId ?? null, details: { issuer: input.issuer, reason: input.reason } });
  });
  return {
    async findByDigest(subjectDigest) {
      const row = byDigest.get(subjectDigest);
      return row && toLink(row);
    },
    async listOfPerson(personId) {
      return ofPerson.all(personId).map(toLink);
    },
    async link(input) {
      return link(input);
    },
    async unlink(input) {
      return unlink(input);
    },
    async recordRefusedSignIn(input) {
      refused(input);
    },
  };
}
