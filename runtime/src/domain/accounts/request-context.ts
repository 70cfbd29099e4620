/** Where a request came from, as the accounts services record it in sessions and audit rows. */
export interface RequestContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
  /** The known-device cookie the browser sent, unverified (login reads it; see known-device.ts). */
  deviceCookie?: string;
}
