import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Context } from 'hono';
import type { Issue } from '@careloom/format';
import { ASSIGNABLE_ROLES } from '../domain/accounts/organisation-roles.js';
import { DomainError } from '../domain/errors.js';
import { readJsonBody } from '../http/json-body.js';
import type { Role } from '../domain/principal.js';
import type { InviteBody, InvitationTokenBody, JoinBody, SetRolesBody } from '@careloom/format/api';
export type { InviteBody, InvitationTokenBody, JoinBody, SetRolesBody };

/*
 * Request bodies of the auth and organisation routes: closed JSON Schemas (the inbound whitelist),
 * compiled once, with failures turned into problem+json issues pointing at the field (`/email`).
 */

export interface LoginBody {
  email: string;
  password: string;
}
export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}
const email = { type: 'string', format: 'email', maxLength: 254, description: 'E-mail address; compared without regard to letter case.' } as const;
// Long limits: the password policy (domain) gives the friendly message; this only stops abuse.
const password = { type: 'string', maxLength: 1024, description: 'A password, never stored or logged.' } as const;
const assignable = [...new Set(Object.values(ASSIGNABLE_ROLES).flat())];
const roles = {
  type: 'array',
  minItems: 1,
  maxItems: 10,
  uniqueItems: true,
  items: { type: 'string', enum: assignable, description: 'A role in the organisation.' },
  description: 'The roles the person holds in the organisation (replaces earlier ones).',
} as const;

const loginSchema: JSONSchemaType<LoginBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email, password: { ...password, minLength: 1 } },
};
const changePasswordSchema: JSONSchemaType<ChangePasswordBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: password, newPassword: password },
};
// The token is 43 base64url characters; the limit only keeps junk out before the lookup.
const token = { type: 'string', minLength: 1, maxLength: 100, description: 'The secret from the invitation link (after #/invitation/).' } as const;
const inviteSchema: JSONSchemaType<InviteBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'roles'],
  properties: {
    email,
    roles: { ...roles, description: 'The roles the person gets when they accept.' } as unknown as JSONSchemaType<Role[]>,
    language: { type: 'string', enum: ['en', 'sv', 'nb'], nullable: true, description: 'The language of the invitation e-mail; English by default.' },
  },
};
const invitationTokenSchema: JSONSchemaType<InvitationTokenBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token },
};
const joinSchema: JSONSchemaType<JoinBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'name', 'password'],
  properties: {
    token,
    name: { type: 'string', maxLength: 200, description: 'The name others in the organisation see.' },
    password: { ...password, description: 'The password the new person chooses; never stored or logged.' },
  },
};
const setRolesSchema: JSONSchemaType<SetRolesBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['roles'],
  properties: { roles: roles as unknown as JSONSchemaType<Role[]> },
};

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv, ['email']);

export const validateLoginBody = ajv.compile(loginSchema);
export const validateChangePasswordBody = ajv.compile(changePasswordSchema);
export const validateInviteBody = ajv.compile(inviteSchema);
export const validateInvitationTokenBody = ajv.compile(invitationTokenSchema);
export const validateJoinBody = ajv.compile(joinSchema);
export const validateSetRolesBody = ajv.compile(setRolesSchema);

function issueOf(error: ErrorObject): Issue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const field = String(params['missingProperty']);
    return { code: 'schema.required', path: `${error.instancePath}/${field}`, message: `"${field}" is required.` };
  }
  if (error.keyword === 'additionalProperties') {
    const field = String(params['additionalProperty']);
    return { code: 'schema.additional_property', path: `${error.instancePath}/${field}`, message: `"${field}" is not a field of this request.` };
  }
  const field = error.instancePath === '' ? 'The body' : `"${error.instancePath.slice(1)}"`;
  const message = error.keyword === 'format' ? 'must be an e-mail address' : error.keyword === 'enum' ? `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}` : (error.message ?? 'is not valid');
  return { code: `schema.${error.keyword}`, path: error.instancePath, message: `${field} ${message}.` };
}

/**
 * Reads the JSON body (http/json-body.ts: 415 for another content type, 400 for broken JSON) and
 * checks it against a compiled schema; throws DomainError 'invalid' with one issue per problem.
 *
 * @example
 * const body = await parseBody(c, validateLoginBody);
 */
export async function parseBody<T>(c: Context, validate: ValidateFunction<T>): Promise<T> {
  const body = await readJsonBody(c);
  if (validate(body)) return body;
  const issues = (validate.errors ?? []).map(issueOf);
  throw new DomainError('invalid', issues.length === 1 ? issues[0]!.message : `The request has ${issues.length} problems.`, { issues });
}
