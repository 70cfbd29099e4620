/* eslint-disable */
/**
 * DO NOT EDIT. Generated from schemas/json/api/*.schema.json (scripts/generate-api-types.ts) by `npm run gen`;
 * `npm run gen:check` (part of `npm test`) fails when this file is stale.
 */

import type { DocumentChange, GoalPeriod, ReleaseClass } from '../engine/index.js';
import type { Issue } from '../issue.js';
import type { VersionState, WorkflowAction } from '../workflow/version-workflow.js';
import type { Condition, Goal, LocalizedText, Module, Response } from './format.js';

export type { DocumentChange } from '../engine/index.js';
export type { Issue } from '../issue.js';
export type { Module } from './format.js';
export type { ReleaseClass } from '../engine/index.js';
export type { VersionState } from '../workflow/version-workflow.js';
export type { WorkflowAction } from '../workflow/version-workflow.js';

/**
 * Every role a person can hold; therapist and patient are scoped further to a unit.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Role".
 */
export type Role =
  | 'designer'
  | 'publisher'
  | 'tester'
  | 'permissions_admin'
  | 'care_provider_admin'
  | 'data_admin'
  | 'therapist'
  | 'patient';
/**
 * The roles the members API grants (which of them an organisation of a given kind takes is checked by the server): the person holds exactly these.
 *
 * @minItems 1
 * @maxItems 10
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AssignableRoles".
 *
 * Items: A role in the organisation.
 */
export type AssignableRoles = Role[];
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OrganisationKind".
 */
export type OrganisationKind = 'publisher' | 'care_provider';
/**
 * E-mail address; compared without regard to letter case.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Email".
 */
export type Email = string;
/**
 * A password, never stored or logged. The long limit only stops abuse: the password policy gives the friendly message.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Password".
 */
export type Password = string;
/**
 * The secret from the invitation link (after #/invitation/): 43 base64url characters; the limit only keeps junk out before the lookup.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "InvitationToken".
 */
export type InvitationToken = string;
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DocumentKind".
 */
export type DocumentKind = 'module' | 'program';
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ReleaseLevel".
 */
export type ReleaseLevel = 'major' | 'minor';
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "LatestVersion".
 */
export type LatestVersion = {number: number; state: VersionState} | null;
/**
 * Which content a comment or diff side is about: a version number or the live draft.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionRef".
 */
export type VersionRef = number | 'draft';
/**
 * GET /api/examples/:id: the example module or program as shipped (an invalid one is served too, so it is not checked against the format here).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ExampleDocument".
 */
export type ExampleDocument = unknown;
/**
 * A response document (schemas/json/response.schema.json).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ResponseDocument".
 */
export type ResponseDocument = Response;
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AnswerValue".
 */
export type AnswerValue = string | number | boolean | string[] | null;
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Zone".
 */
export type Zone = 'green' | 'yellow' | 'red';
/**
 * A zone a rule leads to (green is where no rule holds).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ZoneLevel".
 */
export type ZoneLevel = 'yellow' | 'red';
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * A phone number: digits, spaces, ( ) - . / and an optional leading +, at least two digits ("112", "+46 8-123 45 00"); or "" for none.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PhoneOrNone".
 */
export type PhoneOrNone = string;
/**
 * An e-mail address (name@example.org), or "" for none.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EmailOrNone".
 */
export type EmailOrNone = string;
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EnrollmentStatus".
 */
export type EnrollmentStatus = 'invited' | 'active' | 'paused' | 'ended';
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ModuleState".
 */
export type ModuleState = 'locked' | 'unlocked' | 'in_progress' | 'completed';
/**
 * The registration's goal (module.schema.json Goal) with its label in the reader's language and how each period went (the engine's goalProgress).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ChartGoal".
 */
export type ChartGoal = Omit<Goal, 'label'> & {label: string; progress: GoalPeriod[]};
/**
 * What an alert says as data, so the clinic words it in its own language; texts from module content stay localised maps, with the module's `defaultLanguage` to fall back on.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AlertDetails".
 */
export type AlertDetails =
  | {
      code?: never;
      params?: never;
    }
  | {
      code: 'missing_report';
      params: {
        day: string;
        deadline: string;
        timeZone: string;
        title: LocalizedText | null;
        defaultLanguage: string;
      };
    }
  | {
      code: 'score_band' | 'item_threshold';
      params: {
        /**
         * The instrument's abbreviation, e.g. 'PHQ-9' (the same in every language).
         */
        instrument: string;
        instrumentName: LocalizedText;
        /**
         * The alert rule's own text from the module.
         */
        rule: LocalizedText;
        total: number | null;
        band: string | null;
        bandLabel: LocalizedText | null;
        /**
         * For an item rule: the item and its text.
         */
        itemId?: string;
        item?: LocalizedText;
        defaultLanguage: string;
        /**
         * The rule's response deadline and escalation (the safety protocol).
         */
        response?: {
          withinHours?: number;
          sameWorkingDay?: true;
          escalate?: boolean;
        };
      };
    }
  | {
      code: 'zone';
      params: {
        title: LocalizedText;
        zone: Zone;
        reasons: LocalizedText[];
        defaultLanguage: string;
      };
    };
/**
 * An alert: what every alert has, and what it says as data.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Alert".
 */
export type Alert = AlertFields & AlertDetails;
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ContactEmail".
 */
export type ContactEmail = string;
/**
 * A response as defined by schemas/json/response.schema.json: formatVersion, clientId (UUID), moduleId, moduleVersion, answers, answeredAt, and optionally contentHash, pageId, registrationId, completes. The service checks it (upgrading older formats first), so the route only needs an object.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ResponseBody".
 */
export type ResponseBody = unknown;
/**
 * What an API token may read.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ApiTokenScope".
 */
export type ApiTokenScope = 'questionnaires.read' | 'patient-data.read';
/**
 * Rows as the database holds them (column names as fields): an export gives the data as stored.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "StoredRows".
 */
export type StoredRows = Record<string, unknown>[];
/**
 * The app the browser returns to after the provider.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OidcApp".
 */
export type OidcApp = 'patient' | 'clinic' | 'designer';
/**
 * GET /api/openapi.json: this API as OpenAPI 3.1, its bodies described by these schemas.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OpenApiDocument".
 */
export type OpenApiDocument = Record<string, unknown>;
/**
 * An event a subscription can receive.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookEventType".
 */
export type WebhookEventType =
  | 'response.recorded'
  | 'alert.raised'
  | 'alert.acknowledged'
  | 'enrollment.started'
  | 'enrollment.paused'
  | 'enrollment.resumed'
  | 'enrollment.ended';

/**
 * A person as others may see them: never a password hash or a session.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PersonView".
 */
export interface PersonView {
  id: string;
  name: string;
  email: string;
  disabledAt?: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UnitRole".
 */
export interface UnitRole {
  role: Role;
  unitId?: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SessionMembership".
 */
export interface SessionMembership {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
  unitId?: string;
}
/**
 * GET /api/auth/me and POST /api/auth/login.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Session".
 */
export interface Session {
  person: PersonView;
  memberships: SessionMembership[];
  csrfToken: string;
  expiresAt: string;
}
/**
 * GET /api/auth/session: the session when the browser has one, else null. The apps ask this at start, so a visitor who is not signed in gets an answer rather than a 401 (which browsers log as an error).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SessionProbe".
 */
export interface SessionProbe {
  session: Session | null;
}
/**
 * A person's roles in one organisation: organisation-wide roles as names, unit-scoped ones apart.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "RoleNames".
 */
export interface RoleNames {
  roles: Role[];
  unitRoles?: UnitRole[];
}
/**
 * GET /api/organisations (each entry): organisation-wide roles as names, unit-scoped ones apart.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MyOrganisation".
 */
export interface MyOrganisation {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  roles: Role[];
  unitRoles?: UnitRole[];
}
/**
 * GET /api/organisations.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MyOrganisations".
 */
export interface MyOrganisations {
  organisations: MyOrganisation[];
}
/**
 * GET /api/organisations/:id/members (each entry), and the answer of setting roles.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Member".
 */
export interface Member {
  person: PersonView;
  roles: Role[];
  unitRoles?: UnitRole[];
}
/**
 * GET /api/organisations/:id/members.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Members".
 */
export interface Members {
  members: Member[];
}
/**
 * POST /api/auth/login.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "LoginBody".
 */
export interface LoginBody {
  email: Email;
  password: Password;
}
/**
 * POST /api/auth/password.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ChangePasswordBody".
 */
export interface ChangePasswordBody {
  currentPassword: Password;
  newPassword: Password;
}
/**
 * POST /api/organisations/:id/invitations: an e-mail address, the roles it gets on acceptance, the e-mail's language.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "InviteBody".
 */
export interface InviteBody {
  email: Email;
  roles: AssignableRoles;
  /**
   * The language of the invitation e-mail; English by default.
   */
  language?: 'en' | 'sv' | 'nb';
}
/**
 * POST /api/public/member-invitations/preview and /accept.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "InvitationTokenBody".
 */
export interface InvitationTokenBody {
  token: InvitationToken;
}
/**
 * POST /api/public/member-invitations/join: the link's token, a new person's name and password.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "JoinBody".
 */
export interface JoinBody {
  token: InvitationToken;
  /**
   * The name others in the organisation see.
   */
  name: string;
  password: Password;
}
/**
 * PUT /api/organisations/:id/members/:personId/roles.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SetRolesBody".
 */
export interface SetRolesBody {
  roles: AssignableRoles;
}
/**
 * An open invitation (GET /api/organisations/:id/invitations, and the answer of inviting or resending): never the token.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MemberInvitation".
 */
export interface MemberInvitation {
  id: string;
  email: string;
  roles: Role[];
  invitedBy: {
    id: string;
    name: string;
  };
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}
/**
 * GET /api/organisations/:id/invitations.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MemberInvitations".
 */
export interface MemberInvitations {
  invitations: MemberInvitation[];
}
/**
 * POST /api/public/member-invitations/preview: what a link offers.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "InvitationPreview".
 */
export interface InvitationPreview {
  organisation: {
    name: string;
    kind: OrganisationKind;
  };
  email: string;
  roles: Role[];
  invitedByName: string;
  expiresAt: string;
}
/**
 * The membership an acceptance gave.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AcceptedInvitation".
 */
export interface AcceptedInvitation {
  organisation: {
    id: string;
    name: string;
    kind: OrganisationKind;
  };
  roles: Role[];
}
/**
 * POST /api/public/member-invitations/join: the session (null when the login throttle refused the sign-in) and the membership.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "JoinedInvitation".
 */
export interface JoinedInvitation {
  session: Session | null;
  accepted: AcceptedInvitation;
}
/**
 * A document in a list (GET /api/modules), with what a designer wants to see at a glance.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DocumentSummary".
 */
export interface DocumentSummary {
  id: string;
  organisationId: string;
  kind: DocumentKind;
  title: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /**
   * The catalog pointer: the version new deployments get.
   */
  releasedVersion: number | null;
  latestVersion: LatestVersion;
  /**
   * Who changed the draft last (its creator until someone edits it).
   */
  lastEditedBy: string | null;
  lastEditedByName: string | null;
  lastEditedAt: string;
}
/**
 * GET /api/modules.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DocumentList".
 */
export interface DocumentList {
  modules: DocumentSummary[];
}
/**
 * GET /api/modules/:id: the document (the fields of DocumentSummary) with each version's state.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DocumentDetail".
 */
export interface DocumentDetail {
  id: string;
  organisationId: string;
  kind: DocumentKind;
  title: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  releasedVersion: number | null;
  latestVersion: LatestVersion;
  lastEditedBy: string | null;
  lastEditedByName: string | null;
  lastEditedAt: string;
  versions: {
    number: number;
    state: VersionState;
    allowedActions: WorkflowAction[];
  }[];
}
/**
 * POST /api/modules: from scratch, from an example, or from an uploaded JSON document.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CreateDocumentInput".
 */
export interface CreateDocumentInput {
  organisationId?: string;
  kind?: DocumentKind;
  /**
   * The slug; defaults to the example's or upload's own "id". Required from scratch.
   */
  id?: string;
  /**
   * From scratch: the title in `language`.
   */
  title?: string;
  language?: string;
  example?: string;
  document?: unknown;
}
/**
 * GET /api/modules/:id/draft, and the answer of creating a document.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DraftView".
 */
export interface DraftView {
  document: DocumentSummary;
  content: unknown;
  /**
   * Every problem submitting would report now.
   */
  issues: Issue[];
  /**
   * What the publish gate would warn about without refusing (a valid module's pages harder to read than its reading level).
   */
  warnings?: Issue[];
  /**
   * The last update the snapshot includes.
   */
  seq: number;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ModulePin".
 */
export interface ModulePin {
  moduleId: string;
  version: number;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ReleaseView".
 */
export interface ReleaseView {
  releasedAt: string;
  releasedBy: string;
  releaseClass: ReleaseLevel;
  suggestedClass: 'major' | 'minor' | 'none';
  releaseNotes: string;
  /**
   * For a program: the released version of each module it schedules.
   */
  pins: ModulePin[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "TransitionView".
 */
export interface TransitionView {
  documentId: string;
  number: number;
  action: WorkflowAction | 'submit';
  from: VersionState | null;
  to: VersionState;
  actorId: string;
  at: string;
  note: string | null;
}
/**
 * A version as the API shows it; `content` only when one version is asked for.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionView".
 */
export interface VersionView {
  documentId: string;
  number: number;
  state: VersionState;
  allowedActions: WorkflowAction[];
  contentHash: string;
  changeNote: string;
  authoredBy: string;
  /**
   * The author's name, so reviewers see who submitted (null when the account is gone).
   */
  authoredByName: string | null;
  contributors: string[];
  createdAt: string;
  stateChangedAt: string;
  stateChangedBy: string;
  release: ReleaseView | null;
  history?: TransitionView[];
  /**
   * A module version's publish-gate warnings (pages harder to read than its reading level): when it is submitted and when one version is asked for.
   */
  warnings?: Issue[];
  content?: unknown;
}
/**
 * GET /api/modules/:id/versions.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionList".
 */
export interface VersionList {
  versions: VersionView[];
}
/**
 * GET /api/modules/:id/diff.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DiffView".
 */
export interface DiffView {
  from: VersionRef;
  to: VersionRef;
  changes: DocumentChange[];
  suggestedClass: ReleaseClass;
}
/**
 * POST /api/modules/:id/versions: what changed, for the reviewers.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SubmitBody".
 */
export interface SubmitBody {
  changeNote: string;
}
/**
 * POST /api/modules/:id/versions/:n/transitions.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "TransitionInput".
 */
export interface TransitionInput {
  action: WorkflowAction;
  /**
   * Why: a review note, the changes requested, …
   */
  note?: string;
  /**
   * Required to release.
   */
  releaseNotes?: string;
  releaseClass?: ReleaseLevel;
}
/**
 * POST /api/modules/:id/comments.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CommentInput".
 */
export interface CommentInput {
  body: string;
  /**
   * A version number, or null/absent for the draft. Replies take their thread's.
   */
  version?: number | null;
  /**
   * Id of a page, block or item in that content; absent for the document as a whole.
   */
  anchor?: string | null;
  /**
   * Reply to this thread.
   */
  parentId?: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CommentRecord".
 */
export interface CommentRecord {
  id: string;
  documentId: string;
  /**
   * null: the comment is on the live draft.
   */
  versionNumber: number | null;
  /**
   * Id of the page, block or item the thread is about; null for the document as a whole.
   */
  anchor: string | null;
  /**
   * The thread's first comment, for a reply.
   */
  parentId: string | null;
  authorId: string;
  /**
   * The author's display name, read with the comment.
   */
  authorName: string | null;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}
/**
 * A thread: its first comment (the fields of CommentRecord) and the replies, oldest first.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CommentThread".
 */
export interface CommentThread {
  id: string;
  documentId: string;
  versionNumber: number | null;
  anchor: string | null;
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  replies: CommentRecord[];
}
/**
 * GET /api/modules/:id/comments.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CommentThreads".
 */
export interface CommentThreads {
  threads: CommentThread[];
}
/**
 * A test enrollment and exactly the content a patient enrolled on that version would get.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "TestEnrollmentView".
 */
export interface TestEnrollmentView {
  id: string;
  documentId: string;
  kind: DocumentKind;
  versionNumber: number;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  content: unknown;
  /**
   * For a released program: the module versions it pins.
   */
  pins: ModulePin[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CatalogEntry".
 */
export interface CatalogEntry {
  id: string;
  kind: DocumentKind;
  /**
   * The title in the content's default language.
   */
  title: string;
  /**
   * The newest release's title in each of its languages, so a Swedish clinic reads Swedish titles.
   */
  titles: LocalizedText;
  /**
   * The newest release's summary in each of its languages.
   */
  summary: LocalizedText | null;
  /**
   * The newest release's default language.
   */
  defaultLanguage: string;
  organisationId: string;
  /**
   * The version new deployments get; null when every release is retired.
   */
  currentVersion: number | null;
  /**
   * Every release, newest first.
   */
  history: CatalogVersion[];
}
/**
 * A released (or retired) version in the catalog.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CatalogVersion".
 */
export interface CatalogVersion {
  number: number;
  retired: boolean;
  contentHash: string;
  changeNote: string;
  releasedAt: string;
  releaseClass: ReleaseLevel;
  /**
   * The publisher's words to care providers (`changeNote` is the designer's to reviewers).
   */
  releaseNotes: string;
  pins: ModulePin[];
}
/**
 * GET /api/catalog.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Catalog".
 */
export interface Catalog {
  entries: CatalogEntry[];
}
/**
 * An example as listed by GET /api/examples.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ExampleSummary".
 */
export interface ExampleSummary {
  id: string;
  kind: DocumentKind;
  /**
   * The title in the document's default language.
   */
  title: string;
  languages: string[];
  file: string;
  /**
   * sha256 of the canonical JSON, the strong ETag of the document.
   */
  contentHash: string;
  valid: boolean;
  issueCount: number;
  issues: Issue[];
}
/**
 * GET /api/examples.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ExampleList".
 */
export interface ExampleList {
  examples: ExampleSummary[];
}
/**
 * POST /api/modules/fhir-import: a FHIR R4 Questionnaire to import as a new module draft.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "FhirImportBody".
 */
export interface FhirImportBody {
  organisationId?: string;
  /**
   * The new module's slug.
   */
  id: string;
  /**
   * A FHIR R4 Questionnaire (JSON); the importer checks it item by item.
   */
  questionnaire: unknown;
}
/**
 * Something of the imported Questionnaire that could not be carried over as it was.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ImportNote".
 */
export interface ImportNote {
  /**
   * The item it concerns; left out for the Questionnaire as a whole.
   */
  linkId?: string;
  /**
   * JSON Pointer into the imported Questionnaire.
   */
  path: string;
  code:
    | 'language'
    | 'item.type'
    | 'item.answers'
    | 'item.condition'
    | 'item.calculated'
    | 'item.repeats'
    | 'item.nested'
    | 'item.ids'
    | 'instrument.bands'
    | 'instrument.tests'
    | 'instrument.licence'
    | 'instrument.scoring'
    | 'questionnaire.empty';
  message: string;
}
/**
 * The answer of POST /api/modules/fhir-import: the new document and its draft, with what could not be carried over.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "FhirImportView".
 */
export interface FhirImportView {
  /**
   * What the publish gate would warn about without refusing (a valid module's pages harder to read than its reading level).
   */
  warnings?: Issue[];
  document: DocumentSummary;
  content: unknown;
  /**
   * Every problem submitting would report now.
   */
  issues: Issue[];
  /**
   * The last update the snapshot includes.
   */
  seq: number;
  notes: ImportNote[];
}
/**
 * Answers keyed by item id.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Answers".
 */
export interface Answers {
  [k: string]: AnswerValue;
}
/**
 * Why the server cannot work out something it stored (e.g. an enrollment's schedule from a start date out of range).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Problem".
 */
export interface Problem {
  code: string;
  message: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PersonRef".
 */
export interface PersonRef {
  id: string;
  name: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Message".
 */
export interface Message {
  id: string;
  from: 'patient' | 'therapist';
  authorName: string;
  body: string;
  sentAt: string;
  readAt: string | null;
  /**
   * Which enrollment's thread (in Today, which gathers them all).
   */
  enrollmentId?: string;
}
/**
 * A message thread.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MessageList".
 */
export interface MessageList {
  messages: Message[];
}
/**
 * The unit's contact details, shown to its patients.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UnitSettings".
 */
export interface UnitSettings {
  contactName?: string;
  phone?: string;
  crisisPhone?: string;
  email?: string;
  address?: string;
  openingHours?: string;
}
/**
 * PATCH /api/care/units/:id `settings`: the contact details to change, merged into the unit's; "" removes one. An e-mail address and phone numbers are checked for their form.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UnitSettingsChange".
 */
export interface UnitSettingsChange {
  contactName?: string;
  phone?: PhoneOrNone;
  crisisPhone?: PhoneOrNone;
  email?: EmailOrNone;
  address?: string;
  openingHours?: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MyEnrollment".
 */
export interface MyEnrollment {
  id: string;
  title: string;
  status: EnrollmentStatus;
  startedOn: string;
  unit: {
    id: string;
    name: string;
    settings: UnitSettings;
  };
}
/**
 * GET /api/me/enrollments.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MyEnrollments".
 */
export interface MyEnrollments {
  enrollments: MyEnrollment[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DueItem".
 */
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
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "NewModule".
 */
export interface NewModule {
  enrollmentId: string;
  moduleId: string;
  version: number;
  title: string;
  unlockedAt: string;
}
/**
 * GET /api/me/today.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Today".
 */
export interface Today {
  due: DueItem[];
  /**
   * The patient's programs their therapist paused: nothing in them is due until resumed.
   */
  paused: {
    enrollmentId: string;
    title: string;
  }[];
  new: NewModule[];
  messages: {
    unread: number;
    latest: Message[];
  };
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ProgramModule".
 */
export interface ProgramModule {
  key: string;
  moduleId: string;
  version: number;
  title: string;
  state: ModuleState;
  unlockedAt?: string;
  completedAt?: string;
  progress: {
    answered: number;
    pageId?: string;
  };
}
/**
 * GET /api/me/enrollments/:id/program.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Program".
 */
export interface Program {
  title: string;
  week: number;
  modules: ProgramModule[];
}
/**
 * Latest answers and page, to resume a module.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Progress".
 */
export interface Progress {
  answers: Answers;
  pageId: string | null;
  completed: boolean;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ScoreResult".
 */
export interface ScoreResult {
  instrumentId: string;
  title?: string;
  total: number | null;
  band: string | null;
  bandLabel?: string | null;
  /**
   * Each subscale's score by id.
   */
  subscales?: {
    [k: string]: number | null;
  };
  /**
   * Ids of the alert rules that fired.
   */
  alerts?: string[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ZoneResult".
 */
export interface ZoneResult {
  registrationId: string;
  fieldId: string;
  zone: Zone;
}
/**
 * What the patient is told about a recorded response (alerts are for the therapist).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "RecordedResponse".
 */
export interface RecordedResponse {
  id: string;
  receivedAt: string;
  scores: ScoreResult[];
  zones: ZoneResult[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "InstrumentChart".
 */
export interface InstrumentChart {
  /**
   * The instrument's reliable change criterion (Jacobson & Truax 1991), when it declares one: the smallest change in points from the first total that is reliable, which way is better, and the published source.
   */
  reliableChange?: {
    threshold: number;
    direction: 'lowerIsBetter' | 'higherIsBetter';
    source: string;
  };
  moduleId: string;
  instrumentId: string;
  title: string;
  min: number;
  max: number;
  bands: {
    min: number;
    max: number;
    label: string;
    severity: number;
  }[];
  points: {
    at: string;
    total: number;
    band: string | null;
    /**
     * Against the first total, when the instrument declares what the reliable change index needs: a reliable improvement, a reliable deterioration, or neither. Absent on the first point.
     */
    reliableChange?: 'improved' | 'deteriorated' | 'unchanged';
  }[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "FieldChart".
 */
export interface FieldChart {
  id: string;
  title: string;
  unit: string | null;
  /**
   * Thresholds in force for this patient that compare this field with a number: where the chart draws zone lines.
   */
  zones: {
    zone: ZoneLevel;
    op: string;
    value: number;
    ruleId: string;
  }[];
  goal?: ChartGoal;
  points: {
    at: string;
    value: number;
    zone: Zone | null;
  }[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "RegistrationChart".
 */
export interface RegistrationChart {
  moduleId: string;
  registrationId: string;
  title: string;
  fields: FieldChart[];
}
/**
 * GET /api/me/enrollments/:id/charts and GET /api/care/enrollments/:id/charts.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Charts".
 */
export interface Charts {
  instruments: InstrumentChart[];
  registrations: RegistrationChart[];
}
/**
 * A condition of a zone rule (module.schema.json Condition), as far as the plan editor needs to read it.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PlanCondition".
 */
export interface PlanCondition {
  op: string;
  item?: string;
  value?: unknown;
  conditions?: PlanCondition[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PlanRule".
 */
export interface PlanRule {
  id: string;
  zone: ZoneLevel;
  when: PlanCondition;
  explanation: string;
  /**
   * The therapist set this patient's own threshold.
   */
  personal: boolean;
  alert: boolean;
}
/**
 * A self-treatment plan: one entry per zone, the rules that lead there (none for green) and what to do.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Plan".
 */
export interface Plan {
  moduleId: string;
  registrationId: string;
  title: string;
  fields: {
    id: string;
    label: string;
    unit?: string;
    /**
     * The smallest value the field takes (a number or slider), so a threshold outside it is refused.
     */
    min?: number;
    /**
     * The largest value the field takes.
     */
    max?: number;
  }[];
  zones: {
    zone: Zone;
    rule: string;
    rules: PlanRule[];
    /**
     * What to do, as rich text (common.schema.json RichTextDoc).
     */
    action: unknown;
  }[];
  updatedAt: string | null;
}
/**
 * GET /api/me/enrollments/:id/plan.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PlanList".
 */
export interface PlanList {
  plans: Plan[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Unit".
 */
export interface Unit {
  id: string;
  organisationId: string;
  name: string;
  active: boolean;
  timeZone: string;
  settings: UnitSettingsChange;
  intake: {
    deploymentId: string;
  } | null;
}
/**
 * GET /api/care/units.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UnitList".
 */
export interface UnitList {
  units: Unit[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Deployment".
 */
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
  /**
   * The module versions patients of this deployment get (a module deployment: itself).
   */
  modules: ModulePin[];
  /**
   * The languages the deployed program is written in (a patient can be enrolled in any of them), default first.
   */
  languages?: string[];
  /**
   * The deployed version's title in each language it is written in, so a screen in Swedish names it in Swedish (with languages).
   */
  titles?: {
    [k: string]: string;
  };
}
/**
 * GET /api/care/units/:id/deployments.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DeploymentList".
 */
export interface DeploymentList {
  deployments: Deployment[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientRow".
 */
export interface PatientRow {
  enrollmentId: string;
  patient: PersonRef;
  deploymentId: string;
  title: string;
  status: EnrollmentStatus;
  startedOn: string | null;
  openAlerts: number;
  unreadMessages: number;
  overdueReports: number;
  lastActivityAt: string | null;
  attention: number;
  problem?: Problem;
  latestScore?: LatestScore;
}
/**
 * A patient's most recent instrument score and how it moved since that instrument's score before it (absent when the patient has no score yet).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "LatestScore".
 */
export interface LatestScore {
  /**
   * The instrument's abbreviation (PHQ-9).
   */
  title: string;
  total: number;
  /**
   * The highest total the instrument can give.
   */
  max?: number;
  /**
   * The severity band, in the reader's language.
   */
  bandLabel: string | null;
  /**
   * The band's severity level, 0 (none) to 4 (severe).
   */
  level: number | null;
  /**
   * When the patient answered.
   */
  at: string;
  /**
   * The same instrument's total before this one, or null for a first score.
   */
  previous: number | null;
  /**
   * better or worse when the instrument's bands say which way is worse, else up or down; null for a first score.
   */
  trend: 'better' | 'worse' | 'unchanged' | 'up' | 'down' | null;
}
/**
 * GET /api/care/units/:id/patients, most in need of attention first.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientList".
 */
export interface PatientList {
  patients: PatientRow[];
}
/**
 * An e-mail the development outbox holds (GET /api/dev/outbox).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OutboxMessage".
 */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}
/**
 * GET /api/dev/outbox.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Outbox".
 */
export interface Outbox {
  messages: OutboxMessage[];
}
/**
 * The code a new patient enrolls with.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientInvitation".
 */
export interface PatientInvitation {
  code: string;
  url: string;
  expiresAt: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Enrollment".
 */
export interface Enrollment {
  id: string;
  status: EnrollmentStatus;
  /**
   * The local date (the unit's time zone) of week 1's first day.
   */
  startedOn: string;
  deploymentId: string;
  patientId: string;
  unitId: string;
  createdAt: string;
  /**
   * The module versions this enrollment stays on.
   */
  modules: ModulePin[];
  /**
   * The language the patient was enrolled in (absent: the program's default).
   */
  language?: string;
  /**
   * When the patient took the invitation up; null until then (a new invitation can be sent).
   */
  acceptedAt: string | null;
}
/**
 * The answer of enrolling (POST /api/care/units/:id/enrollments) and of accepting a referral: the enrollment and its invitation.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EnrolledPatient".
 */
export interface EnrolledPatient {
  enrollment: Enrollment;
  invitation: PatientInvitation;
}
/**
 * What accepting an invitation gave the signed-in person: the enrollment, now theirs.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AcceptedEnrollment".
 */
export interface AcceptedEnrollment {
  enrollment: {
    id: string;
    title: string;
    status: EnrollmentStatus;
    startedOn: string;
    unit: PersonRef;
  };
}
/**
 * What every alert has; `Alert` adds what it says as data.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AlertFields".
 */
export interface AlertFields {
  id: string;
  enrollmentId: string;
  patient: PersonRef;
  kind: 'score' | 'item' | 'zone' | 'missing_report';
  severity: 'info' | 'warning' | 'urgent';
  /**
   * The English wording; shown when the alert has no `code` (raised before codes were stored).
   */
  message: string;
  moduleId: string | null;
  createdAt: string;
  acknowledgedAt?: string;
  /**
   * The name of the therapist who acknowledged it.
   */
  acknowledgedBy?: string;
  /**
   * The response deadline its rule sets (the safety protocol), in the unit's time zone.
   */
  respondBy?: string;
  /**
   * Whether the deadline has passed with the alert unacknowledged.
   */
  overdue?: boolean;
  /**
   * When it went to the unit's other therapists and the care provider's admins for want of an acknowledgement.
   */
  escalatedAt?: string;
  actionTaken?: AlertAction;
}
/**
 * What a therapist did about an alert, recorded when acknowledging it (`note` is required for `other`, checked by the server).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AlertAction".
 */
export interface AlertAction {
  kind: 'contacted' | 'risk_assessed' | 'referred' | 'other';
  /**
   * The therapist's own words.
   */
  note?: string;
}
/**
 * POST /api/care/alerts/:alertId/acknowledge: the action taken.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AcknowledgeAlertInput".
 */
export interface AcknowledgeAlertInput {
  action: AlertAction;
}
/**
 * GET /api/care/units/:id/alerts.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AlertList".
 */
export interface AlertList {
  alerts: Alert[];
}
/**
 * GET /api/care/enrollments/:id.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EnrollmentDetail".
 */
export interface EnrollmentDetail {
  enrollment: Enrollment;
  patient: {
    id: string;
    name: string;
    email?: string;
  };
  unit: Unit;
  program: Program;
  due: DueItem[];
  alerts: Alert[];
  plans: Plan[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "StoredResponse".
 */
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
  zones: ZoneResult[];
}
/**
 * GET /api/care/enrollments/:id/responses.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ResponseList".
 */
export interface ResponseList {
  responses: StoredResponse[];
}
/**
 * An instrument's outcome over the patients with at least two totals: means of the first (pre) and last (post) total and of the change, and for an instrument that declares its reliability the percentage reliably improved and reliably deteriorated (Jacobson & Truax 1991, last against first).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "InstrumentOutcome".
 */
export interface InstrumentOutcome {
  instrumentId: string;
  title: string;
  patients: number;
  meanPre: number | null;
  meanPost: number | null;
  meanChange: number | null;
  /**
   * Percent of the patients; null when the instrument declares no reliability.
   */
  reliablyImproved?: number | null;
  /**
   * Percent of the patients; null when the instrument declares no reliability.
   */
  reliablyDeteriorated?: number | null;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UnitReport".
 */
export interface UnitReport {
  enrolled: number;
  active: number;
  completed: number;
  droppedOut: number;
  instruments: InstrumentOutcome[];
  /**
   * The same per program (or module) version deployed to the unit: completion, dropout by the program week the patient last answered in, and the instruments' outcomes.
   */
  programs: {
    documentId: string;
    version: number;
    kind: 'module' | 'program';
    title: string;
    enrolled: number;
    completed: number;
    droppedOut: number;
    /**
     * Completed as a percentage of the ended enrollments; null while none has ended.
     */
    completionRate: number | null;
    /**
     * Patients who dropped out, by the program week they last answered in (week 1 when never), from week 1 to the last such week.
     */
    dropoutByWeek: {
      week: number;
      patients: number;
    }[];
    instruments: InstrumentOutcome[];
  }[];
  /**
   * Enrollments whose schedule the server cannot work out: left out of completed, dropped out and the questionnaires.
   */
  unreadable: {
    enrollmentId: string;
    problem: Problem;
  }[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ReferralContact".
 */
export interface ReferralContact {
  name: Text;
  email: ContactEmail;
  phone?: PhoneOrNone;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Referral".
 */
export interface Referral {
  id: string;
  contact: ReferralContact;
  moduleId?: string;
  answers: Answers;
  scores: ScoreResult[];
  receivedAt: string;
  status: 'new' | 'accepted' | 'declined';
}
/**
 * GET /api/care/units/:id/referrals.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ReferralList".
 */
export interface ReferralList {
  referrals: Referral[];
}
/**
 * GET /api/public/units/:id/intake.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "IntakeForm".
 */
export interface IntakeForm {
  unit: {
    id: string;
    name: string;
    settings: UnitSettings;
  };
  module: Module;
  version: number;
  contentHash: string;
}
/**
 * POST /api/public/units/:id/intake: the referral's id.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "IntakeReceipt".
 */
export interface IntakeReceipt {
  id: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CreateUnitBody".
 */
export interface CreateUnitBody {
  name: Text;
  timeZone?: Text;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UpdateUnitBody".
 */
export interface UpdateUnitBody {
  name?: Text;
  active?: boolean;
  timeZone?: Text;
  settings?: UnitSettingsChange;
  /**
   * The deployment whose module is the unit's public intake questionnaire; null for none.
   */
  intake?: null | {
    deploymentId: Id;
  };
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DeployBody".
 */
export interface DeployBody {
  documentId: Id;
  version: number;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EnrollBody".
 */
export interface EnrollBody {
  deploymentId: Id;
  patient: {
    name: Text;
    email: ContactEmail;
  };
  /**
   * The local date week 1 starts (YYYY-MM-DD); today by default.
   */
  startsOn?: string;
  /**
   * The patient's language, one the program is written in: the invitation e-mail and link are in it. The program's default language when absent.
   */
  language?: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EnrollmentStatusBody".
 */
export interface EnrollmentStatusBody {
  status: 'active' | 'paused' | 'ended';
}
/**
 * A patient-specific rule, as the therapist sends it: the registration's rule with its own condition.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PlanRuleInput".
 */
export interface PlanRuleInput {
  id: Id;
  when: Condition;
  zone?: ZoneLevel;
  explanation?: LocalizedText;
  alert?: boolean;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PlanBody".
 */
export interface PlanBody {
  /**
   * @maxItems 100
   */
  zones: PlanRuleInput[];
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MessageBody".
 */
export interface MessageBody {
  body: Text;
  /**
   * The sending device's id for this message (a UUID). A retry with the same id answers the stored message (200) instead of sending it twice; a device that queues messages while offline always sends one.
   */
  clientId?: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AcceptReferralBody".
 */
export interface AcceptReferralBody {
  deploymentId: Id;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "RedeemBody".
 */
export interface RedeemBody {
  code: Text;
  password: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AcceptInvitationBody".
 */
export interface AcceptInvitationBody {
  code: Text;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "IntakeBody".
 */
export interface IntakeBody {
  contact: ReferralContact;
  /**
   * A response document (response.schema.json), checked by the service.
   */
  response: unknown;
}
/**
 * An API token as an admin sees it: never the token, nor its hash.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ApiToken".
 */
export interface ApiToken {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  /**
   * The units it may read; null for the whole care provider.
   */
  unitIds: string[] | null;
  /**
   * The person who created it.
   */
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
/**
 * GET /api/care/providers/:organisationId/api-tokens.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ApiTokenList".
 */
export interface ApiTokenList {
  tokens: ApiToken[];
}
/**
 * The answer of creating an API token: the only time the token itself (`secret`) is shown.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CreatedApiToken".
 */
export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}
/**
 * POST /api/care/providers/:organisationId/api-tokens: a token for the provider (unitIds null or left out) or some of its units.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CreateApiTokenBody".
 */
export interface CreateApiTokenBody {
  name: string;
  /**
   * @minItems 1
   * @maxItems 2
   */
  scopes: ApiTokenScope[];
  unitIds?: null | string[];
  /**
   * When it stops working (ISO 8601); the service checks it lies ahead.
   */
  expiresAt?: string;
}
/**
 * One audit log entry as the data administrator reads it, with the actor's and the unit's names.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AuditEntryView".
 */
export interface AuditEntryView {
  id: string;
  at: string;
  /**
   * Dotted verb, e.g. `patient.read`.
   */
  action: string;
  actor: {
    id: string;
    name: string | null;
    role: string | null;
  } | null;
  objectType: string | null;
  objectId: string | null;
  unit: {
    id: string;
    name: string | null;
  } | null;
  patientId: string | null;
  ip: string | null;
  requestId: string | null;
  /**
   * What the action concerned; never secrets (the server's audit details guard).
   */
  details: Record<string, unknown>;
}
/**
 * GET /api/data/providers/:orgId/audit: entries newest first, and the cursor of the next page (null on the last).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AuditPage".
 */
export interface AuditPage {
  entries: AuditEntryView[];
  nextCursor: number | null;
}
/**
 * A read of a patient's data as the log review lists it.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ReviewRead".
 */
export interface ReviewRead {
  seq: number;
  at: string;
  actorId: string;
  actorName: string | null;
  actorRole: string | null;
  unitId: string | null;
  unitName: string | null;
  timeZone: string | null;
  patientId: string;
  /**
   * Whether the reader is one of the patient's responsible therapists in the unit today.
   */
  onCaseload: boolean;
}
/**
 * GET /api/data/providers/:orgId/audit/review: reads off the reader's caseload, reads outside opening hours, and people who read unusually many patients a day.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "AuditReview".
 */
export interface AuditReview {
  from: string;
  until: string;
  offCaseload: ReviewRead[];
  outsideHours: ReviewRead[];
  manyPatients: {
    actorId: string;
    actorName: string | null;
    day: string;
    patients: number;
  }[];
  /**
   * Whether the reads examined reached the limit: the report is then partial (narrow the period).
   */
  truncated: boolean;
}
/**
 * GET /api/data/providers/:orgId/patients/:patientId/export (format=json): everything stored about the patient at the care provider, as stored, and who read it.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientExport".
 */
export interface PatientExport {
  person: {
    id: string;
    name: string;
    email: string;
    createdAt: string;
  };
  enrollments: StoredRows;
  responses: StoredRows;
  alerts: StoredRows;
  messages: StoredRows;
  plans: StoredRows;
  notices: StoredRows;
  /**
   * The patient's own choice about notice e-mails, or null when they never changed it (notices are then on). One choice for all their care providers.
   */
  noticeSettings: null | {
    emailNotices: boolean;
    updatedAt: string;
  };
  reminders: StoredRows;
  reads: AuditEntryView[];
}
/**
 * POST /api/data/providers/:orgId/patients/:patientId/purge: why, and the patient's id typed again (the purge cannot be undone).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PurgeBody".
 */
export interface PurgeBody {
  /**
   * retention: the retention period is over; request: a lawful request.
   */
  reason: 'retention' | 'request';
  /**
   * The patient's id again.
   */
  confirm: string;
}
/**
 * What the purge erased, counted.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PurgeResult".
 */
export interface PurgeResult {
  enrollments: number;
  responses: number;
  messages: number;
  alerts: number;
}
/**
 * GET /api/me/reads: who (name, role, unit) read the signed-in patient's data and when, newest first.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MyReads".
 */
export interface MyReads {
  reads: {
    at: string;
    name: string | null;
    role: string | null;
    unit: string | null;
  }[];
}
/**
 * One file of the library.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MediaFile".
 */
export interface MediaFile {
  /**
   * SHA-256 of the file's bytes: the same file is stored once.
   */
  sha256: string;
  /**
   * Where a module points at it (/api/media/<organisation>/<sha256>.<extension>); it never changes, so browsers keep it for a year.
   */
  url: string;
  /**
   * The file name it was first uploaded under.
   */
  name: string;
  /**
   * What it may be used for, read from its bytes.
   */
  kind: 'image' | 'audio' | 'video' | 'captions';
  /**
   * Its type, read from its bytes (never from the name or the declared type).
   */
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  /**
   * In the library list: the submitted versions and the drafts of the organisation's modules that name the file, with the blocks that do. A file in use cannot be removed.
   */
  uses?: MediaUse[];
}
/**
 * A submitted module version, or the draft of a module or program, that names a library file.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MediaUse".
 */
export interface MediaUse {
  moduleId: string;
  /**
   * The module's title in its default language.
   */
  title: string;
  /**
   * The version's number; absent for a draft.
   */
  version?: number;
  /**
   * The version's state (submitted, in_review, released…), or "draft" for a draft.
   */
  state: string;
  /**
   * The ids of the blocks that name the file.
   */
  blocks: string[];
}
/**
 * GET /api/media/:organisationId: the library, newest first, and the largest file it takes.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MediaList".
 */
export interface MediaList {
  media: MediaFile[];
  /**
   * The largest file an upload may be, in bytes.
   */
  maxBytes: number;
}
/**
 * The answer to an upload: the file, and whether it is new to the library (201) or was there already (200).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MediaUpload".
 */
export interface MediaUpload {
  media: MediaFile;
  created: boolean;
}
/**
 * GET /api/auth/oidc: whether the login pages offer a provider, and its name for "Sign in with …".
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OidcStatus".
 */
export interface OidcStatus {
  enabled: boolean;
  /**
   * The provider's name as people know it ("BankID", "SITHS").
   */
  displayName?: string;
}
/**
 * POST /api/auth/oidc/start: a sign-in that also accepts an invitation, or links the signed-in person's account to their identity at the provider.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OidcStartBody".
 */
export interface OidcStartBody {
  app: OidcApp;
  /**
   * An invitation to accept while signing in: a member invitation's link token, or a patient's invitation code.
   */
  invitation?:
    | {
        kind: 'member';
        token: string;
      }
    | {
        kind: 'enrollment';
        code: string;
      };
  /**
   * Link the signed-in account to the identity instead of signing in (needs a session).
   */
  link?: boolean;
}
/**
 * POST /api/auth/oidc/start: where to send the browser; the flow's cookie is set with this answer.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OidcStartView".
 */
export interface OidcStartView {
  authorizationUrl: string;
}
/**
 * POST /api/auth/oidc/logout: the Careloom session has ended; for a session started at the provider, where to send the browser to end the provider's session too.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "OidcLogoutView".
 */
export interface OidcLogoutView {
  endSessionUrl?: string;
}
/**
 * One of the signed-in person's identities at a provider. Never the identifying value itself: only its last characters, when it is long enough to show a part of.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "LinkedIdentity".
 */
export interface LinkedIdentity {
  /**
   * Names the link for unlinking (the first twelve characters of its stored digest, as in the audit log).
   */
  id: string;
  /**
   * The provider's issuer URL.
   */
  issuer: string;
  /**
   * The provider's name as people know it, while it is the configured provider.
   */
  providerName?: string;
  /**
   * The last characters (at most four) of the identifying value: "ending in 2391".
   */
  hint?: string;
  linkedAt: string;
}
/**
 * GET /api/me/identities: the signed-in person's linked identities, oldest first; whether a provider is configured to link another; whether the person has a password of their own (without one, the last identity cannot be unlinked).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "LinkedIdentityList".
 */
export interface LinkedIdentityList {
  provider: OidcStatus;
  hasPassword: boolean;
  identities: LinkedIdentity[];
}
/**
 * GET and PUT /api/me/notice-settings: whether the patient wants e-mail notices. The e-mails name nothing of their care, only that something waits.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "NoticeSettings".
 */
export interface NoticeSettings {
  /**
   * E-mail me about a new message, new material and reminders from my care unit.
   */
  emailNotices: boolean;
}
/**
 * One e-mail notice sent to the patient about this enrollment.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientNotice".
 */
export interface PatientNotice {
  id: string;
  /**
   * message: a therapist's message waited unread; material: modules unlocked; reminder: sent by a therapist from the patient page.
   */
  kind: 'message' | 'material' | 'reminder';
  sentAt: string;
  /**
   * The therapist who sent a reminder; null for the automatic notices.
   */
  sentByName: string | null;
}
/**
 * GET /api/care/enrollments/:id/outreach and the answer to a reminder: the patient's choice, whether today's reminder was sent, and the notices e-mailed about this enrollment, newest first.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientOutreach".
 */
export interface PatientOutreach {
  /**
   * The patient wants e-mail notices; when false no reminder can be sent.
   */
  emailNotices: boolean;
  /**
   * A reminder went to the patient on the unit's day today (one a day).
   */
  reminderSentToday: boolean;
  notices: PatientNotice[];
}
/**
 * POST /api/care/providers/:organisationId/staff-notices: information for everyone working in the chosen units.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "StaffNoticeBody".
 */
export interface StaffNoticeBody {
  title: string;
  body: string;
  /**
   * Units of the care provider whose staff get the notice.
   *
   * @minItems 1
   * @maxItems 200
   */
  unitIds: string[];
  /**
   * Also e-mail the staff that information waits (the e-mail does not contain it).
   */
  email: boolean;
}
/**
 * Information posted to the staff of some units.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "StaffNotice".
 */
export interface StaffNotice {
  id: string;
  organisationId: string;
  title: string;
  body: string;
  emailed: boolean;
  postedByName: string;
  postedAt: string;
  units: {
    id: string;
    name: string;
  }[];
  /**
   * When the reader marked it read; null while unread (and in the admin's list).
   */
  readAt: string | null;
}
/**
 * GET /api/care/staff-notices (the caller's units) or /api/care/providers/:organisationId/staff-notices (an admin's), newest first.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "StaffNoticeList".
 */
export interface StaffNoticeList {
  notices: StaffNotice[];
  /**
   * How many the reader has not marked read (0 in the admin's list).
   */
  unread: number;
}
/**
 * GET /api/care/enrollments/:id/schedule and the answer to a change: the program's modules and registrations with this patient's adjustments.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PatientSchedule".
 */
export interface PatientSchedule {
  enrollmentId: string;
  status: EnrollmentStatus;
  /**
   * The program is paused now: nothing is due and no reminder is sent.
   */
  paused: boolean;
  /**
   * How many changes were saved; send it back with a change so a concurrent change is not overwritten.
   */
  revision: number;
  /**
   * The unit's time zone, in which deadlines are read.
   */
  timeZone: string;
  /**
   * Local days the program was moved by its pauses so far.
   */
  pausedDays: number;
  pauses: {
    pausedAt: string;
    resumedAt: string | null;
  }[];
  modules: {
    key: string;
    moduleId: string;
    title: string;
    /**
     * The program week it opens in, when its rule names one.
     */
    week?: number;
    state: 'locked' | 'unlocked' | 'completed';
    unlockedAt: string | null;
    /**
     * When the program opens it for this patient (after pauses); null while it waits for a module not yet completed.
     */
    regularUnlockAt: string | null;
    /**
     * When the therapist opened it early, or null.
     */
    earlyUnlockAt: string | null;
    hidden: boolean;
  }[];
  registrations: {
    id: string;
    moduleId: string;
    title: string;
    /**
     * The program's deadline, HH:MM local time.
     */
    deadline: string;
    /**
     * This patient's deadline set by the therapist, or null.
     */
    personalDeadline: string | null;
  }[];
  updatedAt: string | null;
}
export interface ScheduleChangeBody {
  kind: 'unlockEarly' | 'hideModule' | 'showModule' | 'setDeadline';
  /**
   * The program module (unlockEarly, hideModule, showModule).
   */
  moduleKey?: string;
  /**
   * unlockEarly: when to open it (ISO 8601 with offset); now when left out.
   */
  at?: string;
  /**
   * setDeadline: the program's registration.
   */
  registrationId?: string;
  /**
   * setDeadline: HH:MM local time, or null for the program's deadline.
   */
  deadline?: string | null;
  /**
   * The revision the change was made on; a later one answers 409.
   */
  revision?: number;
}
/**
 * GET /api/care/providers/:organisationId/research-exports: what the care provider has deployed and can export.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ResearchExportDocuments".
 */
export interface ResearchExportDocuments {
  documents: {
    documentId: string;
    title: string;
    units: {
      id: string;
      name: string;
    }[];
    modules: {
      moduleId: string;
      version: number;
    }[];
  }[];
}
/**
 * GET …/research-exports/:documentId/manifest[?unitId&moduleId&moduleVersion&from&to]: the export's files with their row counts, and how many participants it holds.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ResearchExportManifest".
 */
export interface ResearchExportManifest {
  files: {
    name: string;
    title: string;
    kind: 'codebook' | 'instrument' | 'registration';
    rows: number;
  }[];
  participants: number;
}
/**
 * A code from the authenticator app (six digits) or a recovery code (XXXXX-XXXXX).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SecondFactorCodeBody".
 */
export interface SecondFactorCodeBody {
  code: string;
}
/**
 * GET /api/auth/second-factor: whether the signed-in person's second factor is on, waits for its first code, is required by an organisation, and how many recovery codes are left.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SecondFactorStatus".
 */
export interface SecondFactorStatus {
  enabled: boolean;
  pending: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}
/**
 * POST /api/auth/second-factor/enrolment: the new secret, shown once, as text to type and as an otpauth:// URI for a QR code.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SecondFactorEnrolment".
 */
export interface SecondFactorEnrolment {
  secret: string;
  otpauthUri: string;
}
/**
 * POST /api/auth/second-factor/enrolment/confirm: the second factor is on; the recovery codes are shown this once. After an enrolment owed at sign-in, also the new session.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SecondFactorConfirmed".
 */
export interface SecondFactorConfirmed {
  recoveryCodes: string[];
  session?: Session;
}
/**
 * GET|PUT /api/organisations/:orgId/second-factor-policy: whether the organisation requires a second factor of its staff.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SecondFactorPolicy".
 */
export interface SecondFactorPolicy {
  required: boolean;
  updatedAt: string | null;
}
/**
 * PUT /api/organisations/:orgId/second-factor-policy: require a second factor of the organisation's staff, or not.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "SecondFactorPolicyBody".
 */
export interface SecondFactorPolicyBody {
  required: boolean;
}
/**
 * GET /api/care/providers/:orgId/staff: the care provider's staff with roles and unit assignments (disabled accounts included), and its units.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "StaffDirectory".
 */
export interface StaffDirectory {
  members: Member[];
  units: {
    id: string;
    name: string;
    active: boolean;
  }[];
}
/**
 * GET|PUT|DELETE /api/care/units/:unitId/patients/:patientId/therapists[/:personId]: a patient's responsible therapists in the unit, the enrolling one first.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ResponsibleTherapists".
 */
export interface ResponsibleTherapists {
  therapists: {
    id: string;
    name: string;
    assignedAt: string;
  }[];
}
/**
 * POST /api/public/password-reset: the account's e-mail address and the e-mail's language.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PasswordResetRequestBody".
 */
export interface PasswordResetRequestBody {
  email: Email;
  /**
   * The language of the e-mail; English by default.
   */
  language?: 'en' | 'sv' | 'nb';
}
/**
 * POST /api/public/password-reset/complete: the link's token and the new password.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "PasswordResetCompleteBody".
 */
export interface PasswordResetCompleteBody {
  /**
   * The secret from the link (after #/password-reset/).
   */
  token: string;
  password: Password;
}
/**
 * GET /health.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "Health".
 */
export interface Health {
  status: 'ok';
  database: 'ok';
  version: string;
}
/**
 * One release between the patients' version and the newer one.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionRelease".
 */
export interface VersionRelease {
  number: number;
  releaseClass: ReleaseLevel;
  releaseNotes: string;
  releasedAt: string;
}
/**
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "ModuleTitle".
 */
export interface ModuleTitle {
  moduleId: string;
  title: string;
}
/**
 * What the newer version changes for answers already given, from the two versions alone (no patient's data): items whose answers may not carry over, and modules no longer or newly scheduled.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionChanges".
 */
export interface VersionChanges {
  items: {
    moduleId: string;
    moduleTitle: string;
    itemId: string;
    /**
     * What the item asked, in the reader's language.
     */
    item: string;
    reason: 'item_removed' | 'answer_kind_changed' | 'options_removed';
  }[];
  modulesRemoved: ModuleTitle[];
  modulesAdded: ModuleTitle[];
}
/**
 * What one patient's move left (or would leave) behind: their answers to unfinished modules that do not fit the newer version, and the therapist's adjustments for modules or registrations it no longer has.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "NotCarried".
 */
export interface NotCarried {
  answers: {
    moduleId: string;
    moduleTitle: string;
    itemId: string;
    item: string;
    reason: 'item_removed' | 'answer_no_longer_fits';
  }[];
  adjustments: {
    kind: 'early_unlock' | 'hidden_module' | 'registration_deadline';
    key: string;
    /**
     * The module (or registration's module) it was for, in the reader's language.
     */
    title: string;
  }[];
  modulesRemoved: ModuleTitle[];
}
/**
 * A deployment of the unit whose module or program has a newer released version.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionUpdate".
 */
export interface VersionUpdate {
  deploymentId: string;
  documentId: string;
  kind: 'module' | 'program';
  title: string;
  fromVersion: number;
  toVersion: number;
  changeClass: ReleaseLevel;
  releases: VersionRelease[];
  /**
   * Patients on the deployment who have not ended (they are the ones who would move).
   */
  enrolled: number;
  /**
   * The unit's active deployment of the newer version, when it has one.
   */
  targetDeploymentId: string | null;
  changes: VersionChanges;
}
/**
 * GET /api/care/units/:unitId/version-updates.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionUpdates".
 */
export interface VersionUpdates {
  updates: VersionUpdate[];
}
/**
 * POST /api/care/deployments/:deploymentId/version-move: move every patient of the deployment to this newer minor version.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MoveDeploymentBody".
 */
export interface MoveDeploymentBody {
  version: number;
}
/**
 * What moving a deployment's patients did: the new deployment (the old one is withdrawn), how many moved, how many had moved or ended meanwhile, and what did not carry over, counted per item and adjustment (no patient named).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "DeploymentMoveResult".
 */
export interface DeploymentMoveResult {
  deployment: Deployment;
  moved: number;
  skipped: number;
  answers: {
    moduleTitle: string;
    item: string;
    patients: number;
  }[];
  adjustments: {
    kind: 'early_unlock' | 'hidden_module' | 'registration_deadline';
    title: string;
    patients: number;
  }[];
}
/**
 * One patient's move, as recorded.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "VersionMove".
 */
export interface VersionMove {
  id: string;
  fromVersion: number;
  toVersion: number;
  changeClass: ReleaseLevel;
  movedAt: string;
  /**
   * Who moved the patient (their name).
   */
  movedBy: string;
  notCarried: NotCarried;
}
/**
 * GET /api/care/enrollments/:id/versions: the version the patient is on, the unit's newer deployments of it with what moving would leave behind for this patient, and the patient's earlier moves.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "EnrollmentVersions".
 */
export interface EnrollmentVersions {
  deploymentId: string;
  title: string;
  version: number;
  available: {
    deploymentId: string;
    version: number;
    changeClass: ReleaseLevel;
    releases: VersionRelease[];
    changes: VersionChanges;
    notCarried: NotCarried;
  }[];
  moves: VersionMove[];
}
/**
 * POST /api/care/enrollments/:id/version-move: move the patient to a newer deployment of the unit. `fromDeploymentId` is the deployment the therapist saw the patient on; a patient moved meanwhile answers 409.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "MoveEnrollmentBody".
 */
export interface MoveEnrollmentBody {
  deploymentId: string;
  fromDeploymentId: string;
}
/**
 * A subscription as an admin sees it: never its secret.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookSubscription".
 */
export interface WebhookSubscription {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  /**
   * Off: no new events are queued for it, and its pending deliveries wait until it is on again.
   */
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string | null;
}
/**
 * POST /api/care/providers/:organisationId/webhooks: an https endpoint and the events it receives.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CreateWebhookBody".
 */
export interface CreateWebhookBody {
  url: string;
  description?: string;
  /**
   * @minItems 1
   * @maxItems 20
   */
  eventTypes: string[];
}
/**
 * PATCH /api/care/providers/:organisationId/webhooks/:webhookId: what to change (at least one field); `enabled: false` turns it off.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "UpdateWebhookBody".
 */
export interface UpdateWebhookBody {
  url?: string;
  description?: string;
  /**
   * @minItems 1
   * @maxItems 20
   */
  eventTypes?: string[];
  enabled?: boolean;
}
/**
 * The answer of creating a subscription: the only time its signing secret (`whsec_…`) is shown.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "CreatedWebhook".
 */
export interface CreatedWebhook {
  subscription: WebhookSubscription;
  secret: string;
}
/**
 * The answer of rotating a secret: the new secret, shown once; until `previousSecretValidUntil` every delivery carries a signature with each.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "RotatedWebhookSecret".
 */
export interface RotatedWebhookSecret {
  subscription: WebhookSubscription;
  secret: string;
  previousSecretValidUntil: string;
}
/**
 * GET /api/care/providers/:organisationId/webhooks.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookList".
 */
export interface WebhookList {
  subscriptions: WebhookSubscription[];
  /**
   * Every event a subscription can receive.
   */
  eventTypes: WebhookEventType[];
}
/**
 * POST …/webhooks/:webhookId/test: the test event's id (its webhook-id), queued for this subscription only.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookTestQueued".
 */
export interface WebhookTestQueued {
  eventId: string;
}
/**
 * POST …/webhooks/:webhookId/deliveries/:deliveryId/resend: the failed delivery is waiting again and gets one more attempt, with the same webhook-id.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookDeliveryResent".
 */
export interface WebhookDeliveryResent {
  deliveryId: string;
  status: 'pending';
}
/**
 * One attempt of a delivery: the endpoint's status code or the connection error; never the endpoint's answer body.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookAttempt".
 */
export interface WebhookAttempt {
  attempt: number;
  at: string;
  outcome: 'delivered' | 'retry' | 'failed';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}
/**
 * One event's delivery to one subscription.
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookDelivery".
 */
export interface WebhookDelivery {
  id: string;
  /**
   * The webhook-id header of every attempt.
   */
  eventId: string;
  eventType: string;
  subscriptionId: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  finishedAt: string | null;
  log: WebhookAttempt[];
}
/**
 * GET …/webhooks/:webhookId/deliveries (newest first; `?status=` and `?limit=` up to 500).
 *
 * This interface was referenced by `CareloomApi`'s JSON-Schema
 * via the `definition` "WebhookDeliveryList".
 */
export interface WebhookDeliveryList {
  deliveries: WebhookDelivery[];
}

/** Every definition of the API schemas by name: `ApiDefinitions['Session']` is the type of `#/$defs/Session`. */
export interface ApiDefinitions {
  Role: Role;
  AssignableRoles: AssignableRoles;
  OrganisationKind: OrganisationKind;
  PersonView: PersonView;
  UnitRole: UnitRole;
  SessionMembership: SessionMembership;
  Session: Session;
  SessionProbe: SessionProbe;
  RoleNames: RoleNames;
  MyOrganisation: MyOrganisation;
  MyOrganisations: MyOrganisations;
  Member: Member;
  Members: Members;
  LoginBody: LoginBody;
  ChangePasswordBody: ChangePasswordBody;
  Email: Email;
  Password: Password;
  InvitationToken: InvitationToken;
  InviteBody: InviteBody;
  InvitationTokenBody: InvitationTokenBody;
  JoinBody: JoinBody;
  SetRolesBody: SetRolesBody;
  MemberInvitation: MemberInvitation;
  MemberInvitations: MemberInvitations;
  InvitationPreview: InvitationPreview;
  AcceptedInvitation: AcceptedInvitation;
  JoinedInvitation: JoinedInvitation;
  DocumentKind: DocumentKind;
  ReleaseLevel: ReleaseLevel;
  VersionState: VersionState;
  WorkflowAction: WorkflowAction;
  Issue: Issue;
  DocumentChange: DocumentChange;
  ReleaseClass: ReleaseClass;
  LatestVersion: LatestVersion;
  DocumentSummary: DocumentSummary;
  DocumentList: DocumentList;
  DocumentDetail: DocumentDetail;
  CreateDocumentInput: CreateDocumentInput;
  DraftView: DraftView;
  ModulePin: ModulePin;
  ReleaseView: ReleaseView;
  TransitionView: TransitionView;
  VersionView: VersionView;
  VersionList: VersionList;
  VersionRef: VersionRef;
  DiffView: DiffView;
  SubmitBody: SubmitBody;
  TransitionInput: TransitionInput;
  CommentInput: CommentInput;
  CommentRecord: CommentRecord;
  CommentThread: CommentThread;
  CommentThreads: CommentThreads;
  TestEnrollmentView: TestEnrollmentView;
  CatalogEntry: CatalogEntry;
  CatalogVersion: CatalogVersion;
  Catalog: Catalog;
  ExampleSummary: ExampleSummary;
  ExampleList: ExampleList;
  ExampleDocument: ExampleDocument;
  FhirImportBody: FhirImportBody;
  ImportNote: ImportNote;
  FhirImportView: FhirImportView;
  Module: Module;
  ResponseDocument: ResponseDocument;
  AnswerValue: AnswerValue;
  Answers: Answers;
  Zone: Zone;
  ZoneLevel: ZoneLevel;
  Text: Text;
  Id: Id;
  Problem: Problem;
  PersonRef: PersonRef;
  Message: Message;
  MessageList: MessageList;
  UnitSettings: UnitSettings;
  UnitSettingsChange: UnitSettingsChange;
  EmailOrNone: EmailOrNone;
  PhoneOrNone: PhoneOrNone;
  EnrollmentStatus: EnrollmentStatus;
  ModuleState: ModuleState;
  MyEnrollment: MyEnrollment;
  MyEnrollments: MyEnrollments;
  DueItem: DueItem;
  NewModule: NewModule;
  Today: Today;
  ProgramModule: ProgramModule;
  Program: Program;
  Progress: Progress;
  ScoreResult: ScoreResult;
  ZoneResult: ZoneResult;
  RecordedResponse: RecordedResponse;
  InstrumentChart: InstrumentChart;
  FieldChart: FieldChart;
  ChartGoal: ChartGoal;
  RegistrationChart: RegistrationChart;
  Charts: Charts;
  PlanCondition: PlanCondition;
  PlanRule: PlanRule;
  Plan: Plan;
  PlanList: PlanList;
  Unit: Unit;
  UnitList: UnitList;
  Deployment: Deployment;
  DeploymentList: DeploymentList;
  PatientRow: PatientRow;
  LatestScore: LatestScore;
  PatientList: PatientList;
  OutboxMessage: OutboxMessage;
  Outbox: Outbox;
  PatientInvitation: PatientInvitation;
  Enrollment: Enrollment;
  EnrolledPatient: EnrolledPatient;
  AcceptedEnrollment: AcceptedEnrollment;
  AlertFields: AlertFields;
  AlertAction: AlertAction;
  AcknowledgeAlertInput: AcknowledgeAlertInput;
  AlertDetails: AlertDetails;
  Alert: Alert;
  AlertList: AlertList;
  EnrollmentDetail: EnrollmentDetail;
  StoredResponse: StoredResponse;
  ResponseList: ResponseList;
  InstrumentOutcome: InstrumentOutcome;
  UnitReport: UnitReport;
  ReferralContact: ReferralContact;
  ContactEmail: ContactEmail;
  Referral: Referral;
  ReferralList: ReferralList;
  IntakeForm: IntakeForm;
  IntakeReceipt: IntakeReceipt;
  CreateUnitBody: CreateUnitBody;
  UpdateUnitBody: UpdateUnitBody;
  DeployBody: DeployBody;
  EnrollBody: EnrollBody;
  EnrollmentStatusBody: EnrollmentStatusBody;
  PlanRuleInput: PlanRuleInput;
  PlanBody: PlanBody;
  MessageBody: MessageBody;
  AcceptReferralBody: AcceptReferralBody;
  RedeemBody: RedeemBody;
  AcceptInvitationBody: AcceptInvitationBody;
  IntakeBody: IntakeBody;
  ResponseBody: ResponseBody;
  ApiTokenScope: ApiTokenScope;
  ApiToken: ApiToken;
  ApiTokenList: ApiTokenList;
  CreatedApiToken: CreatedApiToken;
  CreateApiTokenBody: CreateApiTokenBody;
  AuditEntryView: AuditEntryView;
  AuditPage: AuditPage;
  ReviewRead: ReviewRead;
  AuditReview: AuditReview;
  PatientExport: PatientExport;
  StoredRows: StoredRows;
  PurgeBody: PurgeBody;
  PurgeResult: PurgeResult;
  MyReads: MyReads;
  MediaFile: MediaFile;
  MediaUse: MediaUse;
  MediaList: MediaList;
  MediaUpload: MediaUpload;
  OidcStatus: OidcStatus;
  OidcApp: OidcApp;
  OidcStartBody: OidcStartBody;
  OidcStartView: OidcStartView;
  OidcLogoutView: OidcLogoutView;
  LinkedIdentity: LinkedIdentity;
  LinkedIdentityList: LinkedIdentityList;
  NoticeSettings: NoticeSettings;
  PatientNotice: PatientNotice;
  PatientOutreach: PatientOutreach;
  StaffNoticeBody: StaffNoticeBody;
  StaffNotice: StaffNotice;
  StaffNoticeList: StaffNoticeList;
  PatientSchedule: PatientSchedule;
  ScheduleChangeBody: ScheduleChangeBody;
  ResearchExportDocuments: ResearchExportDocuments;
  ResearchExportManifest: ResearchExportManifest;
  SecondFactorCodeBody: SecondFactorCodeBody;
  SecondFactorStatus: SecondFactorStatus;
  SecondFactorEnrolment: SecondFactorEnrolment;
  SecondFactorConfirmed: SecondFactorConfirmed;
  SecondFactorPolicy: SecondFactorPolicy;
  SecondFactorPolicyBody: SecondFactorPolicyBody;
  StaffDirectory: StaffDirectory;
  ResponsibleTherapists: ResponsibleTherapists;
  PasswordResetRequestBody: PasswordResetRequestBody;
  PasswordResetCompleteBody: PasswordResetCompleteBody;
  Health: Health;
  OpenApiDocument: OpenApiDocument;
  VersionRelease: VersionRelease;
  ModuleTitle: ModuleTitle;
  VersionChanges: VersionChanges;
  NotCarried: NotCarried;
  VersionUpdate: VersionUpdate;
  VersionUpdates: VersionUpdates;
  MoveDeploymentBody: MoveDeploymentBody;
  DeploymentMoveResult: DeploymentMoveResult;
  VersionMove: VersionMove;
  EnrollmentVersions: EnrollmentVersions;
  MoveEnrollmentBody: MoveEnrollmentBody;
  WebhookEventType: WebhookEventType;
  WebhookSubscription: WebhookSubscription;
  CreateWebhookBody: CreateWebhookBody;
  UpdateWebhookBody: UpdateWebhookBody;
  CreatedWebhook: CreatedWebhook;
  RotatedWebhookSecret: RotatedWebhookSecret;
  WebhookList: WebhookList;
  WebhookTestQueued: WebhookTestQueued;
  WebhookDeliveryResent: WebhookDeliveryResent;
  WebhookAttempt: WebhookAttempt;
  WebhookDelivery: WebhookDelivery;
  WebhookDeliveryList: WebhookDeliveryList;
}
