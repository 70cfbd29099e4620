import { apiValidator } from '../../http/api-schemas.js';

// Request bodies of the care API (routes/care/README.md), compiled from the API schemas
// (schemas/json/api/care.schema.json), where `additionalProperties: false` makes each the inbound
// whitelist; care-operations.ts names the same definitions for the OpenAPI description.

export const createUnitBody = apiValidator('CreateUnitBody');
export const updateUnitBody = apiValidator('UpdateUnitBody');
export const deployBody = apiValidator('DeployBody');
export const enrollBody = apiValidator('EnrollBody');
export const enrollmentStatusBody = apiValidator('EnrollmentStatusBody');
export const planBody = apiValidator('PlanBody');
export const messageBody = apiValidator('MessageBody');
export const acceptReferralBody = apiValidator('AcceptReferralBody');
export const redeemBody = apiValidator('RedeemBody');
export const acceptInvitationBody = apiValidator('AcceptInvitationBody');
export const intakeBody = apiValidator('IntakeBody');
