import { Hono, type Context } from 'hono';
import type { ClientIpReader } from '../auth/client-ip.js';
import { requestContextOf } from '../auth/request-context.js';
import type { AuditQuery, DataAdminContext, DataAdminService } from '../domain/data-admin/data-admin-service.js';
import { MAX_AUDIT_PAGE } from '../domain/data-admin/data-admin-service.js';
import type { AuditRecord } from '../domain/data-admin/data-admin-store.js';
import { DomainError } from '../domain/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { apiValidator } from '../http/api-schemas.js';
import { readBody } from './authoring-request.js';

export interface DataAdminRoutesDeps {
  dataAdmin: DataAdminService;
  clientIp?: ClientIpReader;
}

/** `{ reason, confirm }` (schemas/json/api/data-admin.schema.json `PurgeBody`). */
const validatePurgeBody = apiValidator('PurgeBody');

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ID = /^[\w.:@-]{1,200}$/;

function invalid(path: string, message: string): never {
  throw new DomainError('invalid', message, { issues: [{ code: `query.${path.slice(1)}`, path, message }] });
}

/** A time from the query as ISO UTC, or undefined; years 0001–9999 only. */
function time(c: Context<AppEnv>, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const parsed = ISO.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(parsed) || raw.startsWith('0000')) invalid(`/${name}`, `"${name}" must be a date or time such as 2026-03-01 or 2026-03-01T08:00:00Z.`);
  return new Date(parsed).toISOString();
}

function id(c: Context<AppEnv>, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!ID.test(raw)) invalid(`/${name}`, `"${name}" must be an id (letters, digits, . : @ _ -; at most 200).`);
  return raw;
}

function whole(c: Context<AppEnv>, name: string, min: number, max: number): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) invalid(`/${name}`, `"${name}" must be a whole number from ${min} to ${max}.`);
  return Number(raw);
}

function auditQuery(c: Context<AppEnv>): AuditQuery {
  const query: AuditQuery = {};
  const patientId = id(c, 'patientId');
  const actorId = id(c, 'actorId');
  const action = id(c, 'action');
  const from = time(c, 'from');
  const until = time(c, 'until');
  const before = whole(c, 'cursor', 1, 999_999_999);
  const limit = whole(c, 'limit', 1, MAX_AUDIT_PAGE);
  if (from && until && from >= until) invalid('/until', '"until" must be after "from".');
  return Object.assign(query, patientId && { patientId }, actorId && { actorId }, action && { action }, from && { from }, until && { until }, before && { before }, limit && { limit });
}

const presentEntry = (entry: AuditRecord) => ({
  id: entry.id,
  at: entry.at,
  action: entry.action,
  actor: entry.actorId === null ? null : { id: entry.actorId, name: entry.actorName, role: entry.actorRole },
  objectType: entry.objectType,
  objectId: entry.objectId,
  unit: entry.unitId === null ? null : { id: entry.unitId, name: entry.unitName },
  patientId: entry.patientId,
  ip: entry.ip,
  requestId: entry.requestId,
  details: entry.details,
});

/**
 * The data administrator's routes (routes/care/README.md), and the patient's view of who read
 * their data. Mount at `/`, behind `originCheck` and `authenticate`. All answers are no-store.
 *
 * - GET /api/data/providers/:orgId/audit?patientId&actorId&action&from&until&cursor&limit → `{ entries, nextCursor }`, newest first
 * - GET /api/data/providers/:orgId/audit/export?… → text/csv (the same filters, at most 50,000 rows)
 * - GET /api/data/providers/:orgId/audit/review?from&until&openFrom&openUntil&dailyPatients → the log review report
 * - GET /api/data/providers/:orgId/patients/:patientId/export?format=json|csv|fhir → the patient's data (fhir: an R4 collection Bundle, application/fhir+json)
 * - POST /api/data/providers/:orgId/patients/:patientId/purge `{ reason: "retention" | "request", confirm: patientId }` → 200 counts
 * - GET /api/me/reads → `{ reads: [{ at, name, role, unit }] }` for the signed-in patient
 *
 * @example
 * app.route('/', dataAdminRoutes({ dataAdmin, clientIp }));
 */
export function dataAdminRoutes(deps: DataAdminRoutesDeps) {
  const context = (c: Context<AppEnv>): DataAdminContext => {
    const request = requestContextOf(c, deps.clientIp);
    return { principal: c.get('principal'), ...(request.ip ? { ip: request.ip } : {}), ...(request.requestId ? { requestId: request.requestId } : {}) };
  };
  const app = new Hono<AppEnv>();

  app.get('/api/data/providers/:orgId/audit', async (c) => {
    const page = await deps.dataAdmin.searchAudit(context(c), c.req.param('orgId'), auditQuery(c));
    return c.json({ entries: page.entries.map(presentEntry), nextCursor: page.nextCursor });
  });

  app.get('/api/data/providers/:orgId/audit/export', async (c) => {
    const csv = await deps.dataAdmin.exportAudit(context(c), c.req.param('orgId'), auditQuery(c));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="audit-log.csv"');
    return c.body(csv);
  });

  app.get('/api/data/providers/:orgId/audit/review', async (c) => {
    const from = time(c, 'from') ?? invalid('/from', '"from" is required: the start of the period to review.');
    const until = time(c, 'until') ?? invalid('/until', '"until" is required: the end of the period to review.');
    if (from >= until) invalid('/until', '"until" must be after "from".');
    const openFrom = whole(c, 'openFrom', 0, 24);
    const openUntil = whole(c, 'openUntil', 0, 24);
    const dailyPatients = whole(c, 'dailyPatients', 1, 100_000);
    return c.json(await deps.dataAdmin.review(context(c), c.req.param('orgId'), { from, until, ...(openFrom === undefined ? {} : { openFrom }), ...(openUntil === undefined ? {} : { openUntil }), ...(dailyPatients === undefined ? {} : { dailyPatients }) }));
  });

  app.get('/api/data/providers/:orgId/patients/:patientId/export', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv' && format !== 'fhir') invalid('/format', '"format" must be json, csv or fhir.');
    if (format === 'fhir') {
      const bundle = await deps.dataAdmin.exportPatientFhir(context(c), c.req.param('orgId'), c.req.param('patientId'));
      c.header('Content-Disposition', 'attachment; filename="patient.fhir.json"');
      return c.body(JSON.stringify(bundle), 200, { 'Content-Type': 'application/fhir+json; charset=utf-8' });
    }
    if (format === 'csv') {
      const csv = await deps.dataAdmin.exportPatientCsv(context(c), c.req.param('orgId'), c.req.param('patientId'));
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="patient.csv"');
      return c.body(csv);
    }
    const record = await deps.dataAdmin.exportPatient(context(c), c.req.param('orgId'), c.req.param('patientId'));
    return c.json({ ...record, reads: record.reads.map(presentEntry) });
  });

  app.post('/api/data/providers/:orgId/patients/:patientId/purge', async (c) => {
    const patientId = c.req.param('patientId');
    const body = await readBody(c, validatePurgeBody);
    // Typing the id again is the confirmation: a purge cannot be undone.
    if (body.confirm !== patientId) invalid('/confirm', '"confirm" must repeat the patient\'s id: the purge cannot be undone.');
    return c.json(await deps.dataAdmin.purgePatient(context(c), c.req.param('orgId'), patientId, body.reason));
  });

  app.get('/api/me/reads', async (c) => c.json({ reads: await deps.dataAdmin.myReads(context(c)) }));

  return app;
}
