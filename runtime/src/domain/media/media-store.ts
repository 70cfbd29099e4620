import type { AuditContext } from '../accounts/accounts-store.js';

/** What a library file may be used for in a module: an image, audio, a film, or WebVTT captions. */
export const MEDIA_KINDS = ['image', 'audio', 'video', 'captions'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** One file in a publishing organisation's media library, as stored (the body lives in `MediaBodies`). */
export interface MediaRecord {
  organisationId: string;
  /** SHA-256 of the body (64 lower-case hex digits): its name in the body store and in its URL. */
  sha256: string;
  /** The type found in the body's own bytes (never the file name's or the client's word). */
  mediaType: string;
  kind: MediaKind;
  /** The extension of its URL, from the detected type (`mp3`, `vtt`, …). */
  extension: string;
  sizeBytes: number;
  /** The file name the designer uploaded it under, for the library list; never used to decide anything. */
  name: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A submitted module version whose content names a library file. */
export interface MediaUse {
  moduleId: string;
  version: number;
  state: string;
}

/** A submitted version that names some library URL, with its stored content (canonical JSON). */
export interface VersionNamingMedia extends MediaUse {
  content: string;
}

/**
 * The live draft of one of the organisation's modules or programs and the newest update stored
 * for it (0 when none): what tells whether a draft changed since its media references were read.
 */
export interface DraftState {
  document: string;
  kind: 'module' | 'program';
  lastSeq: number;
}

/**
 * The media libraries' metadata. Each method is one atomic operation (one transaction in SQL) that
 * writes its own audit row. Implementations: storage/sqlite/sqlite-media-store.ts,
 * storage/postgres/postgres-media-store.ts; behaviour pinned by storage/contract/media-store.contract.ts.
 */
export interface MediaStore {
  /**
   * Adds a file to an organisation's library with its `media.upload` audit row. The same body
   * uploaded again to the same library is not a second entry: the stored one is answered
   * (`created: false`) and the audit row says so.
   */
  addMedia(input: { media: MediaRecord; audit: AuditContext }): Promise<{ media: MediaRecord; created: boolean }>;
  getMedia(organisationId: string, sha256: string): Promise<MediaRecord | undefined>;
  /** The library, newest first. */
  listMedia(organisationId: string): Promise<MediaRecord[]>;
  /**
   * The submitted versions of the organisation's modules whose content names this file (its hash
   * appears in them). Submitted versions never change, so a file one of them names must stay.
   */
  usesOf(organisationId: string, sha256: string): Promise<MediaUse[]>;
  /**
   * Every submitted version of the organisation's modules whose content holds a media library URL,
   * with that content, in one query: the library list matches them against all its files at once
   * (one query per file was the list's cost before).
   */
  listVersionsNamingMedia(organisationId: string): Promise<VersionNamingMedia[]>;
  /** The drafts of the organisation's modules and programs with their newest update, in one query. */
  listDraftStates(organisationId: string): Promise<DraftState[]>;
  /**
   * Removes a file from the library with its `media.delete` audit row, unless a submitted version
   * names it (`in_use`, nothing written). `remainingElsewhere` says whether another library still
   * holds the same body (then the body must stay).
   *
   * `draftsAsOf` is the organisation's drafts as the caller read them when it found none of them
   * naming the file: if any draft has been changed (or added) since, nothing is removed
   * (`drafts_changed`), so a draft that named the file meanwhile is not left pointing at nothing.
   */
  deleteMedia(input: { organisationId: string; sha256: string; audit: AuditContext; draftsAsOf?: DraftState[] }): Promise<{ deleted: false; reason: 'missing' | 'in_use' | 'drafts_changed'; uses?: MediaUse[] } | { deleted: true; remainingElsewhere: boolean }>;
}
