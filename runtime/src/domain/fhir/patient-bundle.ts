import type { Module } from '@careloom/format';
import type { AnswerValue } from '@careloom/format/engine';
import type { AuditRecord, PatientRecord } from '../data-admin/data-admin-store.js';
import type { CodeableConcept, Extension, Observation, QuestionnaireResponse, Reference } from './fhir-types.js';
import { responseToQuestionnaireResponse } from './questionnaire-response.js';
import { scoreObservations, type RecordedScore } from './score-observation.js';

/** Careloom's own code systems and extensions in the patient bundle (docs/fhir-patient-export.md). */
export const PATIENT_BUNDLE_URLS = {
  alertKind: 'https://careloom.org/fhir/CodeSystem/alert-kind',
  acknowledgedBy: 'https://careloom.org/fhir/StructureDefinition/alert-acknowledged-by',
  planConditions: 'https://careloom.org/fhir/StructureDefinition/plan-conditions',
  flagPriority: 'http://hl7.org/fhir/StructureDefinition/flag-priority',
  flagPriorityCodes: 'http://hl7.org/fhir/flag-priority-code',
  flagDetail: 'http://hl7.org/fhir/StructureDefinition/flag-detail',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  communicationCategory: 'http://terminology.hl7.org/CodeSystem/communication-category',
  auditEventType: 'http://dicom.nema.org/resources/ontology/DCM',
} as const;

/** A resource of the bundle: the shapes of `fhir-types.ts` and the plain ones written here. */
export type BundleResource = QuestionnaireResponse | Observation | ({ resourceType: string; id: string } & Record<string, unknown>);

export interface PatientBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: Array<{ fullUrl: string; resource: BundleResource }>;
}

export interface PatientBundleInput {
  record: PatientRecord;
  /** The module version a response answers (`moduleId`, `version`); undefined when it is not stored. */
  moduleOf: (moduleId: string, version: number) => Module | undefined;
  /** The unit's time zone, for date-and-time answers (local wall times). */
  timeZoneOf: (unitId: string) => string;
  /** The FHIR endpoint's base, which is also the base of canonical URLs. */
  canonicalBase: string;
  /** When the export was made; also the bundle's id's source. */
  at: string;
  bundleId: string;
}

const EPISODE_STATUS: Record<string, string> = { invited: 'planned', active: 'active', paused: 'onhold', ended: 'finished' };
const PRIORITY: Record<string, { code: string; display: string }> = {
  urgent: { code: 'PH', display: 'High priority' },
  warning: { code: 'PM', display: 'Medium priority' },
  info: { code: 'PL', display: 'Low priority' },
};

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * One patient's data at one care provider as a FHIR R4 `collection` Bundle: the Patient, an
 * EpisodeOfCare per enrollment, a QuestionnaireResponse per recorded answer with an Observation per
 * instrument score, a Flag per alert (acknowledged ones inactive), a Communication per message, a
 * CarePlan per self-treatment plan and an AuditEvent per read of the patient's data. The mapping,
 * and what has no FHIR element, is in docs/fhir-patient-export.md. Pure: the caller reads the
 * record, the module versions and the units' time zones.
 */
export function patientBundle(input: PatientBundleInput): PatientBundle {
  const { record, canonicalBase } = input;
  const patientId = record.person.id;
  const patientRef: Reference = { reference: `Patient/${patientId}` };
  const resources: BundleResource[] = [];

  resources.push({
    resourceType: 'Patient',
    id: patientId,
    name: [{ text: record.person.name }],
    telecom: [{ system: 'email', value: record.person.email }],
  });

  const unitOf = new Map<string, { unitId: string; unitName: string | undefined }>();
  for (const enrollment of record.enrollments) {
    const id = String(enrollment['id']);
    const unitName = str(enrollment['unitName']);
    unitOf.set(id, { unitId: String(enrollment['unitId']), unitName });
    const title = str(enrollment['title']);
    const start = str(enrollment['startedOn']) ?? str(enrollment['createdAt']);
    resources.push({
      resourceType: 'EpisodeOfCare',
      id,
      status: EPISODE_STATUS[String(enrollment['status'])] ?? 'active',
      ...(title ? { type: [{ text: title }] } : {}),
      patient: patientRef,
      ...(unitName ? { managingOrganization: { display: unitName } } : {}),
      ...(start ? { period: { start } } : {}),
    });
  }

  for (const row of record.responses) {
    const moduleId = String(row['moduleId']);
    const moduleVersion = Number(row['moduleVersion']);
    const module = input.moduleOf(moduleId, moduleVersion);
    if (!module) continue;
    const enrollmentId = String(row['enrollmentId']);
    const scores = (Array.isArray(row['scores']) ? row['scores'] : []) as RecordedScore[];
    const response = {
      id: String(row['id']),
      moduleId,
      moduleVersion,
      answers: (row['answers'] ?? {}) as Record<string, AnswerValue>,
      completes: row['completes'] === true,
      answeredAt: String(row['answeredAt']),
      receivedAt: String(row['receivedAt']),
      scores,
    };
    const timeZone = input.timeZoneOf(unitOf.get(enrollmentId)?.unitId ?? '');
    resources.push(responseToQuestionnaireResponse({ response, module, patientId, canonicalBase, timeZone }));
    resources.push(...scoreObservations({ response, module, patientId, canonicalBase }));
  }

  for (const alert of record.alerts) {
    const severity = PRIORITY[String(alert['severity'])] ?? PRIORITY['info']!;
    const acknowledgedAt = str(alert['acknowledgedAt']);
    const acknowledgedBy = str(alert['acknowledgedBy']);
    const responseId = str(alert['responseId']);
    const extension: Extension[] = [
      { url: PATIENT_BUNDLE_URLS.flagPriority, valueCodeableConcept: { coding: [{ system: PATIENT_BUNDLE_URLS.flagPriorityCodes, ...severity }] } },
      ...(responseId ? [{ url: PATIENT_BUNDLE_URLS.flagDetail, valueReference: { reference: `QuestionnaireResponse/${responseId}` } }] : []),
      ...(acknowledgedBy ? [{ url: PATIENT_BUNDLE_URLS.acknowledgedBy, valueString: acknowledgedBy }] : []),
    ];
    const code: CodeableConcept = { coding: [{ system: PATIENT_BUNDLE_URLS.alertKind, code: String(alert['kind']) }], text: String(alert['message']) };
    resources.push({
      resourceType: 'Flag',
      id: String(alert['id']),
      extension,
      status: acknowledgedAt ? 'inactive' : 'active',
      category: [{ coding: [{ system: PATIENT_BUNDLE_URLS.flagCategory, code: 'clinical', display: 'Clinical' }] }],
      code,
      subject: patientRef,
      period: { start: String(alert['createdAt']), ...(acknowledgedAt ? { end: acknowledgedAt } : {}) },
      author: { display: 'Careloom' },
    });
  }

  for (const message of record.messages) {
    const fromPatient = message['sender'] === 'patient';
    const unitName = unitOf.get(String(message['enrollmentId']))?.unitName;
    const author = str(message['author']);
    const received = str(message['readAt']);
    const care: Reference = { display: unitName ?? 'Care unit' };
    resources.push({
      resourceType: 'Communication',
      id: String(message['id']),
      status: 'completed',
      category: [{ coding: [{ system: PATIENT_BUNDLE_URLS.communicationCategory, code: 'notification', display: 'Notification' }] }],
      subject: patientRef,
      sent: String(message['sentAt']),
      ...(received ? { received } : {}),
      sender: fromPatient ? patientRef : author ? { display: author } : care,
      recipient: [fromPatient ? care : patientRef],
      payload: [{ contentString: String(message['body']) }],
    });
  }

  for (const plan of record.plans) {
    const enrollmentId = String(plan['enrollmentId']);
    const registrationId = String(plan['registrationId']);
    resources.push({
      resourceType: 'CarePlan',
      id: `${enrollmentId}-${registrationId}`.slice(0, 64),
      extension: [{ url: PATIENT_BUNDLE_URLS.planConditions, valueString: JSON.stringify(plan['overrides'] ?? {}) }],
      status: 'active',
      intent: 'plan',
      title: `Self-treatment plan (${String(plan['moduleId'])}, ${registrationId})`,
      subject: patientRef,
      period: { start: String(plan['updatedAt']) },
      description: 'The patient\'s own zone conditions for a registration\'s self-treatment plan (Careloom extension plan-conditions: a map from zone rule id to a condition).',
    });
  }

  for (const read of record.reads) resources.push(auditEvent(read, patientRef));

  return {
    resourceType: 'Bundle',
    id: input.bundleId,
    type: 'collection',
    timestamp: input.at,
    entry: resources.map((resource) => ({ fullUrl: `${canonicalBase}/${resource.resourceType}/${resource.id}`, resource: withoutUndefined(resource) })),
  };
}

/** A read of the patient's data (a `patient.read` audit row) as an AuditEvent: who, in which role and unit, when, what. */
function auditEvent(read: AuditRecord, patient: Reference): BundleResource {
  const what = typeof read.details['read'] === 'string' ? read.details['read'] : undefined;
  return {
    resourceType: 'AuditEvent',
    id: read.id,
    type: { system: PATIENT_BUNDLE_URLS.auditEventType, code: '110110', display: 'Patient Record' },
    action: 'R',
    recorded: read.at,
    outcome: '0',
    agent: [{
      who: { display: read.actorName ?? read.actorId ?? 'Unknown' },
      ...(read.actorRole ? { role: [{ text: read.actorRole }] } : {}),
      requestor: true,
      ...(read.unitName ? { location: { display: read.unitName } } : {}),
    }],
    source: { observer: { display: 'Careloom' } },
    entity: [{ what: patient, ...(what ? { description: what } : {}) }],
  };
}

function withoutUndefined<T extends object>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, value]) => value !== undefined)) as T;
}

/** How many of each resource type a bundle holds (for the audit row's details). */
export function resourceCounts(bundle: PatientBundle): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { resource } of bundle.entry) counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  return counts;
}
