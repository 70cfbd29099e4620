import type { Module } from '@careloom/format';
import { DomainError } from '../errors.js';
import type { Principal, Role } from '../principal.js';
import type { ApiClient } from '../api-tokens/api-tokens.js';
import type { CareContext } from '../care/care-deps.js';
import { authorizeUnit } from '../care/policy.js';
import type { CareAuditEntry, CareStore, EnrollmentRecord, ReleasedContent, ResponseRecord, UnitRecord } from '../care/ports.js';
import type { Observation, Questionnaire, QuestionnaireResponse } from './fhir-types.js';
import type { ResponseLookup } from './fhir-ports.js';
import { moduleToQuestionnaire, questionnaireId } from './questionnaire-export.js';
import { responseToQuestionnaireResponse } from './questionnaire-response.js';
import { observationId, scoreObservations } from './score-observation.js';

export interface FhirDeps {
  care: Pick<CareStore, 'getEnrollment' | 'getUnit' | 'listEnrollmentsOfPatient' | 'listResponses' | 'recordReads'>;
  responses: ResponseLookup;
  content: ReleasedContent;
  /** Base of the endpoint and of canonical URLs, e.g. `https://care.example.org/fhir/r4`. */
  canonicalBase: () => string;
  now: () => Date;
  newId: () => string;
}

/** One bound of a `date` search parameter: the FHIR prefix and the instant range the value names. */
export interface DateBound {
  prefix: 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';
  start: number;
  end: number;
}

export interface PatientSearch {
  patient: string;
  /** `questionnaire` (QuestionnaireResponse) as a canonical URL, optionally `|version`. */
  questionnaire?: string;
  /** `code` (Observation) as `system|code` or `code`. */
  code?: string;
  date: DateBound[];
}

export interface Page {
  offset: number;
  count: number;
}

export interface SearchResult<T> {
  total: number;
  resources: T[];
}

/** Who asks: a signed-in person (`principal`) or an integrating system with an API token (`apiClient`). */
export interface FhirContext extends CareContext {
  apiClient?: ApiClient;
}

/** Decides whether the caller may read data of a unit's patients, and as which role (null for an API token). */
type UnitAccess = (unit: UnitRecord | undefined) => { allowed: true; role: Role | null } | { allowed: false };

const THERAPIST_ONLY = 'Patient data on the FHIR endpoint is for therapists of the patient\'s unit.';

/**
 * The read-only FHIR R4 endpoint's answers. Released module versions are Questionnaires for anyone
 * signed in (or a token with `questionnaires.read`); responses and scores are a patient's data: only
 * for a therapist of a unit the patient is enrolled in (a care-provider admin never sees answers) or
 * an API token with `patient-data.read` reaching that unit, each read audited per patient, and a
 * refused attempt audited like every other.
 */
export function createFhirService(deps: FhirDeps) {
  const signedIn = (context: FhirContext): void => {
    if (context.apiClient) {
      if (!context.apiClient.scopes.includes('questionnaires.read')) throw new DomainError('forbidden', 'This API token has no "questionnaires.read" scope.');
      return;
    }
    if (!context.principal) throw new DomainError('unauthenticated', 'Sign in, or send an API token, to use the FHIR endpoint.');
  };

  /**
   * Who may read a unit's patient data: an API token with the `patient-data.read` scope within its
   * provider (and its units, when it names some); a person only as a therapist of that unit.
   */
  const unitAccess = (context: FhirContext): UnitAccess => {
    const client = context.apiClient;
    if (client) {
      if (!client.scopes.includes('patient-data.read')) throw new DomainError('forbidden', 'This API token has no "patient-data.read" scope.');
      return (unit) => (unit && unit.organisationId === client.organisationId && (client.unitIds === null || client.unitIds.includes(unit.id)) ? { allowed: true, role: null } : { allowed: false });
    }
    if (!context.principal) throw new DomainError('unauthenticated', 'Sign in, or send an API token, to use the FHIR endpoint.');
    const principal: Principal = context.principal;
    requireTherapist(principal);
    return (unit) => {
      const decision = authorizeUnit(principal, 'enrollment.read', unit ?? { id: '', organisationId: '' });
      return unit && decision.allowed ? { allowed: true, role: decision.role } : { allowed: false };
    };
  };

  const audit = (context: FhirContext, input: { role: Role | null; action: string; enrollment?: Pick<EnrollmentRecord, 'id' | 'patientId'>; unit?: UnitRecord; objectType: string; objectId: string; patientId?: string; details: Record<string, unknown> }): CareAuditEntry => ({
    id: deps.newId(),
    at: deps.now().toISOString(),
    actorId: context.principal?.personId ?? null,
    actorRole: input.role,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId.slice(0, 200),
    organisationId: input.unit?.organisationId ?? context.apiClient?.organisationId ?? null,
    unitId: input.unit?.id ?? null,
    patientId: input.patientId ?? input.enrollment?.patientId ?? null,
    requestId: context.requestId,
    ip: context.ip,
    // A token is not a person: its id (the integration) is named in the details, so every read leads back to the token and the admin who made it.
    details: context.apiClient ? { ...input.details, integration: context.apiClient.tokenId } : input.details,
  });

  const requireTherapist = (principal: Principal) => {
    if (!principal.memberships.some((membership) => membership.role === 'therapist')) throw new DomainError('forbidden', THERAPIST_ONLY);
  };

  const moduleOf = async (response: ResponseRecord): Promise<Module> => {
    const content = await deps.content.versionContent(response.moduleId, response.moduleVersion);
    if (!content || content.kind !== 'module') throw new Error(`Response ${response.id} answers a version that is not stored.`);
    return content.content as Module;
  };

  /** A response the caller may read, or the refusal (audited). */
  const readableResponse = async (context: FhirContext, responseId: string, what: string) => {
    const access = unitAccess(context);
    const response = await deps.responses.findResponse(responseId);
    const enrollment = response ? await deps.care.getEnrollment(response.enrollmentId) : undefined;
    const unit = enrollment ? await deps.care.getUnit(enrollment.unitId) : undefined;
    const decision = access(unit);
    if (!response || !enrollment || !unit || !decision.allowed) {
      await deps.care.recordReads([audit(context, { role: null, action: 'access.refused', objectType: what, objectId: responseId, ...(unit ? { unit } : {}), ...(enrollment ? { patientId: enrollment.patientId } : {}), details: { permission: 'enrollment.read', outcome: 'not_found', via: 'fhir' } })]);
      throw new DomainError('not_found', `There is no ${what} "${responseId}", or it is not of one of your patients.`);
    }
    return { response, enrollment, unit, role: decision.role };
  };

  /** The patient's enrollments the caller may read; a refused attempt on the rest is audited. */
  const readableEnrollments = async (context: FhirContext, patientId: string, what: string) => {
    const access = unitAccess(context);
    const enrollments = await deps.care.listEnrollmentsOfPatient(patientId);
    const readable: Array<{ enrollment: EnrollmentRecord; unit: UnitRecord; role: Role | null }> = [];
    let refused = false;
    for (const enrollment of enrollments) {
      const unit = await deps.care.getUnit(enrollment.unitId);
      const decision = access(unit);
      if (unit && decision.allowed) readable.push({ enrollment, unit, role: decision.role });
      else refused = true;
    }
    if (refused && readable.length === 0) {
      await deps.care.recordReads([audit(context, { role: null, action: 'access.refused', objectType: what, objectId: `patient=${patientId}`, patientId, details: { permission: 'enrollment.read', outcome: 'not_found', via: 'fhir' } })]);
    }
    return readable;
  };

  const inDates = (at: string, bounds: readonly DateBound[]) => {
    const t = Date.parse(at);
    return bounds.every((bound) => {
      switch (bound.prefix) {
        case 'eq': return bound.start <= t && t < bound.end;
        case 'ne': return t < bound.start || bound.end <= t;
        case 'ge': return t >= bound.start;
        case 'gt': return t >= bound.end;
        case 'le': return t < bound.end;
        case 'lt': return t < bound.start;
      }
    });
  };

  const questionnaireFilter = (questionnaire: string | undefined) => {
    if (questionnaire === undefined) return () => true;
    const [url, version] = questionnaire.split('|');
    const prefix = `${deps.canonicalBase()}/Questionnaire/`;
    const moduleId = url?.startsWith(prefix) ? url.slice(prefix.length) : undefined;
    return (response: ResponseRecord) => response.moduleId === moduleId && (version === undefined || version === '' || String(response.moduleVersion) === version);
  };

  /** Every response of the patient the caller may read that matches, newest first, with where it came from. */
  const patientResponses = async (context: FhirContext, search: PatientSearch, what: string) => {
    const readable = await readableEnrollments(context, search.patient, what);
    const matches = questionnaireFilter(search.questionnaire);
    const found: Array<{ response: ResponseRecord; enrollment: EnrollmentRecord; unit: UnitRecord; role: Role | null }> = [];
    for (const entry of readable) {
      for (const response of await deps.care.listResponses(entry.enrollment.id)) {
        if (matches(response) && inDates(response.answeredAt, search.date)) found.push({ response, ...entry });
      }
    }
    found.sort((a, b) => b.response.answeredAt.localeCompare(a.response.answeredAt) || b.response.id.localeCompare(a.response.id));
    return found;
  };

  /** One `patient.read` row per enrollment whose data an answer showed, in one transaction. */
  const auditShown = async (context: FhirContext, shown: ReadonlyArray<{ enrollment: EnrollmentRecord; unit: UnitRecord; role: Role | null; id: string }>, resourceType: string) => {
    const byEnrollment = new Map<string, { enrollment: EnrollmentRecord; unit: UnitRecord; role: Role | null; ids: string[] }>();
    for (const entry of shown) {
      const group = byEnrollment.get(entry.enrollment.id) ?? { ...entry, ids: [] };
      group.ids.push(entry.id);
      byEnrollment.set(entry.enrollment.id, group);
    }
    if (byEnrollment.size === 0) return;
    await deps.care.recordReads([...byEnrollment.values()].map((group) => audit(context, { role: group.role, action: 'patient.read', objectType: 'enrollment', objectId: group.enrollment.id, enrollment: group.enrollment, unit: group.unit, details: { read: `fhir ${resourceType}`, ids: group.ids.slice(0, 100) } })));
  };

  const toQuestionnaireResponse = async (entry: { response: ResponseRecord; enrollment: EnrollmentRecord; unit: UnitRecord }) =>
    responseToQuestionnaireResponse({ response: entry.response, module: await moduleOf(entry.response), patientId: entry.enrollment.patientId, canonicalBase: deps.canonicalBase(), timeZone: entry.unit.timeZone });

  const toObservations = async (entry: { response: ResponseRecord; enrollment: EnrollmentRecord }) =>
    scoreObservations({ response: entry.response, module: await moduleOf(entry.response), patientId: entry.enrollment.patientId, canonicalBase: deps.canonicalBase() });

  const released = async (moduleId: string, number: number): Promise<Questionnaire | undefined> => {
    const version = await deps.content.version(moduleId, number);
    if (!version || version.kind !== 'module' || (version.state !== 'released' && version.state !== 'retired')) return undefined;
    return moduleToQuestionnaire({ module: version.content as Module, version: number, status: version.state === 'released' ? 'active' : 'retired', canonicalBase: deps.canonicalBase() });
  };

  const codeMatches = (code: string | undefined) => (observation: Observation) => {
    if (code === undefined) return true;
    const [system, value] = code.includes('|') ? code.split('|') : [undefined, code];
    return (observation.code.coding ?? []).some((coding) => coding.code === value && (system === undefined || system === '' || coding.system === system));
  };

  return {
    async readQuestionnaire(context: FhirContext, id: string): Promise<Questionnaire> {
      signedIn(context);
      const match = /^([a-z0-9][a-z0-9-]{1,63})-(\d{1,9})$/.exec(id);
      const questionnaire = match ? await released(match[1]!, Number(match[2])) : undefined;
      if (!questionnaire) throw new DomainError('not_found', `There is no released Questionnaire "${id}".`);
      return questionnaire;
    },

    async searchQuestionnaires(context: FhirContext, search: { url?: string; version?: string }, page: Page): Promise<SearchResult<Questionnaire>> {
      signedIn(context);
      if (search.url === undefined) throw new DomainError('invalid', 'Search Questionnaires by "url" (and optionally "version").', { issues: [{ code: 'fhir.search_parameter', path: '/url', message: 'The "url" parameter is needed.' }] });
      const prefix = `${deps.canonicalBase()}/Questionnaire/`;
      const moduleId = search.url.startsWith(prefix) ? search.url.slice(prefix.length) : undefined;
      let found: Questionnaire | undefined;
      if (moduleId && /^[a-z0-9][a-z0-9-]{1,63}$/.test(moduleId)) {
        const number = search.version !== undefined ? (/^\d{1,9}$/.test(search.version) ? Number(search.version) : undefined) : await deps.content.currentVersion(moduleId);
        found = number !== undefined ? await released(moduleId, number) : undefined;
      }
      const all = found ? [found] : [];
      return { total: all.length, resources: all.slice(page.offset, page.offset + page.count) };
    },

    async readQuestionnaireResponse(context: FhirContext, id: string): Promise<QuestionnaireResponse> {
      const entry = await readableResponse(context, id, 'QuestionnaireResponse');
      const resource = await toQuestionnaireResponse(entry);
      await auditShown(context, [{ ...entry, id }], 'QuestionnaireResponse');
      return resource;
    },

    async searchQuestionnaireResponses(context: FhirContext, search: PatientSearch, page: Page): Promise<SearchResult<QuestionnaireResponse>> {
      const found = await patientResponses(context, search, 'QuestionnaireResponse');
      const shown = found.slice(page.offset, page.offset + page.count);
      const resources = await Promise.all(shown.map(toQuestionnaireResponse));
      await auditShown(context, shown.map((entry) => ({ ...entry, id: entry.response.id })), 'QuestionnaireResponse');
      return { total: found.length, resources };
    },

    async readObservation(context: FhirContext, id: string): Promise<Observation> {
      const match = /^(.+)-(\d{1,4})$/.exec(id);
      const entry = await readableResponse(context, match?.[1] ?? id, 'Observation');
      const observation = (await toObservations(entry)).find((candidate) => candidate.id === observationId(entry.response.id, Number(match?.[2])));
      if (!match || !observation) throw new DomainError('not_found', `There is no Observation "${id}".`);
      await auditShown(context, [{ ...entry, id }], 'Observation');
      return observation;
    },

    async searchObservations(context: FhirContext, search: PatientSearch, page: Page): Promise<SearchResult<Observation>> {
      const found = await patientResponses(context, { ...search, questionnaire: undefined }, 'Observation');
      const matches = codeMatches(search.code);
      const all: Array<{ observation: Observation; entry: (typeof found)[number] }> = [];
      for (const entry of found) {
        if (entry.response.scores.length === 0) continue;
        for (const observation of await toObservations(entry)) if (matches(observation)) all.push({ observation, entry });
      }
      const shown = all.slice(page.offset, page.offset + page.count);
      await auditShown(context, shown.map(({ observation, entry }) => ({ ...entry, id: observation.id! })), 'Observation');
      return { total: all.length, resources: shown.map(({ observation }) => observation) };
    },

    /** Where the Questionnaire of a module version is read. */
    questionnaireId,
    /** The endpoint's base URL, which is also the base of canonical URLs. */
    canonicalBase: () => deps.canonicalBase(),
  };
}

export type FhirService = ReturnType<typeof createFhirService>;
