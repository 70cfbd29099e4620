import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { alertRoutes } from './alerts.js';
import type { CareRouteDeps } from './care-request.js';
import { devOutboxRoutes } from './dev-outbox.js';
import { enrollmentRoutes } from './enrollments.js';
import { invitationRoutes } from './invitations.js';
import { meRoutes } from './me.js';
import { patientScheduleRoutes } from './patient-schedule.js';
import { messageRoutes } from './messages.js';
import { outreachRoutes } from './outreach.js';
import { referralRoutes } from './referrals.js';
import { unitRoutes } from './units.js';
import { versionMoveRoutes } from './version-moves.js';

export type { CareRouteDeps } from './care-request.js';

/**
 * Every care endpoint (README.md beside this file): `/api/care/*` for admins and therapists,
 * `/api/me/*` for patients, `/api/public/*` without a session, `/api/dev/outbox`. Needs the
 * authentication middleware in front (c.var.principal) and DomainError → problem+json in onError.
 *
 * @example
 * app.route('/', careRoutes({ care, authentication, cookie, clientIp }));
 */
export function careRoutes(deps: CareRouteDeps) {
  return new Hono<AppEnv>()
    .route('/', unitRoutes(deps))
    .route('/', enrollmentRoutes(deps))
    .route('/', patientScheduleRoutes(deps))
    .route('/', versionMoveRoutes(deps))
    .route('/', alertRoutes(deps))
    .route('/', messageRoutes(deps))
    .route('/', outreachRoutes(deps))
    .route('/', referralRoutes(deps))
    .route('/', meRoutes(deps))
    .route('/', invitationRoutes(deps))
    .route('/', devOutboxRoutes(deps));
}
