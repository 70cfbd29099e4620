import { randomBytes } from 'node:crypto';
import type { AlertRecord, EnrollmentRecord, EnrollmentStatus, ResponseRecord } from '../care/ports.js';

/** The events a care provider can subscribe an endpoint to. */
export const WEBHOOK_EVENT_TYPES = [
  'response.recorded',
  'alert.raised',
  'alert.acknowledged',
  'enrollment.started',
  'enrollment.paused',
  'enrollment.resumed',
  'enrollment.ended',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only to the one subscription an admin tests; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/**
 * An event to stage in the writing transaction: its body follows the Standard Webhooks payload
 * shape (`type`, `timestamp`, `data`) and holds ids and FHIR references only, never answers or names.
 */
export interface StagedWebhookEvent {
  /** The webhook-id of every delivery of this event (`msg_` + 128 random bits). */
  id: string;
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  /** The unit it happened in; the store resolves the care provider from it. */
  unitId: string | null;
  organisationId?: string;
  patientId: string | null;
  createdAt: string;
  payload: string;
}

/** A webhook-id: unique per event, the same on every retry and for every subscription. */
export function newWebhookEventId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

function event(type: StagedWebhookEvent['type'], at: string, unitId: string | null, patientId: string | null, data: Record<string, unknown>): StagedWebhookEvent {
  return { id: newWebhookEventId(), type, unitId, patientId, createdAt: at, payload: JSON.stringify({ type, timestamp: at, data }) };
}

const patientReference = (patientId: string) => `Patient/${patientId}`;

/**
 * A recorded response: its QuestionnaireResponse and one Observation per stored score, as /fhir/r4
 * serves them (ids from domain/fhir/score-observation.ts `observationId`).
 */
export function responseRecordedEvent(response: ResponseRecord, enrollment: Pick<EnrollmentRecord, 'id' | 'unitId' | 'patientId'>): StagedWebhookEvent {
  return event('response.recorded', response.receivedAt, enrollment.unitId, enrollment.patientId, {
    responseId: response.id,
    enrollmentId: enrollment.id,
    unitId: enrollment.unitId,
    patient: patientReference(enrollment.patientId),
    questionnaireResponse: `QuestionnaireResponse/${response.id}`,
    observations: response.scores.map((_, index) => `Observation/${response.id}-${index + 1}`),
    module: { id: response.moduleId, version: response.moduleVersion },
    ...(response.registrationId !== null ? { registrationId: response.registrationId } : {}),
    completes: response.completes,
    answeredAt: response.answeredAt,
  });
}

export function alertRaisedEvent(alert: AlertRecord): StagedWebhookEvent {
  return event('alert.raised', alert.createdAt, alert.unitId, alert.patientId, {
    alertId: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    enrollmentId: alert.enrollmentId,
    unitId: alert.unitId,
    patient: patientReference(alert.patientId),
    ...(alert.responseId !== null ? { questionnaireResponse: `QuestionnaireResponse/${alert.responseId}` } : {}),
    ...(alert.moduleId !== null ? { moduleId: alert.moduleId } : {}),
  });
}

export function alertAcknowledgedEvent(alert: AlertRecord): StagedWebhookEvent {
  return event('alert.acknowledged', alert.acknowledgedAt ?? alert.createdAt, alert.unitId, alert.patientId, {
    alertId: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    enrollmentId: alert.enrollmentId,
    unitId: alert.unitId,
    patient: patientReference(alert.patientId),
    acknowledgedAt: alert.acknowledgedAt,
    ...(alert.actionTaken ? { action: alert.actionTaken.kind } : {}),
  });
}

const STATUS_EVENTS: Partial<Record<EnrollmentStatus, WebhookEventType>> = { paused: 'enrollment.paused', active: 'enrollment.resumed', ended: 'enrollment.ended' };

/** An enrollment created (`enrollment.started`) or changed to paused, active again or ended; undefined for a change no event describes. */
export function enrollmentEvent(enrollment: EnrollmentRecord, change: 'started' | 'status', at: string): StagedWebhookEvent | undefined {
  const type = change === 'started' ? 'enrollment.started' : STATUS_EVENTS[enrollment.status];
  if (type === undefined) return undefined;
  return event(type, at, enrollment.unitId, enrollment.patientId, {
    enrollmentId: enrollment.id,
    unitId: enrollment.unitId,
    deploymentId: enrollment.deploymentId,
    patient: patientReference(enrollment.patientId),
    status: enrollment.status,
  });
}

/** The event an admin sends to check their endpoint: no patient, no care data. */
export function testEvent(subscriptionId: string, organisationId: string, at: string): StagedWebhookEvent {
  return { ...event(WEBHOOK_TEST_EVENT, at, null, null, { subscriptionId, organisationId }), organisationId };
}
