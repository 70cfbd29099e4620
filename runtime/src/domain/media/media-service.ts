import type { AuditContext } from '../accounts/accounts-store.js';
import { AUTHORING_ROLES, rolesIn } from '../authoring/policy.js';
import type { CareContext } from '../care/care-deps.js';
import type { CareStore } from '../care/ports.js';
import type { MediaUse as MediaUseView } from '@careloom/format/api';
import type { DraftCodec } from '../authoring/draft-codec.js';
import type { DraftUpdates } from '../authoring/ports.js';
import { DomainError } from '../errors.js';
import type { Principal, Role } from '../principal.js';
import { createMediaAccess } from './media-access.js';
import { BodyTooLarge, type MediaBodies } from './media-bodies.js';
import type { MediaKind, MediaRecord, MediaStore } from './media-store.js';
import { sniffMedia } from './media-types.js';
import { createMediaUses } from './media-uses.js';

/** What a designer sees of a library file. */
export interface MediaView {
  sha256: string;
  /** Where modules point at it: content-addressed, so it never changes and may be cached for ever. */
  url: string;
  name: string;
  kind: MediaKind;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  /** In the library list: the submitted versions and the drafts that name it, with the blocks that do. */
  uses?: MediaUseView[];
}

export interface MediaServiceDeps {
  store: MediaStore;
  bodies: MediaBodies;
  care: Pick<CareStore, 'listEnrollmentsOfPatient' | 'listDeployments' | 'listUnits'>;
  /** The drafts' stored updates and the codec that reads them: a file a draft names is in use too (media-uses.ts). */
  drafts: Pick<DraftUpdates, 'loadUpdates'>;
  codec: Pick<DraftCodec, 'decode'>;
  /** The largest body accepted, in bytes (CARELOOM_MEDIA_MAX_BYTES). */
  maxBytes: number;
  now: () => Date;
}

/** A library file as modules name it: `/api/media/<organisation>/<sha256>.<extension>`. */
export function mediaUrl(media: Pick<MediaRecord, 'organisationId' | 'sha256' | 'extension'>): string {
  return `/api/media/${encodeURIComponent(media.organisationId)}/${media.sha256}.${media.extension}`;
}

const FILE_NAME = /^([0-9a-f]{64})\.([a-z0-9]{2,5})$/;
const NO_SUCH_FILE = 'There is no such media file, or you may not see it.';
const NO_SUCH_LIBRARY = 'There is no such media library, or you are not a member of its organisation.';

const view = (media: MediaRecord): MediaView => ({
  sha256: media.sha256,
  url: mediaUrl(media),
  name: media.name,
  kind: media.kind,
  mediaType: media.mediaType,
  sizeBytes: media.sizeBytes,
  uploadedAt: media.uploadedAt,
});

/** The file name a designer gave, for the library list only: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 200);
  return clean === '' ? 'file' : clean;
}

/** How often a removal reads the drafts again when one changed between the reading and the removal. */
const MAX_REMOVAL_ATTEMPTS = 3;

/** The refusal of a removal, naming where the file is used as the designer knows those places (titles, versions, drafts, blocks). */
function inUse(uses: readonly MediaUseView[]): DomainError {
  const place = (use: MediaUseView) => {
    const blocks = use.blocks.length === 0 ? '' : ` (${use.blocks.length === 1 ? 'block' : 'blocks'} ${use.blocks.map((block) => `"${block}"`).join(', ')})`;
    return use.version === undefined ? `the draft of "${use.title}"${blocks}` : `version ${use.version} of "${use.title}"${blocks}`;
  };
  const drafts = uses.filter((use) => use.version === undefined);
  const why = drafts.length === uses.length
    ? 'Choose another file in the draft, or remove the block, first; then the file can be removed.'
    : 'A submitted version never changes, so the file stays in the library.';
  // One issue per place; the detail says it all in words.
  return new DomainError('conflict', `The file is used by ${uses.map(place).join(', ')}. ${why}`, {
    issues: uses.map((use) => ({
      code: use.version === undefined ? 'media.in_use_by_draft' : 'media.in_use_by_version',
      path: '',
      message: `Used by ${place(use)}.`,
    })),
  });
}

function humanBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/**
 * The media libraries of publishing organisations: designers upload images, audio, films and
 * WebVTT captions; modules name a file by its content-addressed URL; whoever may see a module that
 * names a file may read it (media-access.ts). Uploads stream to disk (`MediaBodies`) and are typed
 * by their bytes; every upload and deletion is audited by the store in the write's transaction.
 *
 * A body is written to its place before the library row that names it commits, and removed only
 * after the last row naming it is gone; the per-hash queue below keeps an upload and a deletion of
 * the same body in this process from crossing (keep → add against delete → remove).
 */
export function createMediaService(deps: MediaServiceDeps) {
  const access = createMediaAccess({ store: deps.store, care: deps.care, now: deps.now });
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = async <T>(sha256: string, work: () => Promise<T>): Promise<T> => {
    const before = queues.get(sha256) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(sha256, settled);
    try {
      return await run;
    } finally {
      if (queues.get(sha256) === settled) queues.delete(sha256);
    }
  };

  const member = (context: CareContext, organisationId: string, allowed: readonly Role[], action: string): { principal: Principal; role: Role } => {
    const principal = context.principal;
    if (!principal) throw new DomainError('unauthenticated', 'Sign in to use the media library.');
    const roles = rolesIn(principal, organisationId);
    const role = allowed.find((candidate) => roles.includes(candidate));
    if (role) return { principal, role };
    if (!roles.some((candidate) => AUTHORING_ROLES.includes(candidate))) throw new DomainError('not_found', NO_SUCH_LIBRARY);
    throw new DomainError('forbidden', `Only the organisation's designers may ${action} its media library.`);
  };
  const auditOf = (context: CareContext, principal: Principal, role: Role): AuditContext => ({
    at: deps.now().toISOString(),
    actorId: principal.personId,
    actorRole: role,
    ...(context.ip ? { ip: context.ip } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
  });
  const parseFile = (file: string): { sha256: string; extension: string } => {
    const match = FILE_NAME.exec(file);
    if (!match) throw new DomainError('not_found', NO_SUCH_FILE);
    return { sha256: match[1]!, extension: match[2]! };
  };

  const uses = createMediaUses({ store: deps.store, drafts: deps.drafts, codec: deps.codec });

  return {
    maxBytes: deps.maxBytes,

    /**
     * The library, newest first, for its organisation's designers, publishers and testers, each
     * file with the submitted module versions, drafts and blocks that use it (such a file cannot be
     * removed). A constant number of queries however many files the library holds (media-uses.ts).
     */
    async list(context: CareContext, organisationId: string): Promise<MediaView[]> {
      member(context, organisationId, AUTHORING_ROLES, 'read');
      const files = await deps.store.listMedia(organisationId);
      const found = await uses.ofLibrary(organisationId, files.map((media) => media.sha256));
      return files.map((media) => ({ ...view(media), uses: found.byFile.get(media.sha256) ?? [] }));
    },

    /**
     * Stores an uploaded file. Refused before a byte is read for anyone but the organisation's
     * designers, and for a declared length over the limit; a body that passes the limit while
     * streaming is cut off (413 naming the limit); a type other than the accepted images, audio,
     * films and WebVTT, found in the bytes, is refused (415) and nothing is kept.
     */
    async upload(context: CareContext, organisationId: string, input: { body: AsyncIterable<Uint8Array>; declaredBytes?: number; name?: string }): Promise<{ media: MediaView; created: boolean }> {
      const { principal, role } = member(context, organisationId, ['designer'], 'add to');
      const tooLarge = () => new DomainError('payload_too_large', `The file is larger than the media library's limit of ${humanBytes(deps.maxBytes)} (${deps.maxBytes} bytes).`, { limitBytes: deps.maxBytes });
      if (input.declaredBytes !== undefined && input.declaredBytes > deps.maxBytes) throw tooLarge();
      let received;
      try {
        received = await deps.bodies.receive(input.body, { maxBytes: deps.maxBytes });
      } catch (error) {
        if (error instanceof BodyTooLarge) throw tooLarge();
        throw error;
      }
      try {
        if (received.sizeBytes === 0) throw new DomainError('bad_request', 'The file is empty.');
        const type = await sniffMedia(received.head);
        if (!type.ok) {
          throw new DomainError('unsupported_media_type', type.reason === 'svg'
            ? 'SVG images are not accepted: an SVG can carry scripts. Save the picture as PNG or WebP.'
            : 'This kind of file is not accepted. The media library takes images (PNG, JPEG, WebP, GIF, AVIF), audio (MP3, M4A, Ogg, Opus, WAV, FLAC), films (MP4, WebM) and captions (WebVTT).');
        }
        if (type.kind === 'captions' && !received.utf8) throw new DomainError('unsupported_media_type', 'The captions file is not UTF-8 text. Save the WebVTT file as UTF-8.');
        const record: MediaRecord = {
          organisationId,
          sha256: received.sha256,
          mediaType: type.mediaType,
          kind: type.kind,
          extension: type.extension,
          sizeBytes: received.sizeBytes,
          name: cleanFileName(input.name),
          uploadedBy: principal.personId,
          uploadedAt: deps.now().toISOString(),
        };
        const body = received;
        const stored = await oneAtATime(record.sha256, async () => {
          await body.keep();
          return deps.store.addMedia({ media: record, audit: auditOf(context, principal, role) });
        });
        return { media: view(stored.media), created: stored.created };
      } finally {
        await received.discard();
      }
    },

    /**
     * Removes a file no submitted version and no draft names; the body goes too when no other
     * library holds it. Refused (409) naming every module, version and draft that uses it. The
     * drafts are read first (media-uses.ts) and the store removes only if none changed meanwhile;
     * a draft being typed in at that moment makes it read them again, a few times at most.
     */
    async remove(context: CareContext, organisationId: string, file: string): Promise<void> {
      const { principal, role } = member(context, organisationId, ['designer'], 'remove files from');
      const { sha256 } = parseFile(file);
      await oneAtATime(sha256, async () => {
        for (let attempt = 1; ; attempt += 1) {
          if (!(await deps.store.getMedia(organisationId, sha256))) throw new DomainError('not_found', NO_SUCH_FILE);
          const found = await uses.ofLibrary(organisationId, [sha256]);
          const using = found.byFile.get(sha256) ?? [];
          if (using.length > 0) throw inUse(using);
          const result = await deps.store.deleteMedia({ organisationId, sha256, audit: auditOf(context, principal, role), draftsAsOf: found.drafts });
          if (result.deleted) {
            if (!result.remainingElsewhere) await deps.bodies.remove(sha256);
            return;
          }
          if (result.reason === 'missing') throw new DomainError('not_found', NO_SUCH_FILE);
          if (result.reason === 'in_use') throw inUse((await uses.ofLibrary(organisationId, [sha256])).byFile.get(sha256) ?? []);
          if (attempt === MAX_REMOVAL_ATTEMPTS) throw new DomainError('conflict', 'The file was not removed: the drafts of this organisation kept changing while it was checked whether one uses it. Try again in a moment.');
        }
      });
    },

    /**
     * A file for whoever may see a module that names it (media-access.ts); `not_found` for anyone
     * else, whether or not it exists.
     */
    async open(context: CareContext, organisationId: string, file: string): Promise<{ media: MediaRecord; sizeBytes: number; read: MediaBodies['read'] }> {
      if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to see this file.');
      const { sha256, extension } = parseFile(file);
      if (!(await access.mayRead(context.principal, organisationId, sha256))) throw new DomainError('not_found', NO_SUCH_FILE);
      const media = await deps.store.getMedia(organisationId, sha256);
      if (!media || media.extension !== extension) throw new DomainError('not_found', NO_SUCH_FILE);
      const sizeBytes = await deps.bodies.size(sha256);
      if (sizeBytes === undefined) throw new DomainError('unavailable', 'The file is listed but its content is missing from the media folder.');
      return { media, sizeBytes, read: (sha, range) => deps.bodies.read(sha, range) };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
