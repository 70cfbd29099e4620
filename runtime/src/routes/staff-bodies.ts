import Ajv2020 from 'ajv/dist/2020.js';
import type { JSONSchemaType } from 'ajv';
import addFormats from 'ajv-formats';
import type { PasswordResetCompleteBody, PasswordResetRequestBody } from '@careloom/format/api';
export type { PasswordResetCompleteBody, PasswordResetRequestBody };

/* Request bodies of the staff and password-reset routes: closed JSON Schemas (the inbound whitelist). */

const requestSchema: JSONSchemaType<PasswordResetRequestBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254, description: 'The e-mail address of the account.' },
    language: { type: 'string', enum: ['en', 'sv', 'nb'], nullable: true, description: 'The language of the e-mail; English by default.' },
  },
};
const completeSchema: JSONSchemaType<PasswordResetCompleteBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'password'],
  properties: {
    token: { type: 'string', minLength: 1, maxLength: 100, description: 'The secret from the link (after #/password-reset/).' },
    password: { type: 'string', maxLength: 1024, description: 'The new password; never stored or logged.' },
  },
};

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv, ['email']);

export const validatePasswordResetRequestBody = ajv.compile(requestSchema);
export const validatePasswordResetCompleteBody = ajv.compile(completeSchema);
