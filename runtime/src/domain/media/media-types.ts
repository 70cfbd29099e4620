import type { MediaKind } from './media-store.js';

/** How many leading bytes the type is decided on (file-type needs at most 4100; MP4 boxes may sit a little later). */
export const SNIFF_BYTES = 64 * 1024;

/** A type the library accepts: what file-type names it, what it is served as, its URL extension and kind. */
interface Accepted {
  mediaType: string;
  extension: string;
  kind: MediaKind;
}

/**
 * The types a patient's phone browser plays or shows, keyed by the MIME type file-type reads from
 * the bytes. SVG is not among them: an SVG is a document that can carry scripts and links, and a
 * sanitiser would have to be trusted with every patient's session; a PNG or WebP does the same job.
 */
const ACCEPTED: Readonly<Record<string, Accepted>> = {
  'image/png': { mediaType: 'image/png', extension: 'png', kind: 'image' },
  'image/jpeg': { mediaType: 'image/jpeg', extension: 'jpg', kind: 'image' },
  'image/webp': { mediaType: 'image/webp', extension: 'webp', kind: 'image' },
  'image/gif': { mediaType: 'image/gif', extension: 'gif', kind: 'image' },
  'image/avif': { mediaType: 'image/avif', extension: 'avif', kind: 'image' },
  'audio/mpeg': { mediaType: 'audio/mpeg', extension: 'mp3', kind: 'audio' },
  'audio/x-m4a': { mediaType: 'audio/mp4', extension: 'm4a', kind: 'audio' },
  'audio/mp4': { mediaType: 'audio/mp4', extension: 'm4a', kind: 'audio' },
  'audio/aac': { mediaType: 'audio/aac', extension: 'aac', kind: 'audio' },
  'audio/ogg': { mediaType: 'audio/ogg', extension: 'ogg', kind: 'audio' },
  'audio/ogg; codecs=opus': { mediaType: 'audio/ogg', extension: 'opus', kind: 'audio' },
  'audio/opus': { mediaType: 'audio/ogg', extension: 'opus', kind: 'audio' },
  'audio/wav': { mediaType: 'audio/wav', extension: 'wav', kind: 'audio' },
  'audio/flac': { mediaType: 'audio/flac', extension: 'flac', kind: 'audio' },
  'audio/x-flac': { mediaType: 'audio/flac', extension: 'flac', kind: 'audio' },
  'video/mp4': { mediaType: 'video/mp4', extension: 'mp4', kind: 'video' },
  'video/webm': { mediaType: 'video/webm', extension: 'webm', kind: 'video' },
};

const WEBVTT: Accepted = { mediaType: 'text/vtt; charset=utf-8', extension: 'vtt', kind: 'captions' };

/** Every URL extension the library serves, for the routes to recognise a file name. */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set([...Object.values(ACCEPTED).map((type) => type.extension), WEBVTT.extension]);

export type SniffResult = ({ ok: true } & Accepted) | { ok: false; reason: 'svg' | 'unknown'; found?: string };

/**
 * Decides a file's type from its first bytes (`SNIFF_BYTES` or the whole file if shorter), never
 * from its name or the type the client declared. WebVTT is text, which file-type does not name: it
 * is recognised by its required signature (an optional BOM, `WEBVTT`, then a space, tab or line end);
 * the upload also checks that the whole file is UTF-8 (`media-upload.ts`).
 *
 * @example
 * await sniffMedia(new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nHello'));
 * // { ok: true, mediaType: 'text/vtt; charset=utf-8', extension: 'vtt', kind: 'captions' }
 */
export async function sniffMedia(head: Uint8Array): Promise<SniffResult> {
  if (isWebVtt(head)) return { ok: true, ...WEBVTT };
  if (looksLikeSvg(head)) return { ok: false, reason: 'svg' };
  // Loaded with the first upload: file-type and its readers are some forty modules the start does not need.
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(head);
  if (!found) return { ok: false, reason: 'unknown' };
  const accepted = ACCEPTED[found.mime];
  return accepted ? { ok: true, ...accepted } : { ok: false, reason: 'unknown', found: found.mime };
}

function isWebVtt(head: Uint8Array): boolean {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  const signature = [0x57, 0x45, 0x42, 0x56, 0x54, 0x54]; // WEBVTT
  if (head.length < start + signature.length) return false;
  for (let index = 0; index < signature.length; index += 1) if (head[start + index] !== signature[index]) return false;
  const after = head[start + signature.length];
  // The file may be just the signature; otherwise a space, tab, CR or LF must follow it.
  return after === undefined || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d;
}

/** An SVG (or any XML that might be one), told apart so the refusal can say why. */
function looksLikeSvg(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!doctype') || text.startsWith('<!--')) && text.includes('<svg'));
}
