import { Hono } from 'hono';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import type { MemberInvitationService } from '../domain/accounts/member-invitations.js';
import type { OrganisationService } from '../domain/accounts/organisation-service.js';
import type { AppEnv } from '../http/app-env.js';
import { parseBody, validateInviteBody, validateSetRolesBody } from './accounts-bodies.js';
import { presentInvitation, presentMember, presentMyOrganisation } from './present-accounts.js';

export interface OrganisationRoutesDeps {
  organisations: OrganisationService;
  invitations: MemberInvitationService;
  /** How to read the caller's IP for the audit log; the socket address by default. */
  clientIp?: ClientIpReader;
}

/**
 * The caller's organisations and, for permissions admins, their people. Mount at
 * `/api/organisations`, behind `originCheck` and `authenticate`. Every route needs a session;
 * the service refuses non-managers (403) and hides other organisations (404).
 *
 * - GET / → `{ organisations: [{ id, slug, name, kind, roles }] }`
 * - GET /:orgId/members → `{ members: [{ person, roles }] }`
 * - GET /:orgId/invitations → `{ invitations: [{ id, email, roles, invitedBy, createdAt, sentAt, expiresAt, expired }] }` (open ones)
 * - POST /:orgId/invitations `{ email, roles, language? }` → 201 invitation, e-mailed; the same answer
 *   whether or not the address has an account (409 only for someone already a member here). People
 *   join only by accepting (routes/member-invitations.ts); nobody is added without their consent.
 * - POST /:orgId/invitations/:invitationId/resend → 200 invitation (new link and expiry; the old link stops working)
 * - DELETE /:orgId/invitations/:invitationId → 204 (the link stops working)
 * - PUT /:orgId/members/:personId/roles `{ roles }` → 200 member
 * - DELETE /:orgId/members/:personId → 204 (409 for the last permissions admin)
 *
 * @example
 * app.route('/api/organisations', organisationRoutes({ organisations }));
 */
export function organisationRoutes(deps: OrganisationRoutesDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth)
    .get('/', async (c) => {
      const organisations = await deps.organisations.listMine(c.var.principal!);
      return c.json({ organisations: organisations.map(presentMyOrganisation) });
    })
    .get('/:orgId/members', async (c) => {
      const members = await deps.organisations.listMembers(c.var.principal!, c.req.param('orgId'));
      return c.json({ members: members.map(presentMember) });
    })
    .get('/:orgId/invitations', async (c) => {
      const invitations = await deps.invitations.list(c.var.principal!, c.req.param('orgId'));
      c.header('Cache-Control', 'no-store');
      return c.json({ invitations: invitations.map(presentInvitation) });
    })
    .post('/:orgId/invitations', async (c) => {
      const body = await parseBody(c, validateInviteBody);
      const invitation = await deps.invitations.invite(c.var.principal!, c.req.param('orgId'), body, requestContextOf(c, deps.clientIp));
      return c.json(presentInvitation(invitation), 201);
    })
    .post('/:orgId/invitations/:invitationId/resend', async (c) => {
      const invitation = await deps.invitations.resend(c.var.principal!, c.req.param('orgId'), c.req.param('invitationId'), requestContextOf(c, deps.clientIp));
      return c.json(presentInvitation(invitation));
    })
    .delete('/:orgId/invitations/:invitationId', async (c) => {
      await deps.invitations.revoke(c.var.principal!, c.req.param('orgId'), c.req.param('invitationId'), requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    })
    .put('/:orgId/members/:personId/roles', async (c) => {
      const body = await parseBody(c, validateSetRolesBody);
      const member = await deps.organisations.setRoles(c.var.principal!, c.req.param('orgId'), c.req.param('personId'), body.roles, requestContextOf(c, deps.clientIp));
      return c.json(presentMember(member));
    })
    .delete('/:orgId/members/:personId', async (c) => {
      await deps.organisations.removeMember(c.var.principal!, c.req.param('orgId'), c.req.param('personId'), requestContextOf(c, deps.clientIp));
      return c.body(null, 204);
    });
}


