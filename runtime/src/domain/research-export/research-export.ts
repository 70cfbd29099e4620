import { createHmac } from 'node:crypto';
import type { Module } from '@careloom/format';
import type { CareContext } from '../care/care-deps.js';
import type { CareStore, DeploymentRecord, ReleasedContent, ResponseRecord, UnitRecord } from '../care/ports.js';
import { DomainError } from '../errors.js';
import type { AuditLog } from '../../storage/types.js';
import { CODEBOOK_HEADER, codebookRows, exportTables, LEADING_COLUMNS, type ExportTable } from './codebook.js';

/** What one export covers: a deployed program or module of the care provider, optionally narrowed. */
export interface ExportScope {
  documentId: string;
  unitId?: string;
  moduleId?: string;
  moduleVersion?: number;
  /** First and last day (UTC dates, inclusive) of the answers included. */
  from?: string;
  to?: string;
}

export interface ExportableDocument {
  documentId: string;
  title: string;
  units: Array<{ id: string; name: string }>;
  modules: Array<{ moduleId: string; version: number }>;
}

export interface ExportManifest {
  files: Array<{ name: string; title: string; kind: 'codebook' | 'instrument' | 'registration'; rows: number }>;
  participants: number;
}

export interface ResearchExportDeps {
  care: Pick<CareStore, 'listUnits' | 'listDeployments' | 'listEnrollmentsOfUnit' | 'listResponses'>;
  content: Pick<ReleasedContent, 'versionContent'>;
  audit: Pick<AuditLog, 'append'>;
  /** 32 bytes known only to this server (derived from the mail key): without it, pseudonyms cannot be recomputed from patient ids. */
  pseudonymSecret: Buffer;
  now: () => Date;
  newId: () => string;
}

const ROLES = ['care_provider_admin', 'data_admin'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODEBOOK = 'codebook';

function invalid(path: string, message: string): DomainError {
  return new DomainError('invalid', message, { issues: [{ code: 'research_export.invalid', path, message }] });
}

/** The query string as an export scope, refusing what cannot be one. */
export function parseScope(query: Readonly<Record<string, string | undefined>>): ExportScope {
  const documentId = query['documentId']?.trim() ?? '';
  if (documentId === '' || documentId.length > 128) throw invalid('/documentId', 'Say which deployed program or module to export.');
  const scope: ExportScope = { documentId };
  if (query['unitId']) scope.unitId = query['unitId'].slice(0, 128);
  if (query['moduleId']) scope.moduleId = query['moduleId'].slice(0, 128);
  if (query['moduleVersion'] !== undefined) {
    if (!/^\d{1,6}$/.test(query['moduleVersion']) || Number(query['moduleVersion']) < 1) throw invalid('/moduleVersion', '"moduleVersion" is a version number such as 1.');
    if (!scope.moduleId) throw invalid('/moduleVersion', '"moduleVersion" needs "moduleId".');
    scope.moduleVersion = Number(query['moduleVersion']);
  }
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw invalid(`/${key}`, `"${key}" is a date such as 2026-03-01.`);
    scope[key] = value;
  }
  if (scope.from && scope.to && scope.from > scope.to) throw invalid('/to', '"to" must not be before "from".');
  return scope;
}

/** A stable text of the scope: the same configuration gives the same pseudonyms. */
function canonicalScope(organisationId: string, scope: ExportScope): string {
  return JSON.stringify([organisationId, scope.documentId, scope.unitId ?? null, scope.moduleId ?? null, scope.moduleVersion ?? null, scope.from ?? null, scope.to ?? null]);
}

/**
 * The research export: for one deployed program or module of a care provider (optionally one unit,
 * one module version, a date range), one CSV per instrument and per registration in wide format
 * (one row per completed questionnaire or per registration entry) and a codebook CSV describing every
 * column. Patients appear under a pseudonym: HMAC-SHA256 of their id under a key derived from the
 * export's configuration and a server secret, so it is stable within one configuration, differs
 * between configurations, and cannot be recomputed from the data alone. Rows are produced one
 * enrollment at a time, never the whole export in memory. Every file handed out is audited.
 */
export function createResearchExportService(deps: ResearchExportDeps) {
  const allowed = (context: CareContext, organisationId: string) => {
    const principal = context.principal;
    if (!principal) throw new DomainError('unauthenticated', 'Sign in to export research data.');
    if (!principal.memberships.some((membership) => (ROLES as readonly string[]).includes(membership.role))) throw new DomainError('forbidden', 'Research exports need the care-provider admin or data admin role.');
    const membership = principal.memberships.find((entry) => (ROLES as readonly string[]).includes(entry.role) && entry.organisationId === organisationId);
    if (!membership) throw new DomainError('not_found', 'There is no such care provider, or you are not its admin or data admin.');
    return { personId: principal.personId, role: membership.role };
  };

  const unitsOf = (organisationId: string) => deps.care.listUnits({ organisationIds: [organisationId], unitIds: [] }).then((units) => units.filter((unit) => unit.organisationId === organisationId));

  /** The deployments the scope covers, with their unit. */
  const deploymentsOf = async (organisationId: string, scope: ExportScope): Promise<Array<{ unit: UnitRecord; deployment: DeploymentRecord }>> => {
    const units = (await unitsOf(organisationId)).filter((unit) => scope.unitId === undefined || unit.id === scope.unitId);
    const found: Array<{ unit: UnitRecord; deployment: DeploymentRecord }> = [];
    for (const unit of units) for (const deployment of await deps.care.listDeployments(unit.id)) if (deployment.documentId === scope.documentId) found.push({ unit, deployment });
    if (found.length === 0) throw new DomainError('not_found', 'This care provider has no such deployment (in that unit).');
    return found;
  };

  /** Every table of the module versions the deployments pinned, narrowed by the scope. */
  const tablesOf = async (deployments: ReadonlyArray<{ deployment: DeploymentRecord }>, scope: ExportScope): Promise<ExportTable[]> => {
    const pins = new Map<string, { moduleId: string; version: number }>();
    for (const { deployment } of deployments) for (const pin of deployment.modules) if ((scope.moduleId === undefined || pin.moduleId === scope.moduleId) && (scope.moduleVersion === undefined || pin.version === scope.moduleVersion)) pins.set(`${pin.moduleId}@${pin.version}`, pin);
    const tables: ExportTable[] = [];
    for (const pin of [...pins.values()].sort((a, b) => a.moduleId.localeCompare(b.moduleId) || a.version - b.version)) {
      const content = await deps.content.versionContent(pin.moduleId, pin.version);
      if (content) tables.push(...exportTables(content.content as Module, pin.version));
    }
    return tables;
  };

  /**
   * Each row of the scope, enrollment by enrollment: a completed questionnaire is the answers of its
   * attempt (every saved page since the last completion) at the response that completed it.
   */
  async function* rows(organisationId: string, scope: ExportScope, tables: readonly ExportTable[], deployments: ReadonlyArray<{ unit: UnitRecord; deployment: DeploymentRecord }>): AsyncGenerator<{ table: ExportTable; row: Array<string | number>; participant: string }> {
    const key = createHmac('sha256', deps.pseudonymSecret).update(canonicalScope(organisationId, scope)).digest();
    const pseudonym = (patientId: string) => `P${createHmac('sha256', key).update(patientId).digest('hex').slice(0, 16)}`;
    const byModule = new Map<string, ExportTable[]>();
    for (const table of tables) byModule.set(`${table.moduleId}@${table.moduleVersion}`, [...(byModule.get(`${table.moduleId}@${table.moduleVersion}`) ?? []), table]);
    const inRange = (response: ResponseRecord) => (scope.from === undefined || response.answeredAt.slice(0, 10) >= scope.from) && (scope.to === undefined || response.answeredAt.slice(0, 10) <= scope.to);
    const seenUnits = new Set<string>();
    for (const { unit, deployment } of deployments) {
      if (seenUnits.has(`${unit.id}/${deployment.id}`)) continue;
      seenUnits.add(`${unit.id}/${deployment.id}`);
      for (const enrollment of (await deps.care.listEnrollmentsOfUnit(unit.id)).filter((entry) => entry.deploymentId === deployment.id)) {
        const participant = pseudonym(enrollment.patientId);
        const attempts = new Map<string, Record<string, unknown>>();
        for (const response of await deps.care.listResponses(enrollment.id)) {
          const moduleKey = `${response.moduleId}@${response.moduleVersion}`;
          const moduleTables = byModule.get(moduleKey);
          if (!moduleTables) continue;
          const leading = [participant, unit.id, response.answeredAt, Math.floor((Date.parse(response.answeredAt) - Date.parse(enrollment.startedAt)) / 86_400_000)];
          if (response.registrationId !== null) {
            const table = moduleTables.find((candidate) => candidate.kind === 'registration' && candidate.blockId === response.registrationId);
            if (table && inRange(response)) yield { table, participant, row: [...leading, ...table.values(response.answers, response)] };
            continue;
          }
          const answers = { ...(attempts.get(moduleKey) ?? {}), ...response.answers };
          attempts.set(moduleKey, answers);
          if (!response.completes) continue;
          attempts.delete(moduleKey);
          if (!inRange(response)) continue;
          for (const table of moduleTables.filter((candidate) => candidate.kind === 'instrument')) {
            if (!response.scores.some((score) => score.instrumentId === table.blockId)) continue;
            yield { table, participant, row: [...leading, ...table.values(answers, response)] };
          }
        }
      }
    }
  }

  const prepare = async (context: CareContext, organisationId: string, scope: ExportScope) => {
    const who = allowed(context, organisationId);
    const deployments = await deploymentsOf(organisationId, scope);
    const tables = await tablesOf(deployments, scope);
    return { who, deployments, tables };
  };

  return {
    /** The programs and modules the care provider has deployed, with their units and module versions: what can be exported. */
    async documents(context: CareContext, organisationId: string): Promise<ExportableDocument[]> {
      allowed(context, organisationId);
      const documents = new Map<string, ExportableDocument>();
      for (const unit of await unitsOf(organisationId)) {
        for (const deployment of await deps.care.listDeployments(unit.id)) {
          const entry = documents.get(deployment.documentId) ?? { documentId: deployment.documentId, title: deployment.title, units: [], modules: [] };
          if (!entry.units.some((known) => known.id === unit.id)) entry.units.push({ id: unit.id, name: unit.name });
          for (const pin of deployment.modules) if (!entry.modules.some((known) => known.moduleId === pin.moduleId && known.version === pin.version)) entry.modules.push({ moduleId: pin.moduleId, version: pin.version });
          documents.set(deployment.documentId, entry);
        }
      }
      return [...documents.values()].sort((a, b) => a.title.localeCompare(b.title));
    },

    /** The files of an export with their row counts (the clinic shows download progress against them). */
    async manifest(context: CareContext, organisationId: string, scope: ExportScope): Promise<ExportManifest> {
      const { deployments, tables } = await prepare(context, organisationId, scope);
      const counts = new Map<string, number>(tables.map((table) => [table.name, 0]));
      const participants = new Set<string>();
      for await (const { table, participant } of rows(organisationId, scope, tables, deployments)) {
        counts.set(table.name, (counts.get(table.name) ?? 0) + 1);
        participants.add(participant);
      }
      return {
        files: [
          { name: `${CODEBOOK}.csv`, title: 'Codebook: every column of every file', kind: 'codebook', rows: tables.reduce((sum, table) => sum + LEADING_COLUMNS.length + table.columns.length, 0) },
          ...tables.map((table) => ({ name: `${table.name}.csv`, title: table.title, kind: table.kind, rows: counts.get(table.name) ?? 0 })),
        ],
        participants: participants.size,
      };
    },

    /**
     * One file of the export: its header and rows, produced as they are read. Audited before the
     * first row (who, which configuration, which file).
     */
    async file(context: CareContext, organisationId: string, scope: ExportScope, fileName: string): Promise<{ fileName: string; header: string[]; rows: AsyncIterable<Array<string | number>> }> {
      const { who, deployments, tables } = await prepare(context, organisationId, scope);
      const name = fileName.replace(/\.csv$/, '');
      const table = tables.find((candidate) => candidate.name === name);
      if (name !== CODEBOOK && !table) throw new DomainError('not_found', 'This export has no such file.');
      await deps.audit.append({
        id: deps.newId(),
        at: deps.now().toISOString(),
        actorId: who.personId,
        actorRole: who.role,
        action: 'research.export',
        objectType: 'document',
        objectId: scope.documentId,
        organisationId,
        unitId: scope.unitId ?? null,
        ip: context.ip,
        requestId: context.requestId,
        details: { file: `${name}.csv`, scope: { moduleId: scope.moduleId ?? null, moduleVersion: scope.moduleVersion ?? null, from: scope.from ?? null, to: scope.to ?? null } },
      });
      if (name === CODEBOOK) {
        const all = tables.flatMap((entry) => codebookRows(entry));
        return { fileName: `${CODEBOOK}.csv`, header: [...CODEBOOK_HEADER], rows: (async function* () { yield* all; })() };
      }
      const chosen = table!;
      return {
        fileName: `${chosen.name}.csv`,
        header: [...LEADING_COLUMNS, ...chosen.columns].map((column) => column.name),
        rows: (async function* () {
          for await (const { table: of, row } of rows(organisationId, scope, [chosen], deployments)) if (of === chosen) yield row;
        })(),
      };
    },
  };
}

export type ResearchExportService = ReturnType<typeof createResearchExportService>;
