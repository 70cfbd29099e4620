import type { TransitionView as WireTransitionView } from '@careloom/format/api';
import type { ReleaseView as WireReleaseView } from '@careloom/format/api';
import type { Role } from '../principal.js';
import type { VersionState, WorkflowAction } from './workflow.js';
import type { DocumentKind, ReleaseLevel, DocumentSummary, CommentRecord } from '@careloom/format/api';
export type { DocumentKind, ReleaseLevel, DocumentSummary, CommentRecord };

/**
 * What the authoring service needs from storage. Every write is one atomic method with an intent
 * name that also writes its audit row; the service computes everything (validation, hash, diff,
 * the next state) first and then calls exactly one of them. Reads return plain records.
 */

/** One audit_log row, written in the same transaction as the change it describes. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorRole: Role | null;
  action: string;
  objectType: string;
  objectId: string;
  organisationId: string;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface DocumentRecord {
  id: string;
  organisationId: string;
  kind: DocumentKind;
  title: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The catalog pointer: the version new deployments get. */
  releasedVersion: number | null;
}

export interface VersionRecord {
  documentId: string;
  number: number;
  /** The canonical JSON text the hash was taken of. */
  canonical: string;
  contentHash: string;
  changeNote: string;
  authoredBy: string;
  /** The author's display name, read with the version so the history need not look people up (absent: not looked up). */
  authoredByName?: string | null;
  contributors: string[];
  /** The last draft update included in this version; contributors of the next version count from here. */
  draftSeq: number;
  createdAt: string;
  state: VersionState;
  stateChangedAt: string;
  stateChangedBy: string;
  release: ReleaseRecord | null;
}

/** A release as stored and as shown: the wire type (schemas/json/api/authoring.schema.json). */
export type ReleaseRecord = WireReleaseView;

/** A workflow step as stored and as shown: the wire type. */
export type TransitionRecord = WireTransitionView;

export interface TestEnrollmentRecord {
  id: string;
  documentId: string;
  versionNumber: number;
  organisationId: string;
  createdBy: string;
  createdAt: string;
}

export interface CatalogEntry {
  document: DocumentRecord;
  /** Released and retired versions, newest first. */
  versions: VersionRecord[];
}

export interface NewVersion {
  documentId: string;
  canonical: string;
  contentHash: string;
  changeNote: string;
  authoredBy: string;
  contributors: string[];
  draftSeq: number;
  title: string;
  at: string;
}

export interface StateChange {
  documentId: string;
  number: number;
  /** Compare-and-set: the change only applies if the version is still in this state. */
  expectedState: VersionState;
  action: WorkflowAction;
  to: VersionState;
  actorId: string;
  at: string;
  note: string | null;
}

/** A version whose state changed under us: the caller re-reads and reports a conflict. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; reason: 'stale' | 'missing' | 'exists' };

export interface AuthoringStore {
  /** Inserts the document and its draft's first update. `exists` when the id is taken. */
  createDocument(input: { document: DocumentRecord; draftUpdate: Uint8Array; audit: AuditEntry }): Promise<WriteResult<DocumentRecord>>;
  getDocument(id: string): Promise<DocumentRecord | undefined>;
  listDocuments(organisationIds: readonly string[]): Promise<DocumentSummary[]>;
  getDocumentSummary(id: string): Promise<DocumentSummary | undefined>;
  /** Stores the next numbered version (1, 2, …) in state `submitted` with its first transition. */
  appendVersion(input: { version: NewVersion; audit: (number: number) => AuditEntry }): Promise<VersionRecord>;
  listVersions(documentId: string): Promise<VersionRecord[]>;
  getVersion(documentId: string, number: number): Promise<VersionRecord | undefined>;
  listTransitions(documentId: string, number: number): Promise<TransitionRecord[]>;
  /** Moves a version to its next state; `releasedVersion` (when given) moves the catalog pointer too, e.g. off a retired version. */
  transitionVersion(input: { change: StateChange; releasedVersion?: number | null; audit: AuditEntry }): Promise<WriteResult<VersionRecord>>;
  /** Moves a version to `released`, records the release and flips the catalog pointer to it. */
  releaseVersion(input: { change: StateChange; release: ReleaseRecord; audit: AuditEntry }): Promise<WriteResult<VersionRecord>>;
  addComment(input: { comment: Omit<CommentRecord, 'authorName'>; audit: AuditEntry }): Promise<CommentRecord>;
  getComment(id: string): Promise<CommentRecord | undefined>;
  listComments(documentId: string): Promise<CommentRecord[]>;
  setCommentResolved(input: { id: string; resolved: { at: string; by: string } | null; audit: AuditEntry }): Promise<CommentRecord>;
  createTestEnrollment(input: { enrollment: TestEnrollmentRecord; audit: AuditEntry }): Promise<TestEnrollmentRecord>;
  getTestEnrollment(id: string): Promise<TestEnrollmentRecord | undefined>;
  /** Documents with a released (or retired) version, of the given organisations or of all. */
  listCatalog(organisationIds: readonly string[] | 'all'): Promise<CatalogEntry[]>;
}

/** What the service reads of the live draft (the collaboration server's update log). */
export interface DraftUpdates {
  loadUpdates(document: string): Promise<{ updates: Uint8Array[]; lastSeq: number }>;
  /** People who changed the draft after update `afterSeq` (as far as the log records who). */
  contributorsSince(document: string, afterSeq: number): Promise<string[]>;
}

/** The example library (examples/modules, examples/programs). */
export interface ExampleLibrary {
  list(): Promise<Array<{ kind: DocumentKind; name: string }>>;
  get(kind: DocumentKind, name: string): Promise<unknown>;
}
