import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../routes/api-operation.js';
import { API_OPERATIONS } from '../routes/openapi.js';

/**
 * Checks real answers against /api/openapi.json: every test client (HttpSession, the care and
 * authoring test apps) passes each response through {@link checkResponseContract}, so a route that
 * answers something its documented schema does not allow (a field too many or missing, a wrong type,
 * an undocumented 2xx status) fails the test that called it, naming the route and the place.
 *
 * The schemas are read from the OpenAPI document as served, not from the schema files, so the test
 * also proves the document's references resolve.
 */
const document = openApiDocument(API_OPERATIONS, 'contract') as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

const DOCUMENT_ID = 'urn:careloom:openapi';
// Not strict: the document holds OpenAPI keywords beside the schemas, which ajv only has to skip.
const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, discriminator: true });
addFormats(ajv);
ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });

interface Route {
  method: string;
  path: string;
  pattern: RegExp;
}
const routes: Route[] = Object.entries(document.paths).flatMap(([path, operations]) =>
  Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path, pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`) })),
);
const validators = new Map<string, ValidateFunction>();

/** The documented operation of a request (method and path without query), or undefined for a path the API does not describe (the web apps' pages and assets). */
function routeOf(method: string, path: string): Route | undefined {
  // A literal segment wins over a parameter (`/api/me/today` over `/api/me/{x}`): the fewest parameters first.
  return routes.filter((route) => route.method === method && route.pattern.test(path)).sort((a, b) => a.path.split('{').length - b.path.split('{').length)[0];
}

/** The compiled schema of a documented response, or undefined when the document gives none. */
function validatorOf(route: Route, status: number): ValidateFunction | undefined {
  const key = `${route.method} ${route.path} ${status}`;
  if (validators.has(key)) return validators.get(key);
  const responses = document.paths[route.path]![route.method.toLowerCase()]!.responses;
  if (!(String(status) in responses)) throw new Error(`${route.method} ${route.path} answered ${status}, which /api/openapi.json does not document.`);
  const schema = responses[String(status)]!.content?.['application/json']?.schema as { $ref?: string } | undefined;
  const validate = schema?.$ref ? ajv.compile({ $ref: `${DOCUMENT_ID}${schema.$ref}` }) : undefined;
  if (validate) validators.set(key, validate);
  return validate;
}

/** The media types the document gives for a response. */
function documentedTypes(route: Route, status: number): string[] {
  return Object.keys(document.paths[route.path]![route.method.toLowerCase()]!.responses[String(status)]?.content ?? {});
}

/**
 * Throws when a 2xx answer of a documented route does not match /api/openapi.json: an undocumented
 * status, a JSON or CSV body where none is documented, or a body its schema rejects (each problem with its
 * JSON Pointer). Problems (4xx, 5xx) and 304 are left to the tests that expect them.
 *
 * @example
 * checkResponseContract('GET', '/api/me/today', 200, response.headers.get('content-type'), body);
 */
export function checkResponseContract(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  if (status < 200 || status > 299) return;
  const path = new URL(url, 'http://test.invalid').pathname;
  const route = routeOf(method.toUpperCase(), path);
  if (!route) return;
  const validate = validatorOf(route, status);
  const json = contentType !== null && /^application\/json/i.test(contentType);
  if (contentType !== null && /^text\/csv/i.test(contentType)) {
    if (!documentedTypes(route, status).includes('text/csv')) throw new Error(`${method} ${path} answered ${status} with CSV, which /api/openapi.json does not document.`);
    return;
  }
  if (contentType !== null && /^application\/fhir\+json/i.test(contentType)) {
    if (!documentedTypes(route, status).includes('application/fhir+json')) throw new Error(`${method} ${path} answered ${status} with FHIR, which /api/openapi.json does not document.`);
    return;
  }
  if (!validate) {
    if (json) throw new Error(`${method} ${path} answered ${status} with JSON, but /api/openapi.json documents no body for it.`);
    return;
  }
  if (!json) throw new Error(`${method} ${path} answered ${status} with ${contentType ?? 'no content type'}, not the JSON /api/openapi.json documents.`);
  if (validate(body)) return;
  const problems = (validate.errors ?? []).slice(0, 10).map((error) => `  ${error.instancePath || '(the body)'} ${error.message ?? ''} ${JSON.stringify(error.params)} [${error.schemaPath}]`);
  throw new Error(`${method} ${path} answered ${status} with a body /api/openapi.json does not allow:\n${problems.join('\n')}`);
}
