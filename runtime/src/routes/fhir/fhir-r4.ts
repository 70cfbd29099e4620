import { Hono } from 'hono';
import type { Context } from 'hono';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { ApiClient } from '../../domain/api-tokens/api-tokens.js';
import type { DateBound, FhirContext, FhirService, Page, PatientSearch, SearchResult } from '../../domain/fhir/fhir-service.js';
import type { AppEnv } from '../../http/app-env.js';
import { operationOutcome } from './operation-outcome.js';

export interface FhirRouteDeps {
  fhir: FhirService;
  clientIp?: (c: Context<AppEnv>) => string | null;
  now: () => Date;
  /** Checks an API token (`Authorization: Bearer`) and audits its use; without it, bearer tokens are refused. */
  authenticateToken?: (token: string, request: { ip: string | null; requestId: string | null; path: string }) => Promise<ApiClient | undefined>;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_COUNT = 100;
const DEFAULT_COUNT = 20;
const MAX_OFFSET = 1_000_000;
const PAGING = ['_count', '_offset', '_format'];

/**
 * The read-only FHIR R4 endpoint, `/fhir/r4`: the CapabilityStatement, released module versions as
 * Questionnaires, and responses and scores as QuestionnaireResponses and Observations of one patient.
 * Searches answer with a `searchset` Bundle paged by `_count` and `_offset`; every refusal is an
 * OperationOutcome. Unknown search parameters are refused rather than ignored, so a typo never
 * widens a search.
 */
export function fhirRoutes(deps: FhirRouteDeps) {
  const app = new Hono<AppEnv>();
  const context = (c: Context<AppEnv>): FhirContext => {
    const apiClient = c.get('apiClient');
    return { principal: apiClient ? undefined : c.get('principal'), ...(apiClient ? { apiClient } : {}), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null };
  };
  const json = (c: Context<AppEnv>, body: unknown) => c.body(JSON.stringify(body), 200, { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store' });
  const handle = (handler: (c: Context<AppEnv>) => Promise<unknown>) => async (c: Context<AppEnv>) => {
    try {
      return json(c, await handler(c));
    } catch (error) {
      if (isDomainError(error)) return operationOutcome(c, error);
      throw error;
    }
  };

  const bundle = <T extends { resourceType: string; id?: string }>(c: Context<AppEnv>, type: string, result: SearchResult<T>, page: Page) => {
    const base = deps.fhir.canonicalBase();
    const query = new URL(c.req.url).searchParams;
    const link = (offset: number) => {
      const params = new URLSearchParams(query);
      params.set('_count', String(page.count));
      params.set('_offset', String(offset));
      return `${base}/${type}?${params.toString()}`;
    };
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: result.total,
      link: [
        { relation: 'self', url: link(page.offset) },
        ...(page.offset + page.count < result.total ? [{ relation: 'next', url: link(page.offset + page.count) }] : []),
        ...(page.offset > 0 ? [{ relation: 'previous', url: link(Math.max(0, page.offset - page.count)) }] : []),
      ],
      ...(result.resources.length > 0 ? { entry: result.resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })) } : {}),
    };
  };

  // An API token replaces any session on the request: a system calls as its token, never as the
  // person whose browser happens to carry a cookie. A bad token is refused, never read as anonymous.
  app.use('/fhir/r4/*', async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) return next();
    const match = /^Bearer +(\S+) *$/i.exec(header);
    const client = match && deps.authenticateToken ? await deps.authenticateToken(match[1]!, { ip: deps.clientIp?.(c) ?? null, requestId: c.get('requestId') ?? null, path: c.req.path }) : undefined;
    if (!client) {
      c.header('WWW-Authenticate', 'Bearer realm="careloom-fhir", error="invalid_token"');
      c.header('Cache-Control', 'no-store');
      return operationOutcome(c, new DomainError('unauthenticated', 'The API token is not valid: unknown, revoked or expired, or not sent as "Authorization: Bearer <token>".'));
    }
    c.set('apiClient', client);
    await next();
  });

  app.get('/fhir/r4/metadata', handle(async () => capabilityStatement(deps.fhir.canonicalBase(), deps.now())));

  app.get('/fhir/r4/Questionnaire', handle(async (c) => {
    const query = searchQuery(c, ['url', 'version']);
    const page = pageOf(query);
    const url = single(query, 'url');
    const version = single(query, 'version');
    return bundle(c, 'Questionnaire', await deps.fhir.searchQuestionnaires(context(c), { ...(url !== undefined ? { url } : {}), ...(version !== undefined ? { version } : {}) }, page), page);
  }));
  app.get('/fhir/r4/Questionnaire/:id', handle((c) => deps.fhir.readQuestionnaire(context(c), c.req.param('id') ?? '')));

  app.get('/fhir/r4/QuestionnaireResponse', handle(async (c) => {
    const query = searchQuery(c, ['patient', 'subject', 'questionnaire', 'authored']);
    const page = pageOf(query);
    return bundle(c, 'QuestionnaireResponse', await deps.fhir.searchQuestionnaireResponses(context(c), patientSearch(query, 'authored', 'questionnaire'), page), page);
  }));
  app.get('/fhir/r4/QuestionnaireResponse/:id', handle((c) => deps.fhir.readQuestionnaireResponse(context(c), c.req.param('id') ?? '')));

  app.get('/fhir/r4/Observation', handle(async (c) => {
    const query = searchQuery(c, ['patient', 'subject', 'code', 'date']);
    const page = pageOf(query);
    return bundle(c, 'Observation', await deps.fhir.searchObservations(context(c), patientSearch(query, 'date', 'code'), page), page);
  }));
  app.get('/fhir/r4/Observation/:id', handle((c) => deps.fhir.readObservation(context(c), c.req.param('id') ?? '')));

  app.all('/fhir/r4/*', (c) => operationOutcome(c, new DomainError(c.req.method === 'GET' ? 'not_found' : 'method_not_allowed', c.req.method === 'GET' ? `The FHIR endpoint has no "${c.req.path}".` : 'The FHIR endpoint is read-only.')));
  return app;
}

type Query = Record<string, string[]>;

function invalid(parameter: string, message: string): DomainError {
  return new DomainError('invalid', message, { issues: [{ code: 'fhir.search_parameter', path: `/${parameter}`, message }] });
}

function searchQuery(c: Context<AppEnv>, allowed: readonly string[]): Query {
  const query = c.req.queries();
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name) && !PAGING.includes(name)) throw invalid(name, `The search parameter "${name}" is not supported here (supported: ${[...allowed, '_count', '_offset'].join(', ')}).`);
  }
  return query;
}

function single(query: Query, name: string): string | undefined {
  const values = query[name];
  if (!values) return undefined;
  if (values.length > 1) throw invalid(name, `Give "${name}" once.`);
  return values[0];
}

function pageOf(query: Query): Page {
  const count = single(query, '_count');
  const offset = single(query, '_offset');
  const parse = (name: string, value: string | undefined, fallback: number, min: number, max: number) => {
    if (value === undefined) return fallback;
    if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) throw invalid(name, `"${name}" must be a whole number from ${min} to ${max}.`);
    return Number(value);
  };
  return { count: parse('_count', count, DEFAULT_COUNT, 1, MAX_COUNT), offset: parse('_offset', offset, 0, 0, MAX_OFFSET) };
}

function patientSearch(query: Query, dateParameter: string, filterParameter: 'questionnaire' | 'code'): PatientSearch {
  const given = single(query, 'patient') ?? single(query, 'subject');
  if (given === undefined) throw invalid('patient', 'Search by "patient" (a patient\'s id, or Patient/<id>).');
  const patient = given.startsWith('Patient/') ? given.slice('Patient/'.length) : given;
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(patient)) throw invalid('patient', '"patient" must be a patient id.');
  const filter = single(query, filterParameter);
  return { patient, ...(filter !== undefined ? { [filterParameter]: filter } : {}), date: (query[dateParameter] ?? []).map((value) => dateBound(dateParameter, value)) };
}

const DATE = /^(eq|ne|gt|lt|ge|le)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** A FHIR date search value (`ge2026-03-01`, `lt2026-04`, `eq2026-03-02T08:00:00Z`) as the instant range it names. */
export function dateBound(parameter: string, value: string): DateBound {
  const match = DATE.exec(value);
  if (!match) throw invalid(parameter, `"${value}" is not a FHIR date search value (e.g. ge2026-03-01).`);
  const [, prefix = 'eq', year, month, day, hour, minute, second, zone] = match;
  const y = Number(year);
  const m = month ? Number(month) : undefined;
  const d = day ? Number(day) : undefined;
  if (y < 1900 || y > 2199 || (m !== undefined && (m < 1 || m > 12)) || (d !== undefined && (d < 1 || d > 31))) throw invalid(parameter, `"${value}" is not a date between 1900 and 2199.`);
  let start: number;
  let end: number;
  if (hour !== undefined) {
    start = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${zone === 'Z' ? 'Z' : zone}`);
    end = start + (second !== undefined ? 1000 : 60_000);
  } else if (d !== undefined) {
    start = Date.UTC(y, m! - 1, d);
    end = Date.UTC(y, m! - 1, d + 1);
  } else if (m !== undefined) {
    start = Date.UTC(y, m - 1, 1);
    end = Date.UTC(y, m, 1);
  } else {
    start = Date.UTC(y, 0, 1);
    end = Date.UTC(y + 1, 0, 1);
  }
  if (!Number.isFinite(start) || new Date(start).getUTCDate() !== (d ?? new Date(start).getUTCDate())) throw invalid(parameter, `"${value}" is not a calendar date.`);
  return { prefix: prefix as DateBound['prefix'], start, end };
}

function capabilityStatement(base: string, now: Date) {
  const read = [{ code: 'read' }, { code: 'search-type' }];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    publisher: 'Careloom',
    kind: 'instance',
    software: { name: 'Careloom' },
    implementation: { description: 'Careloom read-only FHIR R4 endpoint', url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{
      mode: 'server',
      security: { description: 'A session of a therapist, or an API token (Authorization: Bearer). Patient data only for those allowed to read that patient; every read is audited.' },
      resource: [
        { type: 'Questionnaire', interaction: read, searchParam: [{ name: 'url', type: 'uri' }, { name: 'version', type: 'token' }] },
        { type: 'QuestionnaireResponse', interaction: read, searchParam: [{ name: 'patient', type: 'reference' }, { name: 'questionnaire', type: 'reference' }, { name: 'authored', type: 'date' }] },
        { type: 'Observation', interaction: read, searchParam: [{ name: 'patient', type: 'reference' }, { name: 'code', type: 'token' }, { name: 'date', type: 'date' }] },
      ],
    }],
  };
}
