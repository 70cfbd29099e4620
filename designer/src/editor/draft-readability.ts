import type { Page } from '@careloom/format';
import { measureReadability, pageText } from '@careloom/format/engine';
import type { PageReadability, ReadabilityScore, ReadingLevel } from '@careloom/format/engine';

/** Texts whose score is remembered: enough for every page of a long module in three languages. */
const REMEMBERED = 600;
const remembered = new Map<string, ReadabilityScore | undefined>();

/**
 * Each page's readability in each of the draft's languages, for the editor after every change.
 * Only the page being edited changes between two runs, so a score is remembered by its text and
 * language and the other pages cost a lookup (the segmenter is the slow part). A draft's gaps give
 * no score rather than an error.
 *
 * @example
 * draftReadability(snapshot).filter(({ pageId }) => pageId === 'welcome');
 */
export function draftReadability(snapshot: unknown): PageReadability[] {
  const record = isRecord(snapshot) ? snapshot : {};
  const languages = Array.isArray(record['languages']) ? record['languages'].filter((value): value is string => typeof value === 'string') : [];
  const pages = Array.isArray(record['pages']) ? record['pages'] : [];
  return pages.flatMap((page: unknown, pageIndex) => {
    if (!isRecord(page)) return [];
    const pageId = typeof page['id'] === 'string' ? page['id'] : '';
    return languages.map((language) => ({ pageId, pageIndex, language, score: scoreOf(pageText(page as unknown as Page, language), language) }));
  });
}

/** The module's chosen reading level, when the draft has a valid one. */
export function draftReadingLevel(snapshot: unknown): ReadingLevel | undefined {
  const level = isRecord(snapshot) ? snapshot['readingLevel'] : undefined;
  return level === 'easy' || level === 'standard' ? level : undefined;
}

function scoreOf(text: string, language: string): ReadabilityScore | undefined {
  const key = `${language}\u0000${text}`;
  if (remembered.has(key)) return remembered.get(key);
  const score = measureReadability(text, language);
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, score);
  return score;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
