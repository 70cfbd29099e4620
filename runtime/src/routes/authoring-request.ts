import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Context } from 'hono';
import type { Issue } from '@careloom/format';
import type { AuthoringContext } from '../domain/authoring/authoring-deps.js';
import type { AuthoringService } from '../domain/authoring/authoring-service.js';
import { DomainError } from '../domain/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { fieldWords } from '../http/api-schemas.js';
import { readJsonBody } from '../http/json-body.js';

/** What the authoring routes need: the service, and (optionally) how to read the client's address for the audit log. */
export interface AuthoringRouteDeps {
  authoring: AuthoringService;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

/** The request facts the service needs: who, which request, from where. */
export function authoringContext(c: Context<AppEnv>, deps: AuthoringRouteDeps): AuthoringContext {
  return { principal: c.get('principal'), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null };
}

/**
 * Reads a JSON body (415 without a JSON content type, 400 when it does not parse) and validates it
 * with a validator of the API schemas (`apiValidator` in http/api-schemas.ts): a body the schema
 * rejects is `invalid`, with every issue and its JSON Pointer.
 */
export async function readBody<T>(c: Context<AppEnv>, validate: ValidateFunction<T>): Promise<T> {
  const body = await readJsonBody(c);
  if (!validate(body)) {
    // An `if` failure only says its `then` failed, which is reported on its own.
    const issues = (validate.errors ?? []).filter((error) => error.keyword !== 'if').map((error) => bodyIssue(validate, error));
    const detail = issues.length === 1 && issues[0]!.code !== 'body.additionalProperties' ? issues[0]!.message : `The request body has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`;
    throw new DomainError('invalid', detail, { issues });
  }
  return body;
}

function bodyIssue(validate: ValidateFunction, error: ErrorObject): Issue {
  const params = error.params as Record<string, unknown>;
  const extra = typeof params['missingProperty'] === 'string' ? `/${params['missingProperty']}` : typeof params['additionalProperty'] === 'string' ? `/${params['additionalProperty']}` : '';
  const path = `${error.instancePath}${extra}`;
  if (error.keyword === 'additionalProperties') return { code: `body.${error.keyword}`, path, message: `"${String(params['additionalProperty'])}" is not a field this request takes.`, params };
  const words = path === '' ? {} : fieldWords(validate, path);
  const field = words.title ?? (path === '' ? 'The body' : `"${path}"`);
  let reason = `${error.message ?? 'is invalid'}`;
  if (error.keyword === 'format' && params['format'] === 'email') reason = 'is not an e-mail address; write it like name@example.org';
  else if (error.keyword === 'pattern' && words.description) reason = `does not have the right form. ${words.description.replace(/[.;,]?\s*$/, '')}`;
  return { code: `body.${error.keyword}`, path, message: `${field} ${reason}.`, params };
}

/** A positive whole number from the path, or not_found (no such version). */
export function versionNumber(raw: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new DomainError('not_found', `There is no version "${raw}".`);
  return Number(raw);
}

/** A version number or 'draft' from the query string. */
export function versionOrDraft(raw: string | undefined, name: string, fallback?: 'draft'): number | 'draft' {
  const value = raw ?? fallback;
  if (value === 'draft') return 'draft';
  if (value !== undefined && /^[1-9][0-9]{0,8}$/.test(value)) return Number(value);
  const message = `"${name}" must be a version number or "draft".`;
  throw new DomainError('invalid', message, { issues: [{ code: 'query.version', path: `/${name}`, message }] });
}
