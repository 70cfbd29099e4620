import type { ApiClient } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';

/** Redeems an invitation code: sets the patient's password and signs them in. */
export async function redeemInvitation(api: ApiClient, code: string, password: string): Promise<Session> {
  await api.request<unknown>('POST', '/api/public/invitations/redeem', { code, password });
  // The redeem answer's shape is the login's, but /me is the one place that surely carries the CSRF token.
  return api.me();
}

/**
 * Accepts an invitation addressed to the signed-in person (an account that had the address when
 * the therapist enrolled it): the enrollment becomes theirs. Returns the session again, since it
 * now carries the patient role.
 */
export async function acceptInvitation(api: ApiClient, code: string): Promise<Session> {
  await api.request<unknown>('POST', '/api/me/invitations/accept', { code });
  return api.me();
}
