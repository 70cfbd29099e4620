import { createRequire } from 'node:module';
import type Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';
import type addFormats from 'ajv-formats';
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

let ajv: Ajv2020 | undefined;
const load = createRequire(import.meta.url);

/** Compiled on first use, not when the module loads: compiling at load delayed the start by about a second. */
function compileLazily<T>(schema: JSONSchemaType<T>): ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  const validate = ((data: unknown) => {
    if (!compiled) {
      if (!ajv) {
        const Ajv = (load('ajv/dist/2020.js') as { default: typeof Ajv2020 }).default;
        ajv = new Ajv({ allErrors: true, strict: true });
        (load('ajv-formats') as { default: typeof addFormats }).default(ajv, ['email']);
      }
      compiled = ajv.compile(schema);
    }
    const valid = compiled(data);
    validate.errors = compiled.errors ?? null;
    return valid;
  }) as ValidateFunction<T>;
  validate.schema = schema;
  return validate;
}

export const validateLoginBody = compileLazily(loginSchema);
export const validateChangePasswordBody = compileLazily(changePasswordSchema);
export const validateInviteBody = compileLazily(inviteSchema);
export const validateInvitationTokenBody = compileLazily(invitationTokenSchema);
export const validateJoinBody = compileLazily(joinSchema);
export const validateSetRolesBody = compileLazily(setRolesSchema);

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
