import type { SessionRevokedHub } from '../accounts/session-revoked.js';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { NewAuditEntry } from '../../storage/types.js';
import type { AuditRecord, AuditSearch, DataAdminStore, PatientReadView, PatientRecord, ReadRecord } from './data-admin-store.js';
import type { Module } from '@careloom/format';
import type { ReleasedContent, UnitRecord } from '../care/ports.js';
import { patientBundle, resourceCounts, type PatientBundle } from '../fhir/patient-bundle.js';

export interface DataAdminContext {
  principal: Principal | undefined;
  ip?: string;
  requestId?: string;
}

export interface DataAdminServiceDeps {
  store: DataAdminStore;
  now: () => Date;
  newId: () => string;
  /** Told when a purge ended a person's sessions, so nothing in this process still holds them (cached sessions, connections). */
  sessionRevoked?: SessionRevokedHub;
  /** What the FHIR form of a patient's export reads besides the record: the answered module versions, the units' time zones, the endpoint's base. */
  fhir: {
    content: Pick<ReleasedContent, 'versionContent'>;
    getUnit(id: string): Promise<Pick<UnitRecord, 'timeZone'> | undefined>;
    canonicalBase: () => string;
  };
}

export type AuditQuery = Omit<AuditSearch, 'organisationId' | 'limit'> & { limit?: number };

/** What the review report flags. `openFrom`/`openUntil` are local hours (0–24) of the units' opening hours on weekdays. */
export interface ReviewQuery {
  from: string;
  until: string;
  openFrom?: number;
  openUntil?: number;
  /** More distinct patients than this read by one person on one day is unusual. */
  dailyPatients?: number;
}

export interface ReviewReport {
  from: string;
  until: string;
  /** Reads by someone who is not one of the patient's responsible therapists in the unit. */
  offCaseload: ReadRecord[];
  /** Reads outside the unit's opening hours (its time zone), or on a weekend. */
  outsideHours: ReadRecord[];
  /** People who read more distinct patients on one day than `dailyPatients`. */
  manyPatients: Array<{ actorId: string; actorName: string | null; day: string; patients: number }>;
  /** Whether the reads examined reached the limit (the report is then partial: narrow the period). */
  truncated: boolean;
}

export interface DataAdminService {
  searchAudit(context: DataAdminContext, organisationId: string, query: AuditQuery): Promise<{ entries: AuditRecord[]; nextCursor: number | null }>;
  exportAudit(context: DataAdminContext, organisationId: string, query: AuditQuery): Promise<string>;
  review(context: DataAdminContext, organisationId: string, query: ReviewQuery): Promise<ReviewReport>;
  exportPatient(context: DataAdminContext, organisationId: string, patientId: string): Promise<PatientRecord>;
  exportPatientCsv(context: DataAdminContext, organisationId: string, patientId: string): Promise<string>;
  /** The same export as a FHIR R4 collection Bundle (domain/fhir/patient-bundle.ts, docs/fhir-patient-export.md). */
  exportPatientFhir(context: DataAdminContext, organisationId: string, patientId: string): Promise<PatientBundle>;
  purgePatient(context: DataAdminContext, organisationId: string, patientId: string, reason: 'retention' | 'request'): Promise<{ enrollments: number; responses: number; messages: number; alerts: number }>;
  /** The signed-in patient's own: who read their data, when. */
  myReads(context: DataAdminContext): Promise<PatientReadView[]>;
}

export const DEFAULT_AUDIT_PAGE = 100;
export const MAX_AUDIT_PAGE = 500;
/** The most rows one CSV export carries; narrow the search for more. */
export const MAX_AUDIT_EXPORT = 50_000;
const MAX_REVIEW_READS = 100_000;

const AUDIT_COLUMNS = ['at', 'action', 'actorId', 'actorName', 'actorRole', 'objectType', 'objectId', 'unitId', 'unitName', 'patientId', 'ip', 'requestId', 'details'] as const;

/**
 * The data administrator of a care provider: the only reader of its audit log (search, CSV,
 * review report), the exporter and purger of one patient's data. Every use is itself audited, in
 * the audit log it reads. Refusals: no session 401; no data-admin role anywhere 403; the data-admin
 * role of another provider 404 (ids do not leak).
 *
 * @example
 * const data = createDataAdminService({ store, now, newId });
 * const page = await data.searchAudit(context, orgId, { patientId });
 */
export function createDataAdminService(deps: DataAdminServiceDeps): DataAdminService {
  const allowed = (context: DataAdminContext, organisationId: string): Principal => {
    const principal = context.principal;
    if (!principal) throw new DomainError('unauthenticated', 'Sign in to read the audit log.');
    if (!principal.memberships.some((membership) => membership.role === 'data_admin')) throw new DomainError('forbidden', 'This needs the data admin role.');
    if (!principal.memberships.some((membership) => membership.role === 'data_admin' && membership.organisationId === organisationId)) throw new DomainError('not_found', 'There is no such care provider, or you are not its data admin.');
    return principal;
  };

  const entry = (context: DataAdminContext, principal: Principal, organisationId: string, action: string, fields: Partial<NewAuditEntry>): NewAuditEntry => ({
    id: deps.newId(),
    at: deps.now().toISOString(),
    actorId: principal.personId,
    actorRole: 'data_admin',
    action,
    organisationId,
    ip: context.ip ?? null,
    requestId: context.requestId ?? null,
    ...fields,
  });

  /** The search's filters as audit details: ids, an action name and times only. */
  const filters = (query: AuditQuery) => Object.fromEntries(Object.entries({ patientId: query.patientId, actorId: query.actorId, action: query.action, from: query.from, until: query.until }).filter(([, value]) => value !== undefined));

  const patientOf = async (organisationId: string, patientId: string) => {
    if (!(await deps.store.isPatientOf(organisationId, patientId))) throw new DomainError('not_found', 'There is no such patient at this care provider.');
  };

  const localParts = (at: string, timeZone: string): { day: string; hour: number; weekday: string } => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' }).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
    return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) + Number(parts['minute']) / 60, weekday: parts['weekday'] ?? '' };
  };

  return {
    async searchAudit(context, organisationId, query) {
      const principal = allowed(context, organisationId);
      const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
      const entries = await deps.store.searchAudit({ ...query, organisationId, limit: limit + 1 });
      const page = entries.slice(0, limit);
      await deps.store.record(entry(context, principal, organisationId, 'audit.read', { objectType: 'audit_log', objectId: organisationId, details: { ...filters(query), shown: page.length } }));
      return { entries: page, nextCursor: entries.length > limit ? (page.at(-1)?.seq ?? null) : null };
    },

    async exportAudit(context, organisationId, query) {
      const principal = allowed(context, organisationId);
      const entries = await deps.store.searchAudit({ ...query, organisationId, limit: MAX_AUDIT_EXPORT });
      await deps.store.record(entry(context, principal, organisationId, 'audit.export', { objectType: 'audit_log', objectId: organisationId, details: { ...filters(query), rows: entries.length } }));
      return stringify(
        entries.map((row) => AUDIT_COLUMNS.map((column) => (column === 'details' ? JSON.stringify(row.details) : (row[column] ?? '')))),
        { header: true, columns: [...AUDIT_COLUMNS], cast: { string: neutraliseFormula } },
      );
    },

    async review(context, organisationId, query) {
      const principal = allowed(context, organisationId);
      const openFrom = query.openFrom ?? 7;
      const openUntil = query.openUntil ?? 18;
      const dailyPatients = query.dailyPatients ?? 30;
      const reads = await deps.store.readsBetween(organisationId, query.from, query.until, MAX_REVIEW_READS);
      const perDay = new Map<string, { actorId: string; actorName: string | null; day: string; patients: Set<string> }>();
      const outsideHours: ReadRecord[] = [];
      for (const read of reads) {
        const local = localParts(read.at, read.timeZone ?? 'UTC');
        if (local.weekday === 'Sat' || local.weekday === 'Sun' || local.hour < openFrom || local.hour >= openUntil) outsideHours.push(read);
        const key = `${read.actorId} ${local.day}`;
        const day = perDay.get(key) ?? { actorId: read.actorId, actorName: read.actorName, day: local.day, patients: new Set<string>() };
        day.patients.add(read.patientId);
        perDay.set(key, day);
      }
      const report: ReviewReport = {
        from: query.from,
        until: query.until,
        offCaseload: reads.filter((read) => !read.onCaseload),
        outsideHours,
        manyPatients: [...perDay.values()].filter((day) => day.patients.size > dailyPatients).map((day) => ({ actorId: day.actorId, actorName: day.actorName, day: day.day, patients: day.patients.size })),
        truncated: reads.length >= MAX_REVIEW_READS,
      };
      await deps.store.record(entry(context, principal, organisationId, 'audit.review', { objectType: 'audit_log', objectId: organisationId, details: { from: query.from, until: query.until, reads: reads.length } }));
      return report;
    },

    async exportPatient(context, organisationId, patientId) {
      const principal = allowed(context, organisationId);
      await patientOf(organisationId, patientId);
      const record = await deps.store.patientRecord(organisationId, patientId);
      if (!record) throw new DomainError('not_found', 'There is no such patient at this care provider.');
      await deps.store.record(entry(context, principal, organisationId, 'patient.export', { objectType: 'patient', objectId: patientId, patientId, details: { format: 'json' } }));
      return record;
    },

    async exportPatientCsv(context, organisationId, patientId) {
      const principal = allowed(context, organisationId);
      await patientOf(organisationId, patientId);
      const record = await deps.store.patientRecord(organisationId, patientId);
      if (!record) throw new DomainError('not_found', 'There is no such patient at this care provider.');
      await deps.store.record(entry(context, principal, organisationId, 'patient.export', { objectType: 'patient', objectId: patientId, patientId, details: { format: 'csv' } }));
      // One row per record: what it is, its id, its enrollment, when, and the record itself as JSON.
      const rows: Array<[string, string, string, string, string]> = [['person', record.person.id, '', record.person.createdAt, JSON.stringify(record.person)]];
      const add = (kind: string, items: Array<Record<string, unknown>>, at: string) => {
        for (const item of items) rows.push([kind, String(item['id'] ?? `${String(item['moduleId'] ?? '')}/${String(item['registrationId'] ?? '')}`), String(item['enrollmentId'] ?? item['id'] ?? ''), String(item[at] ?? ''), JSON.stringify(item)]);
      };
      add('enrollment', record.enrollments, 'createdAt');
      add('response', record.responses, 'answeredAt');
      add('alert', record.alerts, 'createdAt');
      add('message', record.messages, 'sentAt');
      add('plan', record.plans, 'updatedAt');
      add('notice', record.notices, 'sentAt');
      if (record.noticeSettings) rows.push(['notice_setting', record.person.id, '', record.noticeSettings.updatedAt, JSON.stringify(record.noticeSettings)]);
      for (const reminder of record.reminders) rows.push(['reminder', `${String(reminder['kind'])}:${String(reminder['itemId'])}:${String(reminder['localDate'])}`, String(reminder['enrollmentId'] ?? ''), String(reminder['sentAt'] ?? ''), JSON.stringify(reminder)]);
      for (const read of record.reads) rows.push(['read', read.id, read.objectType === 'enrollment' ? (read.objectId ?? '') : '', read.at, JSON.stringify({ reader: read.actorName, role: read.actorRole, unit: read.unitName, what: read.details['read'] ?? null })]);
      return stringify(rows, { header: true, columns: ['record', 'id', 'enrollment', 'at', 'data'], cast: { string: neutraliseFormula } });
    },

    async exportPatientFhir(context, organisationId, patientId) {
      const principal = allowed(context, organisationId);
      await patientOf(organisationId, patientId);
      const record = await deps.store.patientRecord(organisationId, patientId);
      if (!record) throw new DomainError('not_found', 'There is no such patient at this care provider.');
      // Everything the mapping needs is read first, so the mapping itself stays pure.
      const modules = new Map<string, Module | undefined>();
      for (const response of record.responses) {
        const key = `${String(response['moduleId'])}@${String(response['moduleVersion'])}`;
        if (modules.has(key)) continue;
        const content = await deps.fhir.content.versionContent(String(response['moduleId']), Number(response['moduleVersion']));
        modules.set(key, content?.kind === 'module' ? (content.content as Module) : undefined);
      }
      const zones = new Map<string, string>();
      for (const enrollment of record.enrollments) {
        const unitId = String(enrollment['unitId']);
        if (!zones.has(unitId)) zones.set(unitId, (await deps.fhir.getUnit(unitId))?.timeZone ?? 'UTC');
      }
      const at = deps.now().toISOString();
      const bundle = patientBundle({
        record,
        moduleOf: (moduleId, version) => modules.get(`${moduleId}@${version}`),
        timeZoneOf: (unitId) => zones.get(unitId) ?? 'UTC',
        canonicalBase: deps.fhir.canonicalBase(),
        at,
        bundleId: deps.newId(),
      });
      await deps.store.record(entry(context, principal, organisationId, 'patient.export', { objectType: 'patient', objectId: patientId, patientId, details: { format: 'fhir', resources: resourceCounts(bundle) } }));
      return bundle;
    },

    async purgePatient(context, organisationId, patientId, reason) {
      const principal = allowed(context, organisationId);
      await patientOf(organisationId, patientId);
      if (await deps.store.hasOtherTies(organisationId, patientId)) {
        throw new DomainError('conflict', 'This person is also a patient of another care provider, or works in Careloom: their account cannot be erased from here. Ask the other organisations first.');
      }
      // The tombstone says that a purge happened, when, why and by whom: the id it names links to nothing any more.
      const purged = await deps.store.purgePatient({ patientId, tombstone: entry(context, principal, organisationId, 'patient.purge', { objectType: 'patient', objectId: patientId, patientId, details: { reason } }) });
      deps.sessionRevoked?.emit({ personId: patientId, organisationId, reason: 'purged' });
      return purged;
    },

    async myReads(context) {
      const principal = context.principal;
      if (!principal) throw new DomainError('unauthenticated', 'Sign in to see who read your data.');
      if (!principal.memberships.some((membership) => membership.role === 'patient')) throw new DomainError('forbidden', 'This is for patients.');
      return deps.store.readsOfPatient(principal.personId, 500);
    },
  };
}

/** Spreadsheets run a cell that starts with = + - @ as a formula: such text gets a leading apostrophe. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
