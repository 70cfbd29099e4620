import { Hono } from 'hono';
import type * as Wire from '@careloom/format/api';
import { requireAuth } from '../auth/authenticate.js';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import type { ResponsibleTherapist } from '../domain/accounts/staff-store.js';
import type { StaffService } from '../domain/accounts/staff-service.js';
import type { AppEnv } from '../http/app-env.js';
import { presentMember } from './present-accounts.js';

export interface StaffRoutesDeps {
  staff: StaffService;
  clientIp?: ClientIpReader;
}

const presentResponsible = (therapists: ResponsibleTherapist[]): Wire.ResponsibleTherapists => ({
  therapists: therapists.map((therapist) => ({ id: therapist.personId, name: therapist.name, assignedAt: therapist.assignedAt })),
});

/**
 * Staff administration at a care provider (routes/care/README.md). Mount at `/`, behind
 * `originCheck` and `authenticate`. Every route needs a session.
 *
 * - GET /api/care/providers/:orgId/staff → `{ members, units }` (permissions admins, the provider's admins)
 * - PUT /api/care/units/:unitId/therapists/:personId → 204: the member (who holds the therapist role) works in the unit
 * - DELETE /api/care/units/:unitId/therapists/:personId → 204: no longer (nor responsible for its patients)
 * - POST /api/organisations/:orgId/members/:personId/disable | /enable → 204 (sessions end; the account and its audit trail stay)
 * - GET /api/care/units/:unitId/patients/:patientId/therapists → `{ therapists }` (the unit's therapists)
 * - PUT | DELETE /api/care/units/:unitId/patients/:patientId/therapists/:personId → `{ therapists }` (409 for the last one)
 *
 * @example
 * app.route('/', staffRoutes({ staff, clientIp }));
 */
export function staffRoutes(deps: StaffRoutesDeps) {
  const app = new Hono<AppEnv>();

  app.get('/api/care/providers/:orgId/staff', requireAuth, async (c) => {
    const directory = await deps.staff.directory(c.var.principal!, c.req.param('orgId'));
    c.header('Cache-Control', 'no-store');
    return c.json({ members: directory.members.map(presentMember), units: directory.units } satisfies Wire.StaffDirectory);
  });
  app.put('/api/care/units/:unitId/therapists/:personId', requireAuth, async (c) => {
    await deps.staff.assignTherapist(c.var.principal!, c.req.param('unitId'), c.req.param('personId'), requestContextOf(c, deps.clientIp));
    return c.body(null, 204);
  });
  app.delete('/api/care/units/:unitId/therapists/:personId', requireAuth, async (c) => {
    await deps.staff.unassignTherapist(c.var.principal!, c.req.param('unitId'), c.req.param('personId'), requestContextOf(c, deps.clientIp));
    return c.body(null, 204);
  });
  app.post('/api/organisations/:orgId/members/:personId/disable', requireAuth, async (c) => {
    await deps.staff.setDisabled(c.var.principal!, c.req.param('orgId'), c.req.param('personId'), true, requestContextOf(c, deps.clientIp));
    return c.body(null, 204);
  });
  app.post('/api/organisations/:orgId/members/:personId/enable', requireAuth, async (c) => {
    await deps.staff.setDisabled(c.var.principal!, c.req.param('orgId'), c.req.param('personId'), false, requestContextOf(c, deps.clientIp));
    return c.body(null, 204);
  });
  app.get('/api/care/units/:unitId/patients/:patientId/therapists', requireAuth, async (c) => {
    const therapists = await deps.staff.responsible(c.var.principal!, c.req.param('unitId'), c.req.param('patientId'), requestContextOf(c, deps.clientIp));
    return c.json(presentResponsible(therapists));
  });
  app.put('/api/care/units/:unitId/patients/:patientId/therapists/:personId', requireAuth, async (c) => {
    const therapists = await deps.staff.addResponsible(c.var.principal!, c.req.param('unitId'), c.req.param('patientId'), c.req.param('personId'), requestContextOf(c, deps.clientIp));
    return c.json(presentResponsible(therapists));
  });
  app.delete('/api/care/units/:unitId/patients/:patientId/therapists/:personId', requireAuth, async (c) => {
    const therapists = await deps.staff.removeResponsible(c.var.principal!, c.req.param('unitId'), c.req.param('patientId'), c.req.param('personId'), requestContextOf(c, deps.clientIp));
    return c.json(presentResponsible(therapists));
  });
  return app;
}
