import type { Module, Page } from '../generated/format.js';
import { richTextToPlain } from './diff/plain-text.js';
import { measureReadability, meetsReadingLevel } from './readability.js';
import type { ReadabilityScore, ReadingLevel } from './readability.js';

/** One page's readability in one of the module's languages. */
export interface PageReadability {
  pageId: string;
  pageIndex: number;
  language: string;
  /** Undefined when the page has no text in the language or the language has no formula. */
  score: ReadabilityScore | undefined;
}

type Loose = Record<string, unknown>;

/**
 * The text a patient reads on a page in one language, one piece per line (a line ends a sentence
 * for the segmenter, so a title or an option label is a sentence of its own): the page title, text
 * blocks, captions, alt texts and transcripts, questions with their help and options, grids,
 * exercises, registrations with their plan and goal, and the unit-contact introduction.
 *
 * Instruments are left out: their wording is that of the validated scale, which a designer may not
 * reword, so a score of it could only be a warning nobody can act on. Only the language's own
 * translation counts (no fallback): a missing translation is the validator's business. A draft's
 * gaps (a block without its texts yet) are skipped.
 *
 * @example
 * pageText(module.pages[0], 'sv'); // 'Välkommen\nDet här är veckans första sida.'
 */
export function pageText(page: Page, language: string): string {
  const pieces: string[] = [];
  const plain = (value: unknown) => {
    const text = isRecord(value) ? value[language] : undefined;
    if (typeof text === 'string') pieces.push(text);
  };
  const rich = (value: unknown) => {
    const doc = isRecord(value) ? value[language] : undefined;
    if (doc !== undefined) pieces.push(richTextToPlain(doc));
  };
  const labels = (list: unknown, key: string) => {
    if (Array.isArray(list)) for (const entry of list) if (isRecord(entry)) plain(entry[key]);
  };
  const input = (value: unknown) => {
    if (!isRecord(value)) return;
    labels(value['options'], 'label');
    for (const key of ['minLabel', 'maxLabel', 'yesLabel', 'noLabel']) plain(value[key]);
  };
  const fields = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const field of list) {
      if (!isRecord(field)) continue;
      plain(field['label']);
      plain(field['help']);
      input(field['input']);
    }
  };
  plain(page.title);
  for (const block of Array.isArray(page.blocks) ? (page.blocks as unknown[]) : []) {
    if (!isRecord(block)) continue;
    switch (block['type']) {
      case 'text':
        rich(block['content']);
        break;
      case 'image':
      case 'film':
      case 'audio':
        plain(block['alt']);
        plain(block['caption']);
        rich(block['transcript']);
        break;
      case 'question':
        plain(block['prompt']);
        plain(block['help']);
        input(block['input']);
        break;
      case 'grid':
        plain(block['prompt']);
        labels(block['rows'], 'prompt');
        labels(block['options'], 'label');
        break;
      case 'exercise':
        plain(block['title']);
        rich(block['instructions']);
        fields(block['fields']);
        break;
      case 'registration': {
        plain(block['title']);
        plain(block['description']);
        fields(block['fields']);
        const zones = block['zones'];
        if (isRecord(zones)) {
          labels(zones['rules'], 'explanation');
          if (isRecord(zones['actions'])) for (const zone of ['green', 'yellow', 'red']) rich(zones['actions'][zone]);
        }
        if (isRecord(block['goal'])) plain(block['goal']['label']);
        break;
      }
      case 'unitContact':
        plain(block['intro']);
        break;
      default:
        // An instrument (see above), or a draft's block without a type yet.
        break;
    }
  }
  return pieces.filter((piece) => piece.trim() !== '').join('\n');
}

/**
 * Every page's readability in every language of the module, pages in order, languages as declared.
 *
 * @example
 * moduleReadability(module).filter(({ score }) => score?.band === 'hard');
 */
export function moduleReadability(module: Pick<Module, 'languages' | 'pages'>): PageReadability[] {
  const languages = Array.isArray(module.languages) ? module.languages : [];
  const pages = Array.isArray(module.pages) ? module.pages : [];
  return pages.flatMap((page, pageIndex) =>
    languages.map((language) => ({ pageId: typeof page.id === 'string' ? page.id : '', pageIndex, language, score: measureReadability(pageText(page, language), language) })),
  );
}

/**
 * The pages, per language, harder than the module's reading level (none when it declares none).
 *
 * @example
 * pagesAboveReadingLevel(module, 'easy'); // [{ pageId: 'p2', language: 'sv', score: { formula: 'lix', score: 44.1, … } }]
 */
export function pagesAboveReadingLevel(module: Pick<Module, 'languages' | 'pages'>, level: ReadingLevel | undefined): Array<PageReadability & { score: ReadabilityScore }> {
  if (level === undefined) return [];
  return moduleReadability(module).filter((entry): entry is PageReadability & { score: ReadabilityScore } => entry.score !== undefined && !meetsReadingLevel(entry.score, level));
}

function isRecord(value: unknown): value is Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
