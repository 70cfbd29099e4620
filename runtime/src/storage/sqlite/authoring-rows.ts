import type { CommentRecord, DocumentRecord, DocumentSummary, ReleaseRecord, TransitionRecord, VersionRecord } from '../../domain/authoring/ports.js';
import type { VersionState } from '../../domain/authoring/workflow.js';

/* Row shapes of the authoring tables (migrations/003-authoring.sql) and their mapping to domain
   records, shared by the SQLite and PostgreSQL stores. */

export interface DocumentRow {
  id: string;
  organisation_id: string;
  kind: 'module' | 'program';
  title: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  released_version: number | null;
}

export interface SummaryRow extends DocumentRow {
  latest_number: number | null;
  latest_state: VersionState | null;
  last_editor: string | null;
  last_editor_name: string | null;
  last_edit_at: string | null;
}

export interface VersionRow {
  module_id: string;
  number: number;
  content: string;
  content_hash: string;
  change_note: string;
  authored_by: string;
  author_name: string | null;
  contributors: string;
  draft_seq: number;
  created_at: string;
  state: VersionState;
  changed_at: string;
  changed_by: string;
  released_at: string | null;
  released_by: string | null;
  release_class: ReleaseRecord['releaseClass'] | null;
  suggested_class: ReleaseRecord['suggestedClass'] | null;
  release_notes: string | null;
  pins: string | null;
}

export interface TransitionRow {
  module_id: string;
  number: number;
  action: TransitionRecord['action'];
  from_state: VersionState | null;
  to_state: VersionState;
  actor_id: string;
  at: string;
  note: string | null;
}

export interface CommentRow {
  id: string;
  module_id: string;
  version_number: number | null;
  anchor: string | null;
  parent_id: string | null;
  author_id: string;
  author_name: string | null;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface EnrollmentRow {
  id: string;
  module_id: string;
  version_number: number;
  organisation_id: string;
  created_by: string;
  created_at: string;
}

export function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    title: row.title,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    releasedVersion: row.released_version,
  };
}

export function toSummary(row: SummaryRow): DocumentSummary {
  const lastEditedAt = row.last_edit_at !== null && row.last_edit_at > row.updated_at ? row.last_edit_at : row.updated_at;
  return {
    ...toDocument(row),
    latestVersion: row.latest_number !== null && row.latest_state !== null ? { number: row.latest_number, state: row.latest_state } : null,
    lastEditedBy: row.last_editor ?? row.created_by,
    lastEditedByName: row.last_editor_name,
    lastEditedAt,
  };
}

export function toVersion(row: VersionRow): VersionRecord {
  return {
    documentId: row.module_id,
    number: row.number,
    canonical: row.content,
    contentHash: row.content_hash,
    changeNote: row.change_note,
    authoredBy: row.authored_by,
    authoredByName: row.author_name,
    contributors: JSON.parse(row.contributors) as string[],
    draftSeq: row.draft_seq,
    createdAt: row.created_at,
    state: row.state,
    stateChangedAt: row.changed_at,
    stateChangedBy: row.changed_by,
    release:
      row.released_at !== null
        ? {
            releasedAt: row.released_at,
            releasedBy: row.released_by as string,
            releaseClass: row.release_class as ReleaseRecord['releaseClass'],
            suggestedClass: row.suggested_class as ReleaseRecord['suggestedClass'],
            releaseNotes: row.release_notes as string,
            pins: JSON.parse(row.pins as string) as ReleaseRecord['pins'],
          }
        : null,
  };
}

export function toTransition(row: TransitionRow): TransitionRecord {
  return { documentId: row.module_id, number: row.number, action: row.action, from: row.from_state, to: row.to_state, actorId: row.actor_id, at: row.at, note: row.note };
}

export function toComment(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    documentId: row.module_id,
    versionNumber: row.version_number,
    anchor: row.anchor,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}
