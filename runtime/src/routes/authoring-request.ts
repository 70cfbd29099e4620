import { createRequire } from 'node:module';
import type Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Context } from 'hono';
import type { Issue } from '@careloom/format';
import type { AuthoringContext } from '../domain/authoring/authoring-deps.js';
import type { AuthoringService } from '../domain/authoring/authoring-service.js';
import { DomainError } from '../domain/errors.js';
import type { AppEnv } from '../http/app-env.js';
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

// One Ajv instance for every request-body schema, made on first use; Ajv itself is loaded then too
// (loading its modules was a measurable part of the start).
let ajv: Ajv2020 | undefined;
const load = createRequire(import.meta.url);
const newAjv = (): Ajv2020 => {
  const Ajv = (load('ajv/dist/2020.js') as { default: typeof Ajv2020 }).default;
  return new Ajv({ allErrors: true, strict: true });
};

/**
 * A request-body schema (JSON Schema 2020-12, `additionalProperties: false` as the inbound
 * whitelist), compiled the first time a body is checked against it: compiling every route's schema
 * when the modules load cost the production start about a second before it could answer anything.
 * Each schema is still compiled once per process.
 */
export function bodySchema<T>(schema: object): ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  const validate = ((data: unknown) => {
    compiled ??= (ajv ??= newAjv()).compile<T>(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors ?? null;
    return valid;
  }) as ValidateFunction<T>;
  validate.schema = schema;
  return validate;
}

/**
 * Reads a JSON body (415 without a JSON content type, 400 when it does not parse) and validates it:
 * a body the schema rejects is `invalid`, with every issue and its JSON Pointer.
 */
export async function readBody<T>(c: Context<AppEnv>, validate: ValidateFunction<T>): Promise<T> {
  const body = await readJsonBody(c);
  if (!validate(body)) {
    const issues = (validate.errors ?? []).map(bodyIssue);
    throw new DomainError('invalid', `The request body has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`, { issues });
  }
  return body;
}

function bodyIssue(error: ErrorObject): Issue {
  const params = error.params as Record<string, unknown>;
  const extra = typeof params['missingProperty'] === 'string' ? `/${params['missingProperty']}` : typeof params['additionalProperty'] === 'string' ? `/${params['additionalProperty']}` : '';
  const path = `${error.instancePath}${extra}`;
  const message =
    error.keyword === 'additionalProperties' ? `"${String(params['additionalProperty'])}" is not a field this request takes.` : `${path === '' ? 'The body' : `"${path}"`} ${error.message ?? 'is invalid'}.`;
  return { code: `body.${error.keyword}`, path, message, params };
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
