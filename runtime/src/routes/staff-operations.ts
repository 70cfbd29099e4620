import type { ApiOperation } from './openapi.js';
import { validatePasswordResetCompleteBody, validatePasswordResetRequestBody } from './staff-bodies.js';

const s = 'session' as const;

/** Staff administration and password reset (routes/staff.ts, routes/password-reset.ts), for routes/openapi.ts. */
export const STAFF_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/care/providers/{orgId}/staff', summary: 'A care provider\'s staff with roles and unit assignments, disabled accounts included, and its units (permissions admins)', tag: 'staff', auth: s, success: { status: 200, description: 'Members and units' }, problems: [401, 403, 404] },
  { method: 'put', path: '/api/care/units/{unitId}/therapists/{personId}', summary: 'Let a member with the therapist role work in a unit (at once, open sessions included)', tag: 'staff', auth: s, success: { status: 204, description: 'Assigned' }, problems: [401, 403, 404, 409] },
  { method: 'delete', path: '/api/care/units/{unitId}/therapists/{personId}', summary: 'End a therapist\'s work in a unit and their responsibility for its patients (closes live connections)', tag: 'staff', auth: s, success: { status: 204, description: 'Removed' }, problems: [401, 403, 404] },
  { method: 'post', path: '/api/organisations/{orgId}/members/{personId}/disable', summary: 'Disable a staff account: its sessions end, the account and its audit trail stay', tag: 'staff', auth: s, success: { status: 204, description: 'Disabled' }, problems: [401, 403, 404, 409] },
  { method: 'post', path: '/api/organisations/{orgId}/members/{personId}/enable', summary: 'Enable a disabled staff account again', tag: 'staff', auth: s, success: { status: 204, description: 'Enabled' }, problems: [401, 403, 404, 409] },
  { method: 'get', path: '/api/care/units/{unitId}/patients/{patientId}/therapists', summary: 'A patient\'s responsible therapists in the unit (the unit\'s therapists; audited)', tag: 'staff', auth: s, success: { status: 200, description: 'Therapists' }, problems: [401, 403, 404] },
  { method: 'put', path: '/api/care/units/{unitId}/patients/{patientId}/therapists/{personId}', summary: 'Make a therapist of the unit responsible for the patient', tag: 'staff', auth: s, success: { status: 200, description: 'Therapists' }, problems: [401, 403, 404, 409] },
  { method: 'delete', path: '/api/care/units/{unitId}/patients/{patientId}/therapists/{personId}', summary: 'No longer responsible (409 for the last one)', tag: 'staff', auth: s, success: { status: 200, description: 'Therapists' }, problems: [401, 403, 404, 409] },
  { method: 'post', path: '/api/public/password-reset', summary: 'E-mail a one-time link to choose a new password; the same answer whether or not the address has an account', tag: 'auth', auth: 'none', body: validatePasswordResetRequestBody, success: { status: 202, description: 'Accepted' }, problems: [400, 415, 422] },
  { method: 'post', path: '/api/public/password-reset/complete', summary: 'Choose a new password with the link\'s token (ends every session of the account)', tag: 'auth', auth: 'none', body: validatePasswordResetCompleteBody, success: { status: 204, description: 'Changed' }, problems: [400, 404, 415, 422] },
];
