import type { PlanRuleInput } from '../../domain/care/plans.js';
import type { ReferralContact, UnitSettings } from '../../domain/care/ports.js';
import type { UnitPatch } from '../../domain/care/units.js';
import { bodySchema } from '../authoring-request.js';

// Request bodies of the care API (routes/care/README.md). `additionalProperties: false` makes each
// schema the inbound whitelist; the same validators document the bodies in openapi.ts.

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const email = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' };
const id = { type: 'string', minLength: 1, maxLength: 128 };

const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(['contactName', 'phone', 'crisisPhone', 'email', 'address', 'openingHours'].map((key) => [key, { type: 'string', maxLength: 500 }])),
};

export const createUnitBody = bodySchema<{ name: string; timeZone?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: text(200), timeZone: text(64) },
});

export const updateUnitBody = bodySchema<UnitPatch & { settings?: UnitSettings }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    name: text(200),
    active: { type: 'boolean' },
    timeZone: text(64),
    settings: settingsSchema,
    intake: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['deploymentId'], properties: { deploymentId: id } }] },
  },
});

export const deployBody = bodySchema<{ documentId: string; version: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['documentId', 'version'],
  properties: { documentId: id, version: { type: 'integer', minimum: 1 } },
});

export const enrollBody = bodySchema<{ deploymentId: string; patient: { name: string; email: string }; startsOn?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['deploymentId', 'patient'],
  properties: {
    deploymentId: id,
    patient: { type: 'object', additionalProperties: false, required: ['name', 'email'], properties: { name: text(200), email } },
    startsOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
});

export const enrollmentStatusBody = bodySchema<{ status: 'active' | 'paused' | 'ended' }>({
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { status: { enum: ['active', 'paused', 'ended'] } },
});

export const planBody = bodySchema<{ zones: PlanRuleInput[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['zones'],
  properties: {
    zones: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['id', 'when'],
        properties: { id, when: { type: 'object' }, zone: { enum: ['yellow', 'red'] }, explanation: { type: 'object' }, alert: { type: 'boolean' } },
        additionalProperties: false,
      },
    },
  },
});

export const messageBody = bodySchema<{ body: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['body'],
  properties: { body: text(10000) },
});

export const acceptReferralBody = bodySchema<{ deploymentId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['deploymentId'],
  properties: { deploymentId: id },
});

export const redeemBody = bodySchema<{ code: string; password: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['code', 'password'],
  properties: { code: text(200), password: { type: 'string', maxLength: 1024 } },
});

export const acceptInvitationBody = bodySchema<{ code: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: text(200) },
});

export const intakeBody = bodySchema<{ contact: ReferralContact; response: unknown }>({
  type: 'object',
  additionalProperties: false,
  required: ['contact', 'response'],
  properties: {
    contact: { type: 'object', additionalProperties: false, required: ['name', 'email'], properties: { name: text(200), email, phone: { type: 'string', maxLength: 50 } } },
    response: { type: 'object' },
  },
});

/** The response body is checked against response.schema.json by the service; this only documents it. */
export const responseBody = bodySchema<unknown>({
  type: 'object',
  description: 'A response as defined by schemas/json/response.schema.json: formatVersion, clientId (UUID), moduleId, moduleVersion, answers, answeredAt, and optionally contentHash, pageId, registrationId, completes.',
});
