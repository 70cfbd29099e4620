import type { AuditContext } from '../accounts/accounts-store.js';

/**
 * An identity at an OpenID Connect provider, as Careloom keeps it: the issuer, and an HMAC of
 * (issuer, identifying claim, its value) under a key outside the database (`identity-digest.ts`),
 * so the database never holds a personal identity number.
 */
export interface ExternalIdentity {
  issuer: string;
  subjectDigest: string;
}

/** A stored link between an identity and a person. */
export interface ExternalIdentityLink extends ExternalIdentity {
  personId: string;
  linkedAt: string;
}

/**
 * The external identities port. Each method is one atomic unit that writes its own audit row.
 * Implementations: storage/sqlite/external-identity-store.ts and the PostgreSQL twin; behaviour
 * pinned by storage/contract/external-identity-store.contract.ts. Linking while accepting an
 * invitation happens inside the invitation's own transaction (the member invitation and care
 * stores take an `identity`), so an account never exists without the identity it was made for.
 */
export interface ExternalIdentityStore {
  findByDigest(subjectDigest: string): Promise<ExternalIdentityLink | undefined>;
  /** The person's linked identities, oldest first. */
  listOfPerson(personId: string): Promise<ExternalIdentityLink[]>;
  /**
   * Links the identity to the person. A no-op (false) when it is linked to them already;
   * 'conflict' when it is linked to someone else; 'not_found' for an unknown person.
   */
  link(input: { identity: ExternalIdentity; personId: string; at: string; audit: AuditContext }): Promise<boolean>;
  /** Writes only an audit row: a refused OpenID Connect sign-in (no claim values, only the reason). */
  recordRefusedSignIn(input: { issuer: string; reason: string; personId?: string; audit: AuditContext }): Promise<void>;
}

/** The refusal of a link to an identity someone else has. */
export const IDENTITY_TAKEN = 'This identity is already linked to another Careloom account.';
