import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Context } from 'hono';
import type { Issue } from '@careloom/format';
import { DomainError } from '../domain/errors.js';
import { apiValidator } from '../http/api-schemas.js';
import { readJsonBody } from '../http/json-body.js';
export type { ChangePasswordBody, InviteBody, InvitationTokenBody, JoinBody, LoginBody, SetRolesBody } from '@careloom/format/api';

/*
 * Request bodies of the auth and organisation routes, compiled from the API schemas
 * (schemas/json/api/accounts.schema.json: closed objects, the inbound whitelist), with failures
 * turned into problem+json issues pointing at the field (`/email`).
 */
export const validateLoginBody = apiValidator('LoginBody');
export const validateChangePasswordBody = apiValidator('ChangePasswordBody');
export const validateInviteBody = apiValidator('InviteBody');
export const validateInvitationTokenBody = apiValidator('InvitationTokenBody');
export const validateJoinBody = apiValidator('JoinBody');
export const validateSetRolesBody = apiValidator('SetRolesBody');

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
