import type { Role } from '../principal.js';
import type { OrganisationKind } from './accounts-store.js';

/**
 * Which roles can be granted through the members API in each kind of organisation. Patients are
 * enrolled by a therapist at a unit, not added as members.
 */
export const ASSIGNABLE_ROLES: Readonly<Record<OrganisationKind, readonly Role[]>> = Object.freeze({
  publisher: ['designer', 'publisher', 'tester', 'permissions_admin'],
  care_provider: ['care_provider_admin', 'therapist', 'permissions_admin', 'data_admin'],
});

/**
 * Who manages the people of an organisation. At least one holder of one of these roles must remain
 * (the store enforces it atomically), so an organisation can never lock itself out.
 */
export const MEMBER_MANAGER_ROLES: Readonly<Record<OrganisationKind, readonly Role[]>> = Object.freeze({
  publisher: ['permissions_admin'],
  care_provider: ['permissions_admin', 'care_provider_admin'],
});
