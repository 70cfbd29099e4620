import { Hono } from 'hono';
import type { NoticeSettings, PatientOutreach, StaffNotice, StaffNoticeList } from '@careloom/format/api';
import { apiValidator } from '../../http/api-schemas.js';
import type { AppEnv } from '../../http/app-env.js';
import { readBody } from '../authoring-request.js';
import { careContext } from './care-request.js';
import type { CareRouteDeps } from './care-request.js';

const noticeSettingsBody = apiValidator('NoticeSettings');
const staffNoticeBody = apiValidator('StaffNoticeBody');

/**
 * Notifications and outreach: the patient's choice about e-mail notices, a therapist's reminder
 * and the outreach timeline on the patient page, and information admins post to their units' staff.
 */
export function outreachRoutes(deps: CareRouteDeps) {
  const { care } = deps;
  const app = new Hono<AppEnv>();

  app.get('/api/me/notice-settings', async (c) => c.json((await care.myNoticeSettings(careContext(c, deps))) satisfies NoticeSettings));
  app.put('/api/me/notice-settings', async (c) => {
    const context = careContext(c, deps);
    return c.json((await care.setMyNoticeSettings(context, await readBody(c, noticeSettingsBody))) satisfies NoticeSettings);
  });

  app.get('/api/care/enrollments/:enrollmentId/outreach', async (c) => c.json((await care.patientOutreach(careContext(c, deps), c.req.param('enrollmentId'))) satisfies PatientOutreach));
  app.post('/api/care/enrollments/:enrollmentId/reminders', async (c) => c.json((await care.sendReminder(careContext(c, deps), c.req.param('enrollmentId'))) satisfies PatientOutreach, 201));

  app.get('/api/care/providers/:organisationId/staff-notices', async (c) => c.json((await care.organisationStaffNotices(careContext(c, deps), c.req.param('organisationId'))) satisfies StaffNoticeList));
  app.post('/api/care/providers/:organisationId/staff-notices', async (c) => {
    const context = careContext(c, deps);
    return c.json((await care.postStaffNotice(context, c.req.param('organisationId'), await readBody(c, staffNoticeBody))) satisfies StaffNotice, 201);
  });
  app.get('/api/care/staff-notices', async (c) => c.json((await care.myStaffNotices(careContext(c, deps))) satisfies StaffNoticeList));
  app.post('/api/care/staff-notices/:noticeId/read', async (c) => {
    await care.markStaffNoticeRead(careContext(c, deps), c.req.param('noticeId'));
    return c.body(null, 204);
  });

  return app;
}
