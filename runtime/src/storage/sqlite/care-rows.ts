// Row shapes of the care tables (migrations/004-care.sql) and their mapping to domain records.
import type {
  AlertAction,
  AlertDetails,
  AlertRecord,
  DeploymentRecord,
  EnrollmentRecord,
  InvitationRecord,
  MessageRecord,
  PlanRecord,
  ReferralRecord,
  ResponseRecord,
  UnitRecord,
} from '../../domain/care/ports.js';

export interface UnitRow {
  id: string;
  organisation_id: string;
  name: string;
  active: number;
  time_zone: string;
  settings: string;
  intake_deployment_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeploymentRow {
  id: string;
  unit_id: string;
  kind: 'module' | 'program';
  document_id: string;
  version: number;
  title: string;
  content_hash: string;
  modules: string;
  status: 'active' | 'withdrawn';
  deployed_at: string;
  deployed_by: string;
  withdrawn_at: string | null;
}

export interface EnrollmentRow {
  id: string;
  unit_id: string;
  deployment_id: string;
  patient_id: string;
  status: EnrollmentRecord['status'];
  started_on: string;
  started_at: string;
  modules: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  last_activity_at: string | null;
  accepted_at: string | null;
  invited_name: string | null;
  language: string | null;
}

export interface InvitationRow {
  code_hash: string;
  enrollment_id: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  redeemed_at: string | null;
}

export interface ResponseRow {
  id: string;
  enrollment_id: string;
  client_id: string;
  body_hash: string;
  module_id: string;
  module_version: number;
  page_id: string | null;
  registration_id: string | null;
  answers: string;
  completes: number;
  answered_at: string;
  received_at: string;
  local_date: string;
  scores: string;
  zones: string;
}

export interface AlertRow {
  id: string;
  enrollment_id: string;
  unit_id: string;
  patient_id: string;
  kind: AlertRecord['kind'];
  severity: AlertRecord['severity'];
  message: string;
  /** JSON; NULL for alerts from before migration 006. */
  details: string | null;
  module_id: string | null;
  response_id: string | null;
  dedupe_key: string | null;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  /** Migration 030. */
  escalated_at?: string | null;
  notified_at?: string | null;
  action_taken?: string | null;
}

export interface PlanRow {
  enrollment_id: string;
  module_id: string;
  registration_id: string;
  overrides: string;
  updated_at: string;
  updated_by: string;
}

export interface MessageRow {
  id: string;
  enrollment_id: string;
  sender: 'patient' | 'therapist';
  author_id: string;
  author_name: string;
  body: string;
  sent_at: string;
  read_at: string | null;
}

export interface ReferralRow {
  id: string;
  unit_id: string;
  contact: string;
  module_id: string;
  module_version: number;
  answers: string;
  scores: string;
  received_at: string;
  status: ReferralRecord['status'];
  decided_at: string | null;
  decided_by: string | null;
  enrollment_id: string | null;
}

export function toUnit(row: UnitRow): UnitRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    active: row.active === 1,
    timeZone: row.time_zone,
    settings: JSON.parse(row.settings) as UnitRecord['settings'],
    intakeDeploymentId: row.intake_deployment_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDeployment(row: DeploymentRow): DeploymentRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind,
    documentId: row.document_id,
    version: row.version,
    title: row.title,
    contentHash: row.content_hash,
    modules: JSON.parse(row.modules) as DeploymentRecord['modules'],
    status: row.status,
    deployedAt: row.deployed_at,
    deployedBy: row.deployed_by,
    withdrawnAt: row.withdrawn_at,
  };
}

export function toEnrollment(row: EnrollmentRow): EnrollmentRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    deploymentId: row.deployment_id,
    patientId: row.patient_id,
    status: row.status,
    startedOn: row.started_on,
    startedAt: row.started_at,
    modules: JSON.parse(row.modules) as EnrollmentRecord['modules'],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    acceptedAt: row.accepted_at,
    invitedName: row.invited_name,
    ...(row.language ? { language: row.language } : {}),
  };
}

export function toInvitation(row: InvitationRow): InvitationRecord {
  return { codeHash: row.code_hash, enrollmentId: row.enrollment_id, personId: row.person_id, createdAt: row.created_at, expiresAt: row.expires_at, redeemedAt: row.redeemed_at };
}

export function toResponse(row: ResponseRow): ResponseRecord {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    clientId: row.client_id,
    bodyHash: row.body_hash,
    moduleId: row.module_id,
    moduleVersion: row.module_version,
    pageId: row.page_id,
    registrationId: row.registration_id,
    answers: JSON.parse(row.answers) as ResponseRecord['answers'],
    completes: row.completes === 1,
    answeredAt: row.answered_at,
    receivedAt: row.received_at,
    localDate: row.local_date,
    scores: JSON.parse(row.scores) as ResponseRecord['scores'],
    zones: JSON.parse(row.zones) as ResponseRecord['zones'],
  };
}

export function toAlert(row: AlertRow): AlertRecord {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    unitId: row.unit_id,
    patientId: row.patient_id,
    kind: row.kind,
    severity: row.severity,
    message: row.message,
    details: row.details === null ? null : (JSON.parse(row.details) as AlertDetails),
    moduleId: row.module_id,
    responseId: row.response_id,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    escalatedAt: row.escalated_at ?? null,
    notifiedAt: row.notified_at ?? null,
    actionTaken: row.action_taken ? (JSON.parse(row.action_taken) as AlertAction) : null,
  };
}

/** An alert as the insert statement's named parameters. */
export function alertParameters(alert: AlertRecord): Omit<AlertRecord, 'details' | 'escalatedAt' | 'notifiedAt' | 'actionTaken'> & { details: string | null } {
  const { escalatedAt: _escalated, notifiedAt: _notified, actionTaken: _action, ...inserted } = alert;
  return { ...inserted, details: alert.details === null ? null : JSON.stringify(alert.details) };
}

export function toPlan(row: PlanRow): PlanRecord {
  return { enrollmentId: row.enrollment_id, moduleId: row.module_id, registrationId: row.registration_id, overrides: JSON.parse(row.overrides) as PlanRecord['overrides'], updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export function toMessage(row: MessageRow): MessageRecord {
  return { id: row.id, enrollmentId: row.enrollment_id, from: row.sender, authorId: row.author_id, authorName: row.author_name, body: row.body, sentAt: row.sent_at, readAt: row.read_at };
}

export function toReferral(row: ReferralRow): ReferralRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    contact: JSON.parse(row.contact) as ReferralRecord['contact'],
    moduleId: row.module_id,
    moduleVersion: row.module_version,
    answers: JSON.parse(row.answers) as ReferralRecord['answers'],
    scores: JSON.parse(row.scores) as ReferralRecord['scores'],
    receivedAt: row.received_at,
    status: row.status,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    enrollmentId: row.enrollment_id,
  };
}
