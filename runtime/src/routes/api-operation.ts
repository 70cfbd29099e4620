import { apiSchemaFileContents, schemaFileContents, type SchemaNode } from '@careloom/format/api/schemas';
import type { ApiSchemaName } from '../http/api-schemas.js';

/**
 * One HTTP operation of the API as documented. Bodies are named by their definition in the API
 * schemas (schemas/json/api/*.schema.json), the same definitions the routes validate requests with
 * (`apiValidator`) and the web apps' types are generated from, so the three cannot drift.
 */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, `{param}` style. */
  path: string;
  summary: string;
  tag: string;
  /** `session`: needs the session cookie (and X-CSRF-Token on unsafe methods). */
  auth: 'none' | 'session';
  /** The request body's definition. */
  request?: ApiSchemaName;
  /** A request whose body is a file's bytes (not JSON): what it must be. */
  requestFile?: string;
  /**
   * Success status and what it returns: `response` names the JSON body's definition, required
   * unless the status is 202 or 204 (no body) or the answer is CSV only. `csv`: the answer is (or,
   * with `response`, may instead be) `text/csv`; `fhir`: it may instead be a FHIR R4 resource
   * (`application/fhir+json`, validated against the R4 definitions in the tests, not here). `also`
   * lists further 2xx statuses with the same body (a retried request).
   */
  success: { status: number; also?: number[]; description: string; response?: ApiSchemaName; csv?: true; file?: true; fhir?: true };
  /** Problem statuses the operation can answer besides 500. */
  problems: number[];
}

export const READ = [401, 403, 404];
export const WRITE = [400, 401, 403, 404, 415, 422];

/** The key under `components.schemas` of a schema file: `api.care` for api/care.schema.json, `format.module` for module.schema.json. */
function componentKey(area: 'api' | 'format', file: string): string {
  return `${area}.${file.replace(/\.schema\.json$/, '')}`;
}

/**
 * The format's and the API's schema files as OpenAPI components, every `$ref` rewritten to a JSON
 * Pointer inside the document (`#/components/schemas/api.care/$defs/Unit`) and `$id`/`$schema`
 * dropped, so any OpenAPI 3.1 tool resolves them without fetching anything.
 */
function schemaComponents(): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  const add = (area: 'api' | 'format', files: Readonly<Record<string, SchemaNode>>) => {
    for (const [file, schema] of Object.entries(files)) {
      const key = componentKey(area, file);
      const rewrite = (node: unknown): unknown => {
        if (Array.isArray(node)) return node.map(rewrite);
        if (node === null || typeof node !== 'object') return node;
        const out: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(node)) {
          if (name === '$id' || name === '$schema' || name === 'tsType') continue;
          out[name] = name === '$ref' && typeof value === 'string' ? componentRef(area, key, value) : rewrite(value);
        }
        return out;
      };
      components[key] = rewrite(schema);
    }
  };
  add('format', schemaFileContents);
  add('api', apiSchemaFileContents);
  return components;
}

/** A `$ref` of a schema file, as a pointer into the OpenAPI document. */
function componentRef(area: 'api' | 'format', key: string, ref: string): string {
  const [target = '', pointer = ''] = ref.split('#');
  if (target === '') return `#/components/schemas/${key}${pointer}`;
  const format = target.startsWith('../') || area === 'format';
  const file = target.replace(/^\.\.\//, '');
  return `#/components/schemas/${componentKey(format ? 'format' : 'api', file)}${pointer}`;
}

/** Where an API definition sits in the OpenAPI document. */
export function definitionRef(name: ApiSchemaName): string {
  for (const [file, schema] of Object.entries(apiSchemaFileContents)) {
    if (name in ((schema['$defs'] ?? {}) as object)) return `#/components/schemas/${componentKey('api', file)}/$defs/${name}`;
  }
  throw new Error(`No API schema defines ${name}.`);
}

/**
 * Builds the OpenAPI 3.1 document from the operation list. Throws when a success other than 202
 * or 204 names no response body, so an operation cannot be added without saying what it answers.
 */
export function openApiDocument(operations: readonly ApiOperation[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
    const { success } = operation;
    // A redirect (302, the OpenID Connect sign-in's steps) has no body either.
    const bodiless = success.status === 202 || success.status === 204 || (success.status >= 300 && success.status < 400);
    if (!bodiless && !success.response && !success.csv && !success.file) throw new Error(`${operation.method.toUpperCase()} ${operation.path} answers ${success.status} without naming its response body.`);
    const content = {
      ...(success.response ? { 'application/json': { schema: { $ref: definitionRef(success.response) } } } : {}),
      ...(success.csv ? { 'text/csv': { schema: { type: 'string', description: 'UTF-8 CSV with a header row; cells that a spreadsheet would run as formulas are neutralised.' } } } : {}),
      ...(success.fhir ? { 'application/fhir+json': { schema: { type: 'object', description: 'A FHIR R4 resource (here a collection Bundle), as the R4 specification defines it.' } } } : {}),
      ...(success.file ? { '*/*': { schema: { type: 'string', format: 'binary', description: 'The file\'s bytes, in the type read from them when it was uploaded.' } } } : {}),
    };
    const body = Object.keys(content).length > 0 ? { content } : {};
    const responses: Record<string, unknown> = {};
    for (const status of [success.status, ...(success.also ?? [])]) responses[status] = { description: success.description, ...body };
    for (const status of [...new Set(operation.problems)].sort()) responses[status] = { $ref: `#/components/responses/Problem` };
    (paths[operation.path] ??= {})[operation.method] = {
      summary: operation.summary,
      tags: [operation.tag],
      operationId: `${operation.method}${operation.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_m, next: string | undefined) => (next ? next.toUpperCase() : ''))}`,
      ...(parameters.length ? { parameters } : {}),
      ...(operation.auth === 'session' ? { security: [{ session: [] }] } : { security: [] }),
      ...(operation.request ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: definitionRef(operation.request) } } } } } : {}),
      ...(operation.requestFile ? { requestBody: { required: true, description: operation.requestFile, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Careloom API', version, description: 'JSON over HTTP. Errors are RFC 9457 problem+json with `issues[]` naming each problem by JSON Pointer. Unsafe requests with a session cookie need the `X-CSRF-Token` header from login or GET /api/auth/me and a same-origin `Origin`. Live drafts: WebSocket `/collab/{moduleId}` speaking the standard y-websocket protocol. Bodies are described by the API schemas (`components.schemas.api.*`), which reference the module format (`components.schemas.format.*`).' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'careloom_session' } },
      schemas: schemaComponents(),
      responses: {
        Problem: {
          description: 'RFC 9457 problem details',
          content: {
            'application/problem+json': {
              schema: {
                type: 'object',
                required: ['type', 'title', 'status'],
                properties: {
                  type: { type: 'string', format: 'uri' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                  instance: { type: 'string' },
                  code: { type: 'string' },
                  requestId: { type: 'string' },
                  issues: { type: 'array', items: { type: 'object', required: ['code', 'path', 'message'], properties: { code: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } } } },
                },
              },
            },
          },
        },
      },
    },
  };
}
