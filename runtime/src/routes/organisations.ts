import { Hono } from 'hono';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import type { OrganisationService } from '../domain/accounts/organisation-service.js';
import type { AppEnv } from '../http/app-env.js';
import { parseBody, validateAddMemberBody, validateSetRolesBody } from './accounts-bodies.js';
import { presentMember, presentMyOrganisation } from './present-accounts.js';

export interface OrganisationRoutesDeps {
  organisations: OrganisationService;
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
 * - POST /:orgId/members `{ email, name?, password?, roles }` → 201 member (creates the account when the e-mail is new)
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
    .post('/:orgId/members', async (c) => {
      const body = await parseBody(c, validateAddMemberBody);
      const member = await deps.organisations.addMember(c.var.principal!, c.req.param('orgId'), body, requestContextOf(c, deps.clientIp));
      return c.json(presentMember(member), 201);
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
