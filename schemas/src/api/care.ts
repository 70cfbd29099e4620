// Care on the wire: the patient app's and the clinic's view of enrollments, modules, answers,
// messages, plans, charts, alerts, units and reports (runtime/src/routes/care/README.md).
import type { GoalPeriod } from '../engine/index.js';
import type { Goal, LocalizedText, Module, Response as ResponseDocument } from '../generated/format.js';

export type { Module, ResponseDocument };

export type AnswerValue = string | number | boolean | string[] | null;
export type Answers = Record<string, AnswerValue>;
export type Zone = 'green' | 'yellow' | 'red';

export interface Message {
  id: string;
  from: 'patient' | 'therapist';
  authorName: string;
  body: string;
  sentAt: string;
  readAt: string | null;
  enrollmentId?: string;
}

export interface UnitSettings {
  contactName?: string;
  phone?: string;
  crisisPhone?: string;
  email?: string;
  address?: string;
  openingHours?: string;
}

export interface MyEnrollment {
  id: string;
  title: string;
  status: EnrollmentStatus;
  startedOn?: string;
  unit: { id?: string; name: string; settings: UnitSettings };
}

export type EnrollmentStatus = 'invited' | 'active' | 'paused' | 'ended';
export type ModuleState = 'locked' | 'unlocked' | 'in_progress' | 'completed';

export interface DueItem {
  kind: 'module' | 'measurement' | 'registration';
  enrollmentId: string;
  moduleId: string;
  version: number;
  title: string;
  registrationId?: string;
  dueAt?: string;
  overdue: boolean;
}

export interface NewModule {
  enrollmentId: string;
  moduleId: string;
  version: number;
  title: string;
  unlockedAt: string;
}

export interface Today {
  due: DueItem[];
  new: NewModule[];
  messages: { unread: number; latest: Message[] };
}

export interface ProgramModule {
  key: string;
  moduleId: string;
  version: number;
  title: string;
  state: ModuleState;
  unlockedAt?: string;
  completedAt?: string;
  progress?: { answered: number; pageId?: string };
}

export interface Program {
  title: string;
  week: number;
  modules: ProgramModule[];
}

export interface Progress {
  answers: Answers;
  pageId: string | null;
  completed: boolean;
}

export interface ScoreResult {
  instrumentId: string;
  title?: string;
  total: number | null;
  band: string | null;
  bandLabel?: string | null;
  subscales?: unknown;
  alerts?: unknown;
}

export interface RecordedResponse {
  id: string;
  receivedAt: string;
  scores: ScoreResult[];
  zones: Array<{ registrationId: string; fieldId: string; zone: Zone }>;
}

export interface InstrumentChart {
  moduleId: string;
  instrumentId: string;
  title: string;
  min: number;
  max: number;
  bands: Array<{ min: number; max: number; label: string; severity: number }>;
  points: Array<{ at: string; total: number; band: string | null }>;
}

export interface FieldChart {
  id: string;
  title: string;
  unit: string | null;
  /** Thresholds in force for this patient that compare this field with a number: where the chart draws zone lines. */
  zones: Array<{ zone: 'yellow' | 'red'; op: string; value: number; ruleId: string }>;
  goal?: Omit<Goal, 'label'> & { label: string; progress: GoalPeriod[] };
  points: Array<{ at: string; value: number; zone: Zone | null }>;
}

export interface RegistrationChart {
  moduleId: string;
  registrationId: string;
  title: string;
  fields: FieldChart[];
}

/** GET /api/me/charts and GET /api/enrollments/:id/charts. */
export interface Charts {
  instruments: InstrumentChart[];
  registrations: RegistrationChart[];
}

/** A condition of a zone rule, as far as the plan editor needs to read it. */
export interface PlanCondition {
  op: string;
  item?: string;
  value?: unknown;
  conditions?: PlanCondition[];
}

export interface PlanRule {
  id: string;
  zone: 'yellow' | 'red';
  when: PlanCondition;
  explanation: string;
  personal: boolean;
  alert: boolean;
}

export interface Plan {
  moduleId: string;
  registrationId: string;
  title: string;
  fields: Array<{ id: string; label: string; unit?: string }>;
  zones: Array<{ zone: Zone; rule: string; rules?: PlanRule[]; action: unknown }>;
  updatedAt?: string | null;
}

// Clinic

export interface Unit {
  id: string;
  organisationId: string;
  name: string;
  active: boolean;
  timeZone: string;
  settings: UnitSettings;
  intake: { deploymentId: string } | null;
}

export interface Deployment {
  id: string;
  unitId: string;
  kind: 'module' | 'program';
  documentId: string;
  version: number;
  title: string;
  contentHash: string;
  status: 'active' | 'withdrawn';
  deployedAt: string;
  modules: Array<{ moduleId: string; version: number }>;
}

export interface PatientRow {
  enrollmentId: string;
  patient: { id: string; name: string };
  deploymentId: string;
  title: string;
  status: EnrollmentStatus;
  startedOn: string | null;
  openAlerts: number;
  unreadMessages: number;
  overdueReports: number;
  lastActivityAt: string | null;
  attention: number;
  /** Set when the server cannot work out this enrollment's schedule from what it stored (e.g. a start date out of range). */
  problem?: { code: string; message: string };
}

/** An e-mail the development outbox holds (GET /api/dev/outbox). */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** The code a new patient enrolls with: the answer of enrolling (POST /api/care/units/:id/enrollments) and of accepting a referral. */
export interface PatientInvitation {
  code: string;
  url: string;
  expiresAt: string;
}

export interface Enrollment {
  id: string;
  status: EnrollmentStatus;
  startedOn?: string | null;
  deploymentId?: string;
  patientId?: string;
  unitId?: string;
}

export type Alert = {
  id: string;
  enrollmentId: string;
  patient: { id: string; name: string };
  kind: 'score' | 'item' | 'zone' | 'missing_report';
  severity: string;
  /** The English wording; shown when the alert has no `code` (raised before codes were stored). */
  message: string;
  moduleId: string | null;
  createdAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** The response deadline its rule sets (the safety protocol), and whether it has passed unacknowledged. */
  respondBy?: string;
  overdue?: boolean;
  /** When it went to the unit's other therapists and lead for want of an acknowledgement. */
  escalatedAt?: string;
  /** What the acknowledging therapist did. */
  actionTaken?: AlertAction;
} & AlertDetails;

/** What a therapist did about an alert: recorded when acknowledging it (`note` required for `other`). */
export interface AlertAction {
  kind: 'contacted' | 'risk_assessed' | 'referred' | 'other';
  note?: string;
}

/** The body of `POST /api/care/alerts/:alertId/acknowledge`. */
export interface AcknowledgeAlertInput {
  action: AlertAction;
}

/** What an alert says as data (the server's `AlertDetails`); module texts are localised maps. */
export type AlertDetails =
  | { code?: undefined; params?: undefined }
  | { code: 'missing_report'; params: { day: string; deadline: string; timeZone: string; title: LocalizedText | null; defaultLanguage: string } }
  | {
      code: 'score_band' | 'item_threshold';
      params: { instrument: string; instrumentName: LocalizedText; rule: LocalizedText; total: number | null; band: string | null; bandLabel: LocalizedText | null; itemId?: string; item?: LocalizedText; defaultLanguage: string; response?: { withinHours?: number; sameWorkingDay?: true; escalate?: boolean } };
    }
  | { code: 'zone'; params: { title: LocalizedText; zone: Zone; reasons: LocalizedText[]; defaultLanguage: string } };

export interface EnrollmentDetail {
  enrollment: Enrollment;
  patient: { id: string; name: string; email?: string };
  unit: { id: string; name: string };
  program: { title: string; week: number; modules: ProgramModule[] };
  due: DueItem[];
  alerts: Alert[];
  plans: Plan[];
}

export interface StoredResponse {
  id: string;
  clientId: string;
  moduleId: string;
  moduleVersion: number;
  pageId?: string;
  registrationId?: string;
  answers: Answers;
  completes: boolean;
  answeredAt: string;
  receivedAt: string;
  scores: ScoreResult[];
  zones: Array<{ registrationId: string; fieldId: string; zone: Zone }>;
}

export interface UnitReport {
  enrolled: number;
  active: number;
  completed: number;
  droppedOut: number;
  instruments: Array<{ instrumentId: string; title: string; patients: number; meanPre: number | null; meanPost: number | null; meanChange: number | null }>;
  /** Enrollments whose schedule the server cannot work out: left out of completed, dropped out and the questionnaires. */
  unreadable?: Array<{ enrollmentId: string; problem: { code: string; message: string } }>;
}

export interface Referral {
  id: string;
  contact: { name: string; email: string; phone?: string };
  answers: Answers;
  scores: ScoreResult[];
  receivedAt: string;
  status: 'new' | 'accepted' | 'declined';
}

export interface CatalogEntry {
  id: string;
  kind: 'module' | 'program';
  /** The title in the content's default language. */
  title: string;
  /** The newest release's title and summary in each of its languages, and its default language. */
  titles: LocalizedText;
  summary: LocalizedText | null;
  defaultLanguage: string;
  organisationId: string;
  currentVersion: number | null;
  /** `releaseNotes` are the publisher's words to care providers; `changeNote` the designer's to reviewers. */
  history: Array<{ number: number; retired: boolean; contentHash: string; changeNote: string; releaseNotes: string; releasedAt: string }>;
}

export interface IntakeForm {
  unit: { id: string; name: string; settings: UnitSettings };
  module: Module;
  version: number;
  contentHash: string;
}
