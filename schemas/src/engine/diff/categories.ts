import type { ChangeCategory } from './change.js';

/** Properties holding files rather than text or logic. */
const MEDIA_PROPERTIES = new Set(['src', 'poster', 'durationSeconds', 'captions']);

/** Properties nobody answers or reads in the patient view. */
const METADATA_PROPERTIES = new Set(['$schema', 'tags', 'authors', 'targetGroup', 'estimatedMinutes', 'readingLevel', 'codes', 'code', 'licence', 'tests', 'display']);

/** Properties whose value is text the patient reads (a string, or a translation map). */
export const TEXT_PROPERTIES = new Set([
  'title', 'summary', 'prompt', 'help', 'label', 'text', 'content', 'alt', 'caption', 'credit', 'transcript', 'intro',
  'instructions', 'description', 'name', 'message', 'explanation', 'minLabel', 'maxLabel', 'yesLabel', 'noLabel',
  'green', 'yellow', 'red', 'languages', 'defaultLanguage', 'abbreviation',
]);

/** Block types whose addition or removal changes only what the patient reads or sees. */
const CONTENT_BLOCKS: Record<string, ChangeCategory> = { text: 'wording', unitContact: 'wording', image: 'media', film: 'media', audio: 'media' };

/**
 * The category of a change to a property, from the property names leading to it from the nearest
 * entity (ids and array positions left out). The first media or metadata name decides, so the
 * label of a scoring test is metadata; otherwise a text name anywhere (a translated label of an
 * option) makes it wording; everything else is logic, on the safe side of the release class.
 */
export function propertyCategory(properties: readonly string[]): ChangeCategory {
  for (const property of properties) {
    if (MEDIA_PROPERTIES.has(property)) return 'media';
    if (METADATA_PROPERTIES.has(property)) return 'metadata';
  }
  const last = properties[properties.length - 1];
  if (last !== undefined && TEXT_PROPERTIES.has(last)) return 'wording';
  if (properties.some((property) => TEXT_PROPERTIES.has(property)) && !properties.includes('when')) return 'wording';
  return 'logic';
}

/** The category of adding, removing or moving a whole entity. */
export function entityCategory(entity: string, value: unknown): ChangeCategory {
  if (entity === 'captionTrack') return 'media';
  if (entity === 'test') return 'metadata';
  if (entity === 'block') {
    const type = (value as { type?: unknown } | undefined)?.type;
    return (typeof type === 'string' && CONTENT_BLOCKS[type]) || 'logic';
  }
  if (entity === 'page') {
    const page = value as { blocks?: Array<{ type?: unknown }>; branches?: unknown[]; visibleWhen?: unknown } | undefined;
    const onlyContent = (page?.blocks ?? []).every((block) => typeof block.type === 'string' && block.type in CONTENT_BLOCKS);
    return onlyContent && !page?.branches?.length && page?.visibleWhen === undefined ? 'wording' : 'logic';
  }
  return 'logic';
}
