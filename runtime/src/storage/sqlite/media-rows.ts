import type { DraftState, MediaKind, MediaRecord, MediaUse } from '../../domain/media/media-store.js';

/** A media_files row (SQLite and PostgreSQL alike; PostgreSQL's BIGINT size arrives as a string). */
export interface MediaRow {
  organisation_id: string;
  sha256: string;
  media_type: string;
  kind: string;
  extension: string;
  size_bytes: number | string;
  name: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface MediaUseRow {
  module_id: string;
  number: number;
  state: string | null;
}

export const toMedia = (row: MediaRow): MediaRecord => ({
  organisationId: row.organisation_id,
  sha256: row.sha256,
  mediaType: row.media_type,
  kind: row.kind as MediaKind,
  extension: row.extension,
  sizeBytes: Number(row.size_bytes),
  name: row.name,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
});

export const toMediaUse = (row: MediaUseRow): MediaUse => ({ moduleId: row.module_id, version: Number(row.number), state: row.state ?? 'submitted' });

export const mediaParams = (media: MediaRecord) => [media.organisationId, media.sha256, media.mediaType, media.kind, media.extension, media.sizeBytes, media.name, media.uploadedBy, media.uploadedAt] as const;

export const MEDIA_INSERT_COLUMNS = 'organisation_id, sha256, media_type, kind, extension, size_bytes, name, uploaded_by, uploaded_at';

/** The audit details of an upload or a deletion: the body's hash, type and size, never the file name. */
export const mediaAuditDetails = (media: MediaRecord, extra: Record<string, unknown> = {}) => ({ mediaType: media.mediaType, kind: media.kind, sizeBytes: media.sizeBytes, ...extra });

export interface DraftStateRow {
  document: string;
  kind: string;
  last_seq: number | string | null;
}

export const toDraftState = (row: DraftStateRow): DraftState => ({ document: row.document, kind: row.kind === 'program' ? 'program' : 'module', lastSeq: Number(row.last_seq ?? 0) });

/** Whether the drafts read before a removal are still as they were: none changed, none added. */
export function draftsUnchanged(before: readonly DraftState[], now: readonly DraftState[]): boolean {
  const seen = new Map(before.map((draft) => [draft.document, draft.lastSeq]));
  return now.every((draft) => seen.get(draft.document) === draft.lastSeq);
}

/** The library URL prefix every version naming a library file holds (media-references.ts). */
export const MEDIA_URL_MARK = '/api/media/';
