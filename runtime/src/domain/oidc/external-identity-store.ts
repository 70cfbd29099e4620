import type { AuditContext } from '../accounts/accounts-store.js';

/**
 * An identity at an OpenID Connect provider, as Careloom keeps it: the issuer, and an HMAC of
 * (issuer, identifying claim, its value) under a key outside the database (`identity-digest.ts`),
 * so the database never holds a personal identity number.
 */
export interface ExternalIdentity {
  issuer: string;
  subjectDigest: string;
  /**
   * The last characters of the claim's value (at most four), so the person can tell their
   * identities apart ("ending in 2391"); absent for values too short to show a part of safely, and
   * for links made before it was kept (identity-digest.ts).
   */
  hint?: string;
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
  /**
   * Removes one of the person's own links, named by its label (`identityLabel`: the digest's first
   * twelve characters), with an `identity.unlink` audit row. Refused as 'last_way_in' when the person
   * would be left with no way to sign in: no password of their own (an account made for a care
   * invitation never redeemed with one) and no other identity. 'not_found' when the person has no
   * such link (someone else's is not found either).
   */
  unlink(input: { personId: string; label: string; at: string; audit: AuditContext }): Promise<'unlinked' | 'not_found' | 'last_way_in'>;
  /** Writes only an audit row: a refused OpenID Connect sign-in (no claim values, only the reason). */
  recordRefusedSignIn(input: { issuer: string; reason: string; personId?: string; audit: AuditContext }): Promise<void>;
}

/** How links are named outside the store (audit rows, the account screen): the digest's first characters, never the claim. */
export const identityLabel = (identity: Pick<ExternalIdentity, 'subjectDigest'>) => identity.subjectDigest.slice(0, 12);

/** The refusal of a link to an identity someone else has. */
export const IDENTITY_TAKEN = 'This identity is already linked to another Careloom account.';
