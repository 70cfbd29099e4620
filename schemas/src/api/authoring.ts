// Authoring on the wire: documents, drafts, versions, the workflow, comments, test runs and examples.
import type { DocumentChange, ReleaseClass } from '../engine/index.js';
import type { Issue } from '../issue.js';
import type { VersionState, WorkflowAction } from '../workflow/version-workflow.js';

export type { VersionState, WorkflowAction };

export type DocumentKind = 'module' | 'program';
export type ReleaseLevel = 'major' | 'minor';

/** A document in a list (GET /api/modules), with what a designer wants to see at a glance. */
export interface DocumentSummary {
  id: string;
  organisationId: string;
  kind: DocumentKind;
  title: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The catalog pointer: the version new deployments get. */
  releasedVersion: number | null;
  latestVersion: { number: number; state: VersionState } | null;
  /** Who changed the draft last (its creator until someone edits it). */
  lastEditedBy: string | null;
  lastEditedByName: string | null;
  lastEditedAt: string;
}

/** GET /api/modules/:id: the document with each version's state. */
export type DocumentDetail = DocumentSummary & { versions: Array<{ number: number; state: VersionState; allowedActions: WorkflowAction[] }> };

/** POST /api/modules: from scratch, from an example, or from an uploaded JSON document. */
export interface CreateDocumentInput {
  organisationId?: string;
  kind?: DocumentKind;
  /** The slug; defaults to the example's or upload's own "id". Required from scratch. */
  id?: string;
  /** From scratch: the title in `language`. */
  title?: string;
  language?: string;
  example?: string;
  document?: unknown;
}

/** GET /api/modules/:id/draft. */
export interface DraftView {
  document: DocumentSummary;
  content: unknown;
  /** Every problem submitting would report now. */
  issues: Issue[];
  /** The last update the snapshot includes. */
  seq: number;
}

export interface ReleaseView {
  releasedAt: string;
  releasedBy: string;
  releaseClass: ReleaseLevel;
  suggestedClass: 'major' | 'minor' | 'none';
  releaseNotes: string;
  /** For a program: the released version of each module it schedules. */
  pins: Array<{ moduleId: string; version: number }>;
}

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

/** A version as the API shows it; `content` only when one version is asked for. */
export interface VersionView {
  documentId: string;
  number: number;
  state: VersionState;
  allowedActions: WorkflowAction[];
  contentHash: string;
  changeNote: string;
  authoredBy: string;
  /** The author's name, so reviewers see who submitted (null when the account is gone). */
  authoredByName: string | null;
  contributors: string[];
  createdAt: string;
  stateChangedAt: string;
  stateChangedBy: string;
  release: ReleaseView | null;
  history?: TransitionView[];
  content?: unknown;
}

/** Which content a comment or diff side is about: a version number or the live draft. */
export type VersionRef = number | 'draft';

/** GET /api/modules/:id/diff. */
export interface DiffView {
  from: VersionRef;
  to: VersionRef;
  changes: DocumentChange[];
  suggestedClass: ReleaseClass;
}

/** POST /api/modules/:id/versions/:n/transitions. */
export interface TransitionInput {
  action: WorkflowAction;
  /** Why: a review note, the changes requested, … */
  note?: string;
  /** Required to release. */
  releaseNotes?: string;
  /** Confirms or overrides the suggested class when releasing; defaults to the suggestion. */
  releaseClass?: ReleaseLevel;
}

/** POST /api/modules/:id/comments. */
export interface CommentInput {
  body: string;
  /** A version number, or null/absent for the draft. Replies take their thread's. */
  version?: number | null;
  /** Id of a page, block or item in that content; absent for the document as a whole. */
  anchor?: string | null;
  /** Reply to this thread. */
  parentId?: string;
}

export interface CommentRecord {
  id: string;
  documentId: string;
  /** null: the comment is on the live draft. */
  versionNumber: number | null;
  /** Id of the page, block or item the thread is about; null for the document as a whole. */
  anchor: string | null;
  /** The thread's first comment, for a reply. */
  parentId: string | null;
  authorId: string;
  /** The author's display name, read with the comment. */
  authorName: string | null;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** A thread: its first comment and the replies, oldest first. */
export interface CommentThread extends CommentRecord {
  replies: CommentRecord[];
}

/** A test enrollment and exactly the content a patient enrolled on that version would get. */
export interface TestEnrollmentView {
  id: string;
  documentId: string;
  kind: DocumentKind;
  versionNumber: number;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  content: unknown;
  /** For a released program: the module versions it pins. */
  pins: ReleaseView['pins'];
}

/** An example as listed by GET /api/examples. */
export interface ExampleSummary {
  id: string;
  kind: DocumentKind;
  /** The title in the document's default language. */
  title: string;
  languages: string[];
  file: string;
  /** sha256 of the canonical JSON, the strong ETag of the document. */
  contentHash: string;
  valid: boolean;
  issueCount: number;
  issues: Issue[];
}
