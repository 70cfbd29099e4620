import type * as Wire from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { acceptReferralBody, intakeBody } from './care-bodies.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

/** Self-referral: the public intake questionnaire of a unit, and the therapists' referral queue. */
export function referralRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/public/units/:unitId/intake', async (c) => c.json(await care.intake(c.req.param('unitId'))));
  app.post('/api/public/units/:unitId/intake', async (c) => c.json(await care.submitIntake(careContext(c, deps), c.req.param('unitId'), await readBody(c, intakeBody)), 201));

  app.get('/api/care/units/:unitId/referrals', async (c) => c.json({ referrals: await care.listReferrals(careContext(c, deps), c.req.param('unitId')) } satisfies Wire.ReferralList));
  app.post('/api/care/referrals/:referralId/accept', async (c) => {
    const created = await care.acceptReferral(careContext(c, deps), c.req.param('referralId'), await readBody(c, acceptReferralBody));
    c.header('Cache-Control', 'no-store');
    return c.json(created, 201);
  });
  app.post('/api/care/referrals/:referralId/decline', async (c) => c.json(await care.declineReferral(careContext(c, deps), c.req.param('referralId'))));

  return app;
}
