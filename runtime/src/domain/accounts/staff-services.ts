import type { Clock } from '../../clock.js';
import type { IdGenerator } from '../../ids.js';
import type { AuditLog } from '../../storage/types.js';
import type { AccountsStore } from './accounts-store.js';
import type { PasswordHasher } from './password-hasher.js';
import { createPasswordResetService, type PasswordResetService } from './password-reset.js';
import type { SessionRevokedHub } from './session-revoked.js';
import { createStaffService, type StaffService } from './staff-service.js';
import type { StaffStore } from './staff-store.js';

export interface StaffServices {
  staff: StaffService;
  passwordReset: PasswordResetService;
}

/**
 * Builds the staff services on the accounts services' sessionRevoked hub, so a removed unit,
 * a disabled account or a reset password closes the person's live connections.
 *
 * @example
 * const staff = createStaffServices({ store: stores.staff, accounts: stores.accounts, audit: stores.audit, hasher, sessionRevoked: accounts.sessionRevoked, clock, ids, publicUrl });
 */
export function createStaffServices(deps: { store: StaffStore; accounts: AccountsStore; audit: AuditLog; hasher: PasswordHasher; sessionRevoked: SessionRevokedHub; clock: Clock; ids: IdGenerator; publicUrl: () => string; newResetToken?: () => string }): StaffServices {
  return {
    staff: createStaffService(deps),
    passwordReset: createPasswordResetService({ ...deps, ...(deps.newResetToken ? { newToken: deps.newResetToken } : {}) }),
  };
}
