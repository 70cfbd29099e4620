import type { ApiOperation } from '../openapi.js';
import { acceptReferralBody, createUnitBody, deployBody, enrollBody, enrollmentStatusBody, intakeBody, messageBody, planBody, redeemBody, responseBody, updateUnitBody } from './care-bodies.js';

const READ = [401, 403, 404];
const WRITE = [400, 401, 403, 404, 415, 422];
const s = 'session' as const;

/** The care API (README.md beside this file), for the OpenAPI description in routes/openapi.ts. */
export const CARE_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/care/units', summary: 'Units of the caller\'s providers (admins) or the units they treat in (therapists)', tag: 'care', auth: s, success: { status: 200, description: 'Units with settings and intake' }, problems: [401, 403] },
  { method: 'post', path: '/api/care/providers/{organisationId}/units', summary: 'Create a unit of a care provider', tag: 'care', auth: s, body: createUnitBody, success: { status: 201, description: 'The unit' }, problems: WRITE },
  { method: 'patch', path: '/api/care/units/{unitId}', summary: 'Rename, (de)activate, set time zone, contact settings or intake questionnaire', tag: 'care', auth: s, body: updateUnitBody, success: { status: 200, description: 'The unit' }, problems: WRITE },
  { method: 'get', path: '/api/care/units/{unitId}/deployments', summary: 'Deployments of a unit', tag: 'care', auth: s, success: { status: 200, description: 'Deployments with pinned module versions' }, problems: READ },
  { method: 'post', path: '/api/care/units/{unitId}/deployments', summary: 'Deploy a released module or program version (409 when not released)', tag: 'care', auth: s, body: deployBody, success: { status: 201, description: 'The deployment' }, problems: [...WRITE, 409] },
  { method: 'post', path: '/api/care/deployments/{deploymentId}/withdraw', summary: 'Withdraw a deployment: no new enrollments, current ones go on', tag: 'care', auth: s, success: { status: 200, description: 'The deployment' }, problems: [...READ, 409] },
  { method: 'get', path: '/api/care/units/{unitId}/report', summary: 'Unit report: enrolled, active, completed, dropped out, mean pre/post per instrument', tag: 'care', auth: s, success: { status: 200, description: 'The report' }, problems: READ },
  { method: 'get', path: '/api/care/units/{unitId}/patients', summary: 'The unit\'s patients, most in need of attention first (audited)', tag: 'care', auth: s, success: { status: 200, description: 'Patients' }, problems: READ },
  { method: 'post', path: '/api/care/units/{unitId}/enrollments', summary: 'Enroll a patient in a deployment: creates the account and a one-time invitation', tag: 'care', auth: s, body: enrollBody, success: { status: 201, description: 'The enrollment and the invitation code and link' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/care/enrollments/{enrollmentId}', summary: 'One enrollment: progress, what is due, alerts, plans (audited)', tag: 'care', auth: s, success: { status: 200, description: 'The enrollment' }, problems: READ },
  { method: 'patch', path: '/api/care/enrollments/{enrollmentId}', summary: 'Pause, resume or end an enrollment', tag: 'care', auth: s, body: enrollmentStatusBody, success: { status: 200, description: 'The enrollment' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/care/enrollments/{enrollmentId}/responses', summary: 'Every answer with scores and zones (audited)', tag: 'care', auth: s, success: { status: 200, description: 'Responses' }, problems: READ },
  { method: 'get', path: '/api/care/enrollments/{enrollmentId}/module-versions/{moduleId}/{version}', summary: 'A module version the enrollment is on, to show answers as the patient saw them (ETag = content hash; 304 on If-None-Match)', tag: 'care', auth: s, success: { status: 200, description: 'The module document' }, problems: READ },
  { method: 'get', path: '/api/care/enrollments/{enrollmentId}/charts', summary: 'Score charts with bands, registration charts with zones and goals (audited)', tag: 'care', auth: s, success: { status: 200, description: 'Charts' }, problems: READ },
  { method: 'put', path: '/api/care/enrollments/{enrollmentId}/plans/{moduleId}/{registrationId}', summary: 'Set the patient\'s own zone thresholds for a registration', tag: 'care', auth: s, body: planBody, success: { status: 200, description: 'The plan' }, problems: WRITE },
  { method: 'get', path: '/api/care/units/{unitId}/alerts', summary: 'Open or acknowledged alerts of a unit (audited)', tag: 'care', auth: s, success: { status: 200, description: 'Alerts' }, problems: [...READ, 422] },
  { method: 'post', path: '/api/care/alerts/{alertId}/acknowledge', summary: 'Acknowledge an alert (audited)', tag: 'care', auth: s, success: { status: 200, description: 'The alert' }, problems: READ },
  { method: 'get', path: '/api/care/enrollments/{enrollmentId}/messages', summary: 'The message thread (audited)', tag: 'care', auth: s, success: { status: 200, description: 'Messages with read receipts' }, problems: READ },
  { method: 'post', path: '/api/care/enrollments/{enrollmentId}/messages', summary: 'Message the patient', tag: 'care', auth: s, body: messageBody, success: { status: 201, description: 'The message' }, problems: WRITE },
  { method: 'post', path: '/api/care/enrollments/{enrollmentId}/messages/read', summary: 'Mark the patient\'s messages read', tag: 'care', auth: s, success: { status: 204, description: 'Marked' }, problems: READ },
  { method: 'get', path: '/api/care/units/{unitId}/referrals', summary: 'Self-referrals to a unit (audited)', tag: 'care', auth: s, success: { status: 200, description: 'Referrals' }, problems: READ },
  { method: 'post', path: '/api/care/referrals/{referralId}/accept', summary: 'Accept a referral: enroll the person and invite them', tag: 'care', auth: s, body: acceptReferralBody, success: { status: 201, description: 'The enrollment and invitation' }, problems: [...WRITE, 409] },
  { method: 'post', path: '/api/care/referrals/{referralId}/decline', summary: 'Decline a referral', tag: 'care', auth: s, success: { status: 200, description: 'The referral' }, problems: [...READ, 409] },

  { method: 'get', path: '/api/me/enrollments', summary: 'The patient\'s enrollments with their unit\'s contact settings', tag: 'patient', auth: s, success: { status: 200, description: 'Enrollments' }, problems: [401, 403] },
  { method: 'get', path: '/api/me/today', summary: 'What is due and new, and the newest messages first', tag: 'patient', auth: s, success: { status: 200, description: 'Today' }, problems: [401, 403] },
  { method: 'get', path: '/api/me/enrollments/{enrollmentId}/program', summary: 'The program\'s modules and the patient\'s progress', tag: 'patient', auth: s, success: { status: 200, description: 'The program' }, problems: READ },
  { method: 'get', path: '/api/me/module-versions/{moduleId}/{version}', summary: 'A module version the patient is on (ETag = content hash; 304 on If-None-Match)', tag: 'patient', auth: s, success: { status: 200, description: 'The module document' }, problems: READ },
  { method: 'get', path: '/api/me/enrollments/{enrollmentId}/modules/{moduleId}/progress', summary: 'Latest answers and page, to resume a module', tag: 'patient', auth: s, success: { status: 200, description: 'Progress' }, problems: READ },
  { method: 'post', path: '/api/me/enrollments/{enrollmentId}/responses', summary: 'Record answers (idempotent by clientId; 422 naming each bad item)', tag: 'patient', auth: s, body: responseBody, success: { status: 201, description: 'Id, scores and zones (200 for a retry)' }, problems: [...WRITE, 409] },
  { method: 'get', path: '/api/me/enrollments/{enrollmentId}/charts', summary: 'The patient\'s own score and registration charts', tag: 'patient', auth: s, success: { status: 200, description: 'Charts' }, problems: READ },
  { method: 'get', path: '/api/me/enrollments/{enrollmentId}/plan', summary: 'The patient\'s self-treatment plans: what to do in each zone', tag: 'patient', auth: s, success: { status: 200, description: 'Plans' }, problems: READ },
  { method: 'get', path: '/api/me/enrollments/{enrollmentId}/messages', summary: 'The patient\'s message thread', tag: 'patient', auth: s, success: { status: 200, description: 'Messages' }, problems: READ },
  { method: 'post', path: '/api/me/enrollments/{enrollmentId}/messages', summary: 'Message the care team', tag: 'patient', auth: s, body: messageBody, success: { status: 201, description: 'The message' }, problems: [...WRITE, 409] },
  { method: 'post', path: '/api/me/enrollments/{enrollmentId}/messages/read', summary: 'Mark the care team\'s messages read', tag: 'patient', auth: s, success: { status: 204, description: 'Marked' }, problems: READ },

  { method: 'post', path: '/api/public/invitations/redeem', summary: 'Redeem a one-time invitation: set a password and sign in (sets the session cookie)', tag: 'public', auth: 'none', body: redeemBody, success: { status: 200, description: 'The session' }, problems: [400, 404, 415, 422] },
  { method: 'get', path: '/api/public/units/{unitId}/intake', summary: 'A unit\'s public intake questionnaire', tag: 'public', auth: 'none', success: { status: 200, description: 'Unit and module' }, problems: [404] },
  { method: 'post', path: '/api/public/units/{unitId}/intake', summary: 'Refer oneself to a unit (rate-limited per IP)', tag: 'public', auth: 'none', body: intakeBody, success: { status: 201, description: 'The referral id' }, problems: [400, 404, 415, 422, 429] },
  { method: 'get', path: '/api/dev/outbox', summary: 'E-mails that would have been sent (no SMTP configured; care-provider admins)', tag: 'development', auth: s, success: { status: 200, description: 'Messages' }, problems: READ },
];
