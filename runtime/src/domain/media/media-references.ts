import { pointerSegment, type Issue } from '@careloom/format';

/** One place in a document that names a media library file by its URL. */
export interface MediaReference {
  /** The library (publishing organisation) the URL names. */
  organisationId: string;
  sha256: string;
  extension: string;
  /** JSON pointer of the string that holds the URL. */
  path: string;
  /** The block it sits in (the nearest object with a `type` and an `id`), for the designer's words. */
  block?: { id: string; type: string };
}

// A library URL, relative or absolute: /api/media/<organisation>/<sha256>.<extension>. The
// organisation is URL-encoded in it (mediaUrl in media-service.ts).
const MEDIA_URL = /\/api\/media\/([^/?#\s"']+)\/([0-9a-f]{64})\.([a-z0-9]{2,5})/g;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Every media library URL in a document (any string anywhere: a block's `src`, a caption track, a
 * poster, a link in rich text), with the block that holds it.
 *
 * @example
 * mediaReferences({ pages: [{ blocks: [{ type: 'audio', id: 'pacer', src: '/api/media/org-a/<64 hex>.mp3' }] }] });
 * // [{ organisationId: 'org-a', sha256: '<64 hex>', extension: 'mp3', path: '/pages/0/blocks/0/src', block: { id: 'pacer', type: 'audio' } }]
 */
export function mediaReferences(content: unknown): MediaReference[] {
  const found: MediaReference[] = [];
  const walk = (value: unknown, path: string, block: MediaReference['block']): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(MEDIA_URL)) {
        found.push({ organisationId: decode(match[1]!), sha256: match[2]!, extension: match[3]!, path, ...(block ? { block } : {}) });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}/${index}`, block));
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const here = typeof record['type'] === 'string' && typeof record['id'] === 'string' ? { id: record['id'], type: record['type'] } : block;
      for (const [key, item] of Object.entries(record)) walk(item, `${path}/${pointerSegment(key)}`, here);
    }
  };
  walk(content, '', undefined);
  return found;
}

/**
 * The places where a document names a file of another organisation's media library. A module may
 * use only its own organisation's library: another library's file is served only to those who may
 * see a module of *that* organisation (media-access.ts), so the patients of this module would get a
 * missing picture, recording or film; and it must not become a way to publish another
 * organisation's files. `pathPrefix` places the paths inside a larger body (a program's module).
 *
 * @example
 * foreignMediaIssues(module, 'org-a'); // [{ code: 'media.other_organisation', path: '/pages/0/blocks/2/src', message: 'Block "pacer" (audio) …' }]
 */
export function foreignMediaIssues(content: unknown, organisationId: string, options: { moduleId?: string; pathPrefix?: string } = {}): Issue[] {
  return mediaReferences(content)
    .filter((reference) => reference.organisationId !== organisationId)
    .map((reference) => {
      const where = reference.block ? `Block "${reference.block.id}" (${reference.block.type})` : 'The document';
      const inModule = options.moduleId !== undefined ? ` of module "${options.moduleId}"` : '';
      const message = `${where}${inModule} points at a file in another organisation's media library ("${reference.organisationId}"). A module can only use its own organisation's media: upload the file to your library and choose it there.`;
      return {
        code: 'media.other_organisation',
        path: `${options.pathPrefix ?? ''}${reference.path}`,
        message,
        params: { library: reference.organisationId, ...(reference.block ? { blockId: reference.block.id, blockType: reference.block.type } : {}), ...(options.moduleId !== undefined ? { moduleId: options.moduleId } : {}) },
      };
    });
}
