import type { AudioBlock, FilmBlock, Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { pointerSegment } from '../issue.js';
import { issue, listWords, quoteAll, type CheckContext } from './check-context.js';
import { placedBlocks } from './module-walk.js';

/**
 * A film or a recording can be followed without sound or sight in every language the module
 * declares: a WebVTT caption track (a `.vtt` file) per language, no language twice, and a
 * transcript with text in each language (the translation check only sees that the key is there; an
 * empty document passes it). One rule for both: a patient who cannot hear the recording needs the
 * same as one who cannot hear the film.
 */
export function checkMedia(context: CheckContext<Module>): Issue[] {
  return placedBlocks(context.doc).flatMap(({ block, path }) => (block.type === 'film' || block.type === 'audio' ? checkCaptioned(context, block, path) : []));
}

function checkCaptioned(context: CheckContext<Module>, film: FilmBlock | AudioBlock, path: string): Issue[] {
  const what = film.type === 'film' ? 'film' : 'recording';
  const issues: Issue[] = [];
  const it = context.where(path);
  const tracks = film.captions ?? [];
  const seen = new Set<string>();
  tracks.forEach((track, index) => {
    if (seen.has(track.language)) {
      issues.push(issue('media.captions_duplicate', `${path}/captions/${index}/language`, `${it} has two caption tracks in "${track.language}". Keep one per language.`, { language: track.language }));
    }
    seen.add(track.language);
    if (!/\.vtt$/i.test(track.src.replace(/[?#].*$/, ''))) {
      issues.push(issue('media.captions_not_webvtt', `${path}/captions/${index}/src`, `${it}: the "${track.language}" captions must be a WebVTT file (ending in .vtt).`, { language: track.language }));
    }
  });
  const missing = context.doc.languages.filter((language) => !seen.has(language));
  if (missing.length > 0) {
    issues.push(issue('media.captions_missing', `${path}/captions`,
      `${it} has no captions in ${listWords(quoteAll(missing))}. Add a WebVTT caption track in each of the module's languages, so the ${what} can be followed without sound.`,
      { missing }));
  }
  for (const language of context.doc.languages) {
    const transcript = film.transcript[language];
    if (transcript !== undefined && !hasText(transcript)) {
      issues.push(issue('media.transcript_empty', `${path}/transcript/${pointerSegment(language)}`,
        `${it} has an empty transcript in "${language}". Write out everything said${film.type === 'film' ? ' and shown' : ''} in the ${what}.`, { language }));
    }
  }
  return issues;
}

/** Whether a rich-text document has any non-blank text. */
function hasText(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const { text, content } = node as { text?: unknown; content?: unknown };
  if (typeof text === 'string' && text.trim() !== '') return true;
  return Array.isArray(content) && content.some(hasText);
}
