import type { Module } from '@careloom/format';
import type { Issue } from '@careloom/format';
import { moduleWarnings, validateModule } from '@careloom/format/validate';
import type { PageReadability, ReadingLevel } from '@careloom/format/engine';
import { YDocLayoutError } from '@careloom/format/ydoc';
import { yDocToModule } from '@careloom/format/ydoc';
import type * as Y from 'yjs';
import { answerableItems } from './conditions/answerable-items.js';
import type { AnswerableItem } from './conditions/answerable-items.js';
import { draftReadability, draftReadingLevel } from './draft-readability.js';

/** Schema problems that leave the module's shape intact, so the patient renderer can still show it. */
const SHAPE_KEEPING = new Set([
  'schema.min_length', 'schema.max_length', 'schema.pattern', 'schema.minimum', 'schema.maximum', 'schema.exclusive_minimum',
  'schema.exclusive_maximum', 'schema.min_items', 'schema.max_items', 'schema.format', 'schema.unique_items', 'schema.additional_property',
]);

/** What the editor derives from the draft after each change. */
export interface DraftAnalysis {
  snapshot: unknown;
  problems: Issue[];
  items: AnswerableItem[];
  pages: Array<{ id: string; title: string; index: number }>;
  languages: string[];
  defaultLanguage: string;
  title: string;
  /** The draft as a module the renderer can show, or undefined when its shape is broken. */
  previewable: Module | undefined;
  /** What the publish gate would warn about (plain language); only for a draft without problems. */
  warnings: Issue[];
  /** Each page's readability in each language, live (draft-readability.ts). */
  readability: PageReadability[];
  /** The module's chosen reading level, if any. */
  readingLevel: ReadingLevel | undefined;
}

/**
 * Reads the draft (`yDocToModule`), validates it with the server's validator, and lists what the
 * pickers need. A draft the mapping cannot read yields that one problem.
 *
 * @example
 * const { problems } = analyseDraft(session.doc, 'en');
 */
export function analyseDraft(doc: Y.Doc, language: string): DraftAnalysis {
  let snapshot: unknown;
  try {
    snapshot = yDocToModule(doc);
  } catch (error) {
    if (!(error instanceof YDocLayoutError)) throw error;
    return { snapshot: undefined, problems: [{ code: error.code, path: error.path, message: error.message }], items: [], pages: [], languages: [], defaultLanguage: language, title: '', previewable: undefined, warnings: [], readability: [], readingLevel: undefined };
  }
  const result = validateModule(snapshot);
  const problems = result.ok ? [] : result.issues;
  const record = (snapshot ?? {}) as Record<string, unknown>;
  const languages = Array.isArray(record['languages']) ? record['languages'].filter((value): value is string => typeof value === 'string') : [];
  const defaultLanguage = typeof record['defaultLanguage'] === 'string' ? record['defaultLanguage'] : (languages[0] ?? language);
  const shown = languages.includes(language) ? language : defaultLanguage;
  const pages = (Array.isArray(record['pages']) ? record['pages'] : []).map((page: unknown, index: number) => {
    const entry = (page ?? {}) as Record<string, unknown>;
    return { id: typeof entry['id'] === 'string' ? entry['id'] : '', title: textIn(entry['title'], shown), index };
  });
  const shapeIntact = problems.every((issue) => !issue.code.startsWith('schema.') || SHAPE_KEEPING.has(issue.code));
  return {
    snapshot,
    problems,
    items: answerableItems(snapshot, shown),
    pages,
    languages,
    defaultLanguage,
    title: textIn(record['title'], shown),
    previewable: result.ok ? result.value : shapeIntact && pages.length > 0 ? (snapshot as Module) : undefined,
    warnings: result.ok ? moduleWarnings(result.value) : [],
    readability: draftReadability(snapshot),
    readingLevel: draftReadingLevel(snapshot),
  };
}

function textIn(value: unknown, language: string): string {
  if (value === null || typeof value !== 'object') return '';
  const texts = value as Record<string, unknown>;
  const own = texts[language];
  if (typeof own === 'string' && own !== '') return own;
  return Object.values(texts).find((text): text is string => typeof text === 'string' && text !== '') ?? '';
}
