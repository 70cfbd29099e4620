import { apiValidator } from '../http/api-schemas.js';
export type { PasswordResetCompleteBody, PasswordResetRequestBody } from '@careloom/format/api';

/* Request bodies of the password-reset routes, compiled from the API schemas (schemas/json/api/staff.schema.json: closed objects, the inbound whitelist). */
export const validatePasswordResetRequestBody = apiValidator('PasswordResetRequestBody');
export const validatePasswordResetCompleteBody = apiValidator('PasswordResetCompleteBody');
