import type { LinkedIdentityList } from '@careloom/format/api';
import type { Clock } from '../../clock.js';
import type { AccountsStore, AuditContext } from '../accounts/accounts-store.js';
import type { RequestContext } from '../accounts/request-context.js';
import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { identityLabel, type ExternalIdentityStore } from './external-identity-store.js';
import type { OidcProviderPort } from './oidc-provider-port.js';

/** A person's own identities at providers: what the account screens list and unlink. */
export interface LinkedIdentityMethods {
  /** The signed-in person's linked identities (issuer, provider name, the value's last characters, when), and whether they have a password. */
  listLinked(principal: Principal): Promise<LinkedIdentityList>;
  /**
   * Unlinks one of the signed-in person's identities (`id` as listed). Refused with 409
   * `identity.last_way_in` when it would leave the account with no way to sign in; someone else's
   * identity, or one that is gone, is 404.
   */
  unlink(principal: Principal, id: string, context: RequestContext): Promise<void>;
}

export interface LinkedIdentityDeps {
  provider: Pick<OidcProviderPort, 'issuer' | 'displayName'> | undefined;
  identities: ExternalIdentityStore;
  accounts: Pick<AccountsStore, 'hasChosenPassword'>;
  clock: Clock;
}

/** What a link is called in URLs: the label the audit rows use (twelve hex characters of the digest). */
const LINK_ID = /^[0-9a-f]{12}$/;
const NOT_LINKED = 'You have no such linked identity.';
export const LAST_WAY_IN = 'This is the only way you can sign in: you have no password of your own and no other linked identity. Link another identity before you unlink this one.';

/**
 * Listing and unlinking a person's own identities, beside linking (which is a sign-in at the
 * provider: `OidcSignInService.begin` with `link: true`). Only the person's own links are ever
 * named; another person's link id is not found, whoever asks.
 *
 * @example
 * const methods = linkedIdentityMethods({ provider, identities, accounts, clock });
 * await methods.unlink(principal, '5f0c2a9b81d3', context);
 */
export function linkedIdentityMethods(deps: LinkedIdentityDeps): LinkedIdentityMethods {
  const audit = (principal: Principal, context: RequestContext): AuditContext => ({
    at: deps.clock.now().toISOString(),
    actorId: principal.personId,
    ...(context.ip === undefined ? {} : { ip: context.ip }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
  });
  return {
    async listLinked(principal) {
      const [links, hasPassword] = await Promise.all([deps.identities.listOfPerson(principal.personId), deps.accounts.hasChosenPassword(principal.personId)]);
      return {
        provider: deps.provider ? { enabled: true, displayName: deps.provider.displayName } : { enabled: false },
        hasPassword,
        identities: links.map((link) => ({
          id: identityLabel(link),
          issuer: link.issuer,
          // The name people know the provider by, while it is the one configured; an older provider's links show their issuer.
          ...(deps.provider && deps.provider.issuer === link.issuer ? { providerName: deps.provider.displayName } : {}),
          ...(link.hint === undefined ? {} : { hint: link.hint }),
          linkedAt: link.linkedAt,
        })),
      };
    },

    async unlink(principal, id, context) {
      if (!LINK_ID.test(id)) throw new DomainError('not_found', NOT_LINKED);
      const result = await deps.identities.unlink({ personId: principal.personId, label: id, at: deps.clock.now().toISOString(), audit: audit(principal, context) });
      if (result === 'not_found') throw new DomainError('not_found', NOT_LINKED);
      if (result === 'last_way_in') throw new DomainError('conflict', LAST_WAY_IN, { issues: [{ code: 'identity.last_way_in', path: '/id', message: LAST_WAY_IN }] });
    },
  };
}
