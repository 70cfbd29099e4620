import { beforeAll, describe, expect, it } from 'vitest';
import { describeEveryRole } from '../../testing/every-role.js';
import { createCareTestApp } from '../../testing/care-test-app.js';
import { exampleDocument, releaseNextVersion } from '../../testing/care-fixtures.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

/**
 * Every care endpoint × every role, refusals first. Each case runs on a fresh copy of one seeded
 * database: the panic and COPD programs deployed to unit-1 (care-1), "patient" enrolled in both,
 * "other-patient" in the panic program, an open alert, PHQ-9 as unit-1's intake with one referral,
 * one invitation to a new address not yet redeemed, and one to other-patient's account not yet accepted.
 */
interface Ids extends CareScenario {
  alertId: string;
  referralId: string;
  intakeDeploymentId: string;
  invitationCode: string;
  /** An invitation to other-patient's existing account, not yet accepted. */
  acceptCode: string;
  /** The enrollment of the invitation to a new address. */
  invitedEnrollmentId: string;
  /** The panic program's version 2 (a minor release), deployed to unit-1 beside version 1. */
  panicV2DeploymentId: string;
  /** Information posted to unit-1's staff. */
  staffNoticeId: string;
}

let seeded: Buffer;
let ids: Ids;

beforeAll(async () => {
  const t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${scenario.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true })), 201);
  const alertId = ((expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: Array<{ id: string }> }).alerts[0] as { id: string }).id;
  const intakeDeploymentId = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'phq-9', version: 1 }), 201)['id'] as string;
  expectStatus(await t.call('care-admin', 'PATCH', '/api/care/units/unit-1', { intake: { deploymentId: intakeDeploymentId } }), 200);
  const referralId = expectStatus(await t.call(undefined, 'POST', '/api/public/units/unit-1/intake', { contact: { name: 'Sam Self', email: 'sam@example.org' }, response: responseBody('phq-9', phq9Answers('notAtAll')) }), 201)['id'] as string;
  const invited = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: scenario.copdDeploymentId, patient: { name: 'Nina New', email: 'nina@example.org' } }), 201) as { invitation: { code: string }; enrollment: { id: string } };
  const toExisting = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: scenario.copdDeploymentId, patient: { name: 'Olle', email: 'other-patient@example.org' } }), 201) as { invitation: { code: string } };
  await releaseNextVersion(t.stores.authoring, { kind: 'program', document: exampleDocument('program', 'panic-icbt-8-weeks'), releaseClass: 'minor', releaseNotes: 'Clearer wording.', authorId: 'person-designer', publisherId: 'person-publisher', at: '2026-03-01T00:00:00.000Z' });
  const panicV2DeploymentId = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'panic-icbt-8-weeks', version: 2 }), 201)['id'] as string;
  const staffNoticeId = expectStatus(await t.call('care-admin', 'POST', '/api/care/providers/care-1/staff-notices', { title: 'Routine', body: 'Text', unitIds: ['unit-1'], email: false }), 201)['id'] as string;
  ids = { ...scenario, alertId, referralId, intakeDeploymentId, invitationCode: invited.invitation.code, acceptCode: toExisting.invitation.code, invitedEnrollmentId: invited.enrollment.id, panicV2DeploymentId, staffNoticeId };
  seeded = t.snapshot();
});

interface Endpoint {
  name: string;
  method: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** Expected status per role; refusals are run first. */
  expect: Record<string, number>;
}

const ALL_ROLES = ['anonymous', 'designer', 'care-admin', 'other-admin', 'therapist', 'other-therapist', 'patient', 'other-patient'];
const everyone = (status: number) => Object.fromEntries(ALL_ROLES.map((role) => [role, status]));
const NO_CARE_ROLE = { anonymous: 401, designer: 403, patient: 403, 'other-patient': 403 };
const ADMIN_WRITE = { ...NO_CARE_ROLE, therapist: 403, 'other-therapist': 403, 'other-admin': 404 };
const UNIT_READ = { ...NO_CARE_ROLE, 'other-admin': 404, 'other-therapist': 404 };
const THERAPIST = { ...NO_CARE_ROLE, 'care-admin': 403, 'other-admin': 403, 'other-therapist': 404 };
const PATIENT = { anonymous: 401, designer: 403, therapist: 403, 'other-therapist': 403, 'care-admin': 403, 'other-admin': 403 };
const OWN_PATIENT = { ...PATIENT, 'other-patient': 404 };

const ENDPOINTS: Endpoint[] = [
  { name: 'list units', method: 'GET', path: () => '/api/care/units', expect: { ...NO_CARE_ROLE, 'care-admin': 200, 'other-admin': 200, therapist: 200, 'other-therapist': 200 } },
  { name: 'create a unit', method: 'POST', path: () => '/api/care/providers/care-1/units', body: () => ({ name: 'New unit' }), expect: { ...ADMIN_WRITE, 'care-admin': 201 } },
  { name: 'update a unit', method: 'PATCH', path: () => '/api/care/units/unit-1', body: () => ({ settings: { phone: '+46 8 1' } }), expect: { ...ADMIN_WRITE, 'care-admin': 200 } },
  { name: 'list deployments', method: 'GET', path: () => '/api/care/units/unit-1/deployments', expect: { ...UNIT_READ, 'care-admin': 200, therapist: 200 } },
  { name: 'deploy', method: 'POST', path: () => '/api/care/units/unit-1/deployments', body: () => ({ documentId: 'gad-7', version: 1 }), expect: { ...ADMIN_WRITE, 'care-admin': 201 } },
  { name: 'withdraw', method: 'POST', path: (i) => `/api/care/deployments/${i.panicDeploymentId}/withdraw`, expect: { ...ADMIN_WRITE, 'care-admin': 200 } },
  { name: 'newer versions for a unit', method: 'GET', path: () => '/api/care/units/unit-1/version-updates', expect: { ...ADMIN_WRITE, 'care-admin': 200 } },
  { name: 'move a deployment\'s patients to a minor version', method: 'POST', path: (i) => `/api/care/deployments/${i.panicDeploymentId}/version-move`, body: () => ({ version: 2 }), expect: { ...ADMIN_WRITE, 'care-admin': 200 } },
  { name: 'unit report', method: 'GET', path: () => '/api/care/units/unit-1/report', expect: { ...UNIT_READ, 'care-admin': 200, therapist: 200 } },
  { name: 'list patients', method: 'GET', path: () => '/api/care/units/unit-1/patients', expect: { ...THERAPIST, therapist: 200 } },
  { name: 'enroll', method: 'POST', path: () => '/api/care/units/unit-1/enrollments', body: (i) => ({ deploymentId: i.panicDeploymentId, patient: { name: 'Ny Patient', email: 'ny@example.org' } }), expect: { ...THERAPIST, therapist: 201 } },
  { name: 'send a new invitation', method: 'POST', path: (i) => `/api/care/enrollments/${i.invitedEnrollmentId}/invitation`, expect: { ...THERAPIST, therapist: 201 } },
  { name: 'read an enrollment', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'pause an enrollment', method: 'PATCH', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}`, body: () => ({ status: 'paused' }), expect: { ...THERAPIST, therapist: 200 } },
  { name: 'read responses', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/responses`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'read a module version of an enrollment', method: 'GET', path: (i) => `/api/care/enrollments/${i.copdEnrollmentId}/module-versions/copd-daily-report/1`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'read charts', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/charts`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'set a plan', method: 'PUT', path: (i) => `/api/care/enrollments/${i.copdEnrollmentId}/plans/copd-daily-report/copdDaily`, body: () => ({ zones: [{ id: 'spo2Low', when: { op: 'lt', item: 'spo2', value: 90 } }] }), expect: { ...THERAPIST, therapist: 200 } },
  { name: 'read a patient\'s schedule', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/schedule`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'change a patient\'s schedule', method: 'POST', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/schedule/changes`, body: () => ({ kind: 'unlockEarly', moduleKey: 'week3' }), expect: { ...THERAPIST, therapist: 200 } },
  { name: 'read a patient\'s versions', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/versions`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'move a patient to a newer version', method: 'POST', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/version-move`, body: (i) => ({ deploymentId: i.panicV2DeploymentId, fromDeploymentId: i.panicDeploymentId }), expect: { ...THERAPIST, therapist: 200 } },
  { name: 'list alerts', method: 'GET', path: () => '/api/care/units/unit-1/alerts?status=open', expect: { ...THERAPIST, therapist: 200 } },
  { name: 'acknowledge an alert', method: 'POST', path: (i) => `/api/care/alerts/${i.alertId}/acknowledge`, body: () => ({ action: { kind: 'contacted' } }), expect: { ...THERAPIST, therapist: 200 } },
  { name: 'read a patient\'s outreach', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/outreach`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'send a patient a reminder', method: 'POST', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/reminders`, expect: { ...THERAPIST, therapist: 201 } },
  { name: 'list a provider\'s staff notices', method: 'GET', path: () => '/api/care/providers/care-1/staff-notices', expect: { ...ADMIN_WRITE, 'care-admin': 200 } },
  { name: 'post a staff notice', method: 'POST', path: () => '/api/care/providers/care-1/staff-notices', body: () => ({ title: 'Closed Friday', body: 'The unit is closed on Friday.', unitIds: ['unit-1'], email: true }), expect: { ...ADMIN_WRITE, 'care-admin': 201 } },
  { name: 'read my staff notices', method: 'GET', path: () => '/api/care/staff-notices', expect: { ...NO_CARE_ROLE, 'care-admin': 200, 'other-admin': 200, therapist: 200, 'other-therapist': 200 } },
  { name: 'mark a staff notice read', method: 'POST', path: (i) => `/api/care/staff-notices/${i.staffNoticeId}/read`, expect: { ...NO_CARE_ROLE, 'care-admin': 404, 'other-admin': 404, therapist: 204, 'other-therapist': 404 } },
  { name: 'read messages', method: 'GET', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/messages`, expect: { ...THERAPIST, therapist: 200 } },
  { name: 'send a message', method: 'POST', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/messages`, body: () => ({ body: 'Hello' }), expect: { ...THERAPIST, therapist: 201 } },
  { name: 'mark messages read', method: 'POST', path: (i) => `/api/care/enrollments/${i.panicEnrollmentId}/messages/read`, expect: { ...THERAPIST, therapist: 204 } },
  { name: 'list referrals', method: 'GET', path: () => '/api/care/units/unit-1/referrals', expect: { ...THERAPIST, therapist: 200 } },
  { name: 'accept a referral', method: 'POST', path: (i) => `/api/care/referrals/${i.referralId}/accept`, body: (i) => ({ deploymentId: i.panicDeploymentId }), expect: { ...THERAPIST, therapist: 201 } },
  { name: 'decline a referral', method: 'POST', path: (i) => `/api/care/referrals/${i.referralId}/decline`, expect: { ...THERAPIST, therapist: 200 } },

  { name: 'my enrollments', method: 'GET', path: () => '/api/me/enrollments', expect: { ...PATIENT, patient: 200, 'other-patient': 200 } },
  { name: 'today', method: 'GET', path: () => '/api/me/today', expect: { ...PATIENT, patient: 200, 'other-patient': 200 } },
  { name: 'my program', method: 'GET', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/program`, expect: { ...OWN_PATIENT, patient: 200 } },
  { name: 'a module version', method: 'GET', path: () => '/api/me/module-versions/copd-daily-report/1', expect: { ...OWN_PATIENT, patient: 200 } },
  { name: 'module progress', method: 'GET', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/modules/phq-9/progress`, expect: { ...OWN_PATIENT, patient: 200 } },
  { name: 'record a response', method: 'POST', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/responses`, body: () => responseBody('phq-9', phq9Answers('notAtAll'), { completes: true }), expect: { ...OWN_PATIENT, patient: 201 } },
  { name: 'my charts', method: 'GET', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/charts`, expect: { ...OWN_PATIENT, patient: 200 } },
  { name: 'my plan', method: 'GET', path: (i) => `/api/me/enrollments/${i.copdEnrollmentId}/plan`, expect: { ...OWN_PATIENT, patient: 200 } },
  { name: 'read my notice settings', method: 'GET', path: () => '/api/me/notice-settings', expect: { ...PATIENT, patient: 200, 'other-patient': 200 } },
  { name: 'turn my notices off', method: 'PUT', path: () => '/api/me/notice-settings', body: () => ({ emailNotices: false }), expect: { ...PATIENT, patient: 200, 'other-patient': 200 } },
  { name: 'my messages', method: 'GET', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/messages`, expect: { ...OWN_PATIENT, patient: 200 } },
  { name: 'message my therapist', method: 'POST', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/messages`, body: () => ({ body: 'Hello' }), expect: { ...OWN_PATIENT, patient: 201 } },
  { name: 'mark my messages read', method: 'POST', path: (i) => `/api/me/enrollments/${i.panicEnrollmentId}/messages/read`, expect: { ...OWN_PATIENT, patient: 204 } },

  { name: 'accept an invitation', method: 'POST', path: () => '/api/me/invitations/accept', body: (i) => ({ code: i.acceptCode }), expect: { ...everyone(403), anonymous: 401, 'other-patient': 200 } },
  { name: 'redeem an invitation', method: 'POST', path: () => '/api/public/invitations/redeem', body: (i) => ({ code: i.invitationCode, password: 'my own long password' }), expect: everyone(200) },
  { name: 'read a unit\'s intake', method: 'GET', path: () => '/api/public/units/unit-1/intake', expect: everyone(200) },
  { name: 'refer oneself', method: 'POST', path: () => '/api/public/units/unit-1/intake', body: () => ({ contact: { name: 'Sam', email: 'sam2@example.org' }, response: responseBody('phq-9', phq9Answers('notAtAll')) }), expect: everyone(201) },
  { name: 'read the outbox', method: 'GET', path: () => '/api/dev/outbox', expect: { ...NO_CARE_ROLE, therapist: 403, 'other-therapist': 403, 'care-admin': 200, 'other-admin': 200 } },
];

describeEveryRole('care routes', ENDPOINTS, {
  roles: ALL_ROLES,
  call: async (row, role) => {
    const t = await createCareTestApp({ from: seeded });
    return t.call(role === 'anonymous' ? undefined : role, row.method, row.path(ids), row.body?.(ids));
  },
});

describe('care routes', () => {

  it('lists every care route of the contract', async () => {
    const t = await createCareTestApp({ from: seeded });
    const routes = new Set(t.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`));
    expect(routes.size).toBe(ENDPOINTS.length);
  });
});
